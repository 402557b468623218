// Runs the tests that tsc compiled into out/ with Node's own test runner.
//
//   node scripts/run-tests.mjs unit [PART…]   test/unit: need neither root nor a network, so they run in parallel
//   node scripts/run-tests.mjs host [PART…]   test/host: make real namespaces, processes and sshd servers as root;
//                                             one file at a time, since they share the machine's network state
//
// With PARTs, only the files whose path holds one of them. A compiled file runs only while its TypeScript source
// exists, so one left behind in out/ by a moved or deleted test does not run.
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const [kind, ...parts] = process.argv.slice(2);
if (kind !== 'unit' && kind !== 'host') {
  console.error('usage: node scripts/run-tests.mjs unit|host [PART…]');
  process.exit(2);
}
const folder = join('out/test', kind);
const files = testFiles(folder).filter((file) => existsSync(relative('out', file).replace(/\.js$/u, '.ts')));
const chosen = parts.length ? files.filter((file) => parts.some((part) => file.includes(part))) : files;
if (chosen.length === 0) {
  console.error(`no test file under ${folder} matches ${parts.join(' ')}`);
  process.exit(1);
}
// Node runs one file at a time by default on a two-core machine; the unit tests are short and mostly wait on
// nothing, so a few at once pay off even there.
const concurrency = kind === 'unit' ? Math.max(4, availableParallelism()) : 1;
const result = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...chosen], { stdio: 'inherit' });
process.exit(result.status ?? 1);

function testFiles(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'support' ? [] : testFiles(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });
}
