// The set-up as the README runs it (`npm run setup`): npm exports its own settings to every child, and the VS Code
// host's set-up must not hand them to the npm it starts under Node 24 (code-server's install script refused to
// install when npm_config_user_agent named the outer Node 20). Checked under npm itself, without installing anything.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the VS Code host set-up under npm', () => {
  test('npm passes its settings to the script, and the script drops every one of them', () => {
    const command = 'env | grep -c "^npm_config_user_agent="; bash scripts/vscode-host/setup.sh --print-npm-settings';
    const result = spawnSync('npm', ['exec', '--no', '-c', command], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const [seenByScript, ...left] = result.stdout.trim().split('\n');
    assert.equal(seenByScript, '1', 'npm did not export its user agent, so this test would prove nothing');
    assert.deepEqual(left, []);
  });
});
