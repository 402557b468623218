// A 100-namespace lab, as in the benchmark (each namespace with a veth to a shared root bridge, an address and a
// default route), written as a file: it deploys, deploys again with nothing to change, and destroys with nothing
// of it left (namespaces, root links, record).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deployLab, destroyLab } from '../../../../src/core/index.js';
import { ip, namespaceExists, rootLinkNames } from '../../support/lab.js';
import { inNamespace, labRecordExists, topologyOf } from '../../support/labs.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });
const COUNT = 100;

function hundredNamespaces(name: string): string {
  const indexes = Array.from({ length: COUNT }, (_, index) => index);
  const port = (index: number): string => lab.interfaceName(`p${index}`);
  return [
    `lab: ${name}`,
    'namespaces:',
    ...indexes.map((index) => `  h${index}: { routes: [default via 10.220.0.1] }`),
    'bridges:',
    `  ${lab.interfaceName('sw')}:`,
    '    addresses: [10.220.0.1/16]',
    `    ports: [${indexes.map(port).join(', ')}]`,
    'links:',
    ...indexes.map((index) => `  - [h${index}:eth0 10.220.${1 + Math.floor(index / 200)}.${1 + (index % 200)}/16, ${port(index)}]`),
  ].join('\n');
}

describe('a 100-namespace lab', () => {
  test('deploys, deploys again with no change, and destroys with nothing left', async () => {
    const name = `${lab.prefix}s`;
    const file = topologyOf(hundredNamespaces(name));
    const first = await deployLab(host, file);
    assert.equal(first.plan.changes.filter((change) => change.subject.startsWith('namespace ')).length, COUNT);
    const names = ip('netns', 'list')
      .split('\n')
      .filter((line) => line.startsWith(`${name}-`));
    assert.equal(names.length, COUNT);
    const ping = inNamespace(`${name}-h99`, 'ping', '-c', '1', '-W', '2', '10.220.1.1');
    assert.equal(ping.status, 0, `h99 reaches h0 across the bridge: ${ping.stdout}${ping.stderr}`);

    const again = await deployLab(host, file);
    assert.equal(again.applied, false);
    assert.deepEqual(again.plan.changes, []);

    const removed = await destroyLab(host, name);
    assert.equal(removed.namespaces.length, COUNT);
    assert.equal(namespaceExists(`${name}-h0`) || namespaceExists(`${name}-h99`), false);
    assert.equal(
      ip('netns', 'list')
        .split('\n')
        .filter((line) => line.startsWith(`${name}-`)).length,
      0,
    );
    assert.deepEqual(
      rootLinkNames().filter((link) => link.startsWith(lab.prefix)),
      [],
    );
    assert.equal(labRecordExists(name), false);
  });
});
