/**
 * Check results as JUnit XML, the report CI systems read: one test suite per checked file, one test case per
 * check, a `<failure>` with the deciding fact for each that failed.
 */
import type { CheckResult } from '../core/checks/model.js';

export interface CheckedFile {
  file: string;
  results: CheckResult[];
}

export function junitReport(files: readonly CheckedFile[]): string {
  const all = files.flatMap((file) => file.results);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="netns-lab check" ${counts(all)}>`];
  for (const { file, results } of files) {
    lines.push(`  <testsuite name="${xml(file)}" ${counts(results)}>`);
    for (const result of results) {
      const where = result.line === undefined ? file : `${file}:${result.line}`;
      const open = `    <testcase name="${xml(result.subject)}" classname="${xml(where)}" time="${seconds(result.durationMs)}"`;
      if (result.passed) {
        lines.push(`${open}/>`);
      } else {
        lines.push(`${open}>`, `      <failure message="${xml(result.message)}" type="${xml(result.kind)}">${xml(result.message)}</failure>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

function counts(results: readonly CheckResult[]): string {
  const failures = results.filter((result) => !result.passed).length;
  const time = results.reduce((longest, result) => Math.max(longest, result.durationMs), 0);
  return `tests="${results.length}" failures="${failures}" errors="0" time="${seconds(time)}"`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/**
 * Text for an XML attribute or element. Characters XML 1.0 does not allow at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) cannot even be escaped, so they are written as visible `\uXXXX`.
 */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;')
    .replace(/\n/gu, '&#10;')
    .replace(/\r/gu, '&#13;')
    .replace(/\t/gu, '&#9;');
}
