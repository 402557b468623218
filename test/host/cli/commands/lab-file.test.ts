// Topology files the command line refuses for what the text is: not UTF-8, too large, an alias to nothing, a merge
// key. Each gives its problem as FILE:LINE:COL, exits 1 and changes nothing. Lab names start with this run's prefix,
// so anything a wrongly accepted file made is removed by the `after` hook, with the labs' records.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliResult } from '../../support/cli.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });

const pair = (name: string): string => `lab: ${name}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n`;

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(join(runner.workDirectory, name), content);
  return name;
}

function ownNamespaces(): string[] {
  return readdirSync('/run/netns').filter(lab.owns);
}

/** The refusal: exit 1, the problem first as FILE:LINE:COL, and the summary line last. */
function assertRefused(result: CliResult, file: string, line: number, column: number, fragment: RegExp): void {
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.ok(lines[0]!.startsWith(`${file}:${line}:${column}: `), lines[0]);
  assert.match(lines[0]!, fragment);
  assert.match(lines.at(-1)!, /^netns-lab/u);
  assert.equal(result.stdout, '');
}

describe('topology files refused for their text', () => {
  test('validate names a byte that is not UTF-8 at its line and column', async () => {
    const file = write('latin1.netns.yaml', Buffer.concat([Buffer.from(`lab: ${lab.prefix}a\nnamespaces: [r`), Buffer.from([0xe9]), Buffer.from('d]\n')]));
    assertRefused(await runner.run('validate', file), file, 2, 15, /not valid UTF-8: byte 0xe9/u);
  });

  test('deploy refuses a file above 1 MiB, saying the limit, and creates nothing', async () => {
    const file = write('huge.netns.yaml', `${pair(`${lab.prefix}h`)}# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    assertRefused(await runner.run('deploy', file), file, 1, 1, /larger than the 1 MiB \(1,048,576 bytes\) a topology file may have/u);
    assert.deepEqual(ownNamespaces(), []);
  });

  test('deploy refuses an alias that stands for nothing at the alias, and creates nothing', async () => {
    const file = write('alias.netns.yaml', `lab: ${lab.prefix}al\nnamespaces: [red, *blue]\n`);
    assertRefused(await runner.run('deploy', file), file, 2, 19, /the alias \*blue stands for nothing/u);
    assert.deepEqual(ownNamespaces(), []);
  });

  test('deploy refuses a merge key at the key, and creates nothing', async () => {
    const file = write('merge.netns.yaml', `lab: ${lab.prefix}m\nnamespaces:\n  red: &r { forwarding: true }\n  blue:\n    <<: *r\n`);
    assertRefused(await runner.run('deploy', file), file, 5, 5, /merge keys \(<<\) are not supported/u);
    assert.deepEqual(ownNamespaces(), []);
  });

  test('destroy of a file that is not UTF-8 changes nothing and says to name the lab', async () => {
    const file = write('destroy-latin1.netns.yaml', Buffer.concat([Buffer.from(`lab: ${lab.prefix}d\xe9`, 'latin1'), Buffer.from('\nnamespaces: [red]\n')]));
    const result = await runner.run('destroy', file);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not valid UTF-8/u);
    assert.match(result.stderr, /name it: netns-lab destroy --lab NAME\n$/u);
  });
});
