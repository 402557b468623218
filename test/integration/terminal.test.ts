/** A namespace terminal's shell runs inside the namespace, and goes when the terminal is disposed. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from './support/extension.js';
import { ip, lab, namespaceInode, processAlive } from './support/lab.js';
import { eventually } from './support/wait.js';

describe('namespace terminals', () => {
  const namespace = lab.namespaceName('-terminal');
  // Made in `before`, not here: suite bodies run when the bundle loads, also in runs that skip this suite.
  let folder = '';
  let terminal: vscode.Terminal | undefined;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'netns-lab-terminal-'));
    await activateExtension();
    ip('netns', 'add', namespace);
  });

  after(() => {
    terminal?.dispose();
    if (folder) rmSync(folder, { recursive: true, force: true });
    lab.cleanup();
  });

  it('namespace.openTerminal returns a terminal whose shell runs in the namespace and ends with the terminal', async () => {
    terminal = await vscode.commands.executeCommand<vscode.Terminal>('netnsLab.namespace.openTerminal', { namespace });
    assert.ok(terminal, 'the command returned no terminal');
    const pid = await terminal.processId;
    assert.ok(pid, 'the terminal has no process');
    const expected = namespaceInode(`/run/netns/${namespace}`);
    // The process is ip netns exec until it has entered the namespace and started the shell: wait for that.
    await eventually(() => (namespaceInode(`/proc/${pid}/ns/net`) === expected ? true : undefined), { what: 'the shell process to be in the namespace', timeoutMs: 10_000 });
    assert.notEqual(namespaceInode('/proc/self/ns/net'), expected, 'test bug: the extension host is in the namespace');
    assert.equal(terminal.name, `netns: ${namespace} (root shell)`);
    assert.equal(readlinkSync(`/proc/${pid}/cwd`), homedir(), 'the shell does not start in the home folder');

    // What the shell itself says: its commands run in the namespace too.
    const answer = join(folder, 'ns');
    terminal.sendText(`readlink /proc/self/ns/net > ${answer}.tmp && mv ${answer}.tmp ${answer}`);
    const said = await eventually(() => (existsSync(answer) ? readFileSync(answer, 'utf8').trim() : undefined), {
      what: 'the shell to write its namespace',
      timeoutMs: 15_000,
    });
    assert.equal(said, `net:[${expected}]`);

    terminal.dispose();
    terminal = undefined;
    await eventually(() => (processAlive(pid) ? undefined : true), { what: `the shell (pid ${pid}) to end` });
  });
});
