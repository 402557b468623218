// `netns-lab run --diff` as a user meets it: after each cell, what it changed in the namespaces it touched, and
// the cell options diff=true and diff=false deciding per cell. Every cell runs in this file's own namespaces.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const red = lab.namespaceName('red');
const blue = lab.namespaceName('blue');

function notebook(name: string, cells: string[]): string {
  writeFileSync(join(runner.workDirectory, name), `# Diff\n\n${cells.join('\n')}`);
  return name;
}

const cell = (source: string, options = ''): string => `\`\`\`sh {netns=${red}${options ? ` ${options}` : ''}}\n${source}\n\`\`\`\n`;

describe('netns-lab run --diff', () => {
  test('prints after each cell what it changed: a veth pair made, one end moved, an address added', async () => {
    execFileSync('ip', ['netns', 'add', red]);
    execFileSync('ip', ['netns', 'add', blue]);
    const file = notebook('moves.netns.md', [cell('ip link add v0 type veth peer name v1'), cell(`ip link set v1 netns ${blue}`), cell('ip address add 10.79.0.1/24 dev v0 && ip link set v0 up')]);
    const result = await runner.runOk('run', '--diff', file);
    assert.ok(result.stdout.includes(`── cell 1/3 changed:\n   + link v0 in ${red} (veth, down, mtu 1500)\n   + link v1 in ${red} (veth, down, mtu 1500)\n── cell 1/3 passed`), result.stdout);
    assert.ok(result.stdout.includes(`── cell 2/3 changed:\n   > link v1 in ${blue} (from ${red}, veth, down, mtu 1500)\n── cell 2/3 passed`), result.stdout);
    assert.ok(
      result.stdout.includes(`── cell 3/3 changed:\n   ~ link v0 in ${red}: down → up\n   + address 10.79.0.1/24 on v0 in ${red}\n   + route 10.79.0.0/24 dev v0 in ${red}\n── cell 3/3 passed`),
      result.stdout,
    );
  });

  test('a cell with diff=false prints no diff under --diff; one with diff=true prints it without', async () => {
    const file = notebook('options.netns.md', [cell('ip link set v0 mtu 1400', 'diff=false'), cell('ip link set v0 mtu 1300', 'diff=true')]);
    const withFlag = await runner.runOk('run', '--diff', file);
    assert.ok(!withFlag.stdout.includes('── cell 1/2 changed:'), withFlag.stdout);
    assert.ok(withFlag.stdout.includes(`── cell 2/2 changed:\n   ~ link v0 in ${red}: mtu 1400 → 1300\n`), withFlag.stdout);
    const withoutFlag = await runner.runOk('run', file);
    assert.ok(!withoutFlag.stdout.includes('── cell 1/2 changed:'), withoutFlag.stdout);
    assert.ok(withoutFlag.stdout.includes(`── cell 2/2 changed:\n   ~ link v0 in ${red}: mtu 1400 → 1300\n`), withoutFlag.stdout);
  });

  test('a bad diff= value is refused in one line with its line and column, and nothing runs', async () => {
    const file = notebook('bad.netns.md', [cell('ip link set v0 mtu 1200', 'diff=yes')]);
    const result = await runner.run('run', '--diff', file);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /bad\.netns\.md:3:\d+: bad value "yes" for diff; expected diff=true or diff=false/u);
    assert.equal(execFileSync('ip', ['-n', red, '-j', 'link', 'show', 'v0'], { encoding: 'utf8' }).includes('"mtu":1300'), true);
  });
});
