// The netlink helper past the kernel's nsid dump limit: the root namespace with veths into 1,000 namespaces has an
// nsid table of over 1,000 entries, more than one dump of it returns (about 900), and every peer must still be
// named exactly. The namespaces are made with one `ip -batch` and removed by testSetup's hook.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readNamespace, type PeerRef } from '../../../../src/core/index.js';
import { testSetup } from '../../support/setup.js';

const COUNT = 1000;
const { lab, host } = testSetup({ host: true });
const names = Array.from({ length: COUNT }, (_, index) => lab.namespaceName(`-${index}`));
const rootEnd = (index: number): string => lab.interfaceName(`r${index}`);

before(() => {
  const lines = names.map((name) => `netns add ${name}`);
  names.forEach((name, index) => lines.push(`link add name ${rootEnd(index)} type veth peer name eth0 netns ${name}`));
  const result = spawnSync('ip', ['-batch', '-'], { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
});

test('the root namespace with veths into 1,000 namespaces (nsid table over the ~900-entry dump limit) names every peer', { timeout: 120_000 }, async () => {
  const root = await readNamespace(host, null);
  const seen = new Map(root.links.map((link) => [link.name, link.peer]));
  const wrong = names.flatMap((name, index) => {
    const expected: PeerRef = { namespace: name, interface: 'eth0' };
    const peer = seen.get(rootEnd(index));
    return JSON.stringify(peer) === JSON.stringify(expected) ? [] : [`${rootEnd(index)}: ${JSON.stringify(peer)}`];
  });
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${COUNT} root ends lack their exact peer`);
});
