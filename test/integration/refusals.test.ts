/** Invalid names given to commands are refused before anything runs, with a message naming the rule. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension } from './support/extension.js';
import { ip, lab, linksIn, ownNamespaces } from './support/lab.js';

describe('commands refuse invalid names', () => {
  const namespace = lab.namespaceName('-refusals');

  before(async () => {
    await activateExtension();
    ip('netns', 'add', namespace);
  });

  after(() => {
    lab.cleanup();
  });

  it('namespace.create refuses a name with "/" and makes nothing', async () => {
    const before = ownNamespaces();
    const name = `${lab.prefix}-a/b`;
    await assert.rejects(async () => vscode.commands.executeCommand('netnsLab.namespace.create', { name }), /must not contain "\/"/u);
    assert.deepEqual(ownNamespaces(), before);
    assert.equal(existsSync(`/run/netns/${lab.prefix}-a`), false);
  });

  it('veth.create refuses a 16-byte interface name and makes neither end', async () => {
    const tooLong = `${lab.prefix}0123456789`;
    const peer = lab.interfaceName('ok');
    assert.equal(Buffer.byteLength(tooLong), 16, 'test bug: the name must be 16 bytes');
    await assert.rejects(async () => vscode.commands.executeCommand('netnsLab.veth.create', { first: { name: tooLong, namespace }, second: { name: peer, namespace: null } }), /at most 15 bytes/u);
    const made = [...linksIn(namespace), ...linksIn(null)].map((link) => link.ifname).filter((name) => name === tooLong || name === peer);
    assert.deepEqual(made, []);
  });
});
