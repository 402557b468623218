// Destroying labs removes exactly what is theirs: with the record, without it (tags only), after the file is gone,
// next to another lab whose name starts the same, and past a namespace whose name someone reused. Hostile lab names
// travel literally.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { deployLab, destroyLab } from '../../../../src/core/index.js';
import { ip, namespaceExists, rootLinkNames } from '../../support/lab.js';
import { kernelLink, labRecordExists, REGISTRY, topologyOf } from '../../support/labs.js';
import { eventually, holds } from '../../../support/eventually.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });

/** Two namespaces joined by a veth, and one with a veth to a root bridge. */
function twoNamespaces(name: string, rootSuffix: string): string {
  return `
lab: ${JSON.stringify(name)}
namespaces: [n1, n2]
bridges:
  ${lab.interfaceName(`${rootSuffix}b`)}: { ports: [${lab.interfaceName(`${rootSuffix}p`)}] }
links:
  - [n1:eth0 10.70.0.1/24, n2:eth0 10.70.0.2/24]
  - [n2:up 10.71.0.2/24, ${lab.interfaceName(`${rootSuffix}p`)}]
`;
}

function labIsGone(name: string, rootSuffix: string): void {
  assert.equal(namespaceExists(`${name}-n1`), false);
  assert.equal(namespaceExists(`${name}-n2`), false);
  const root = rootLinkNames();
  assert.equal(root.includes(lab.interfaceName(`${rootSuffix}b`)), false, 'root bridge removed');
  assert.equal(root.includes(lab.interfaceName(`${rootSuffix}p`)), false, 'root veth end removed');
  assert.equal(labRecordExists(name), false, 'record removed');
}

describe('destroying a lab', () => {
  test('removes its namespaces, root bridge and root veth ends from its record, without the file', async () => {
    const name = `${lab.prefix}d`;
    await deployLab(host, topologyOf(twoNamespaces(name, 'd')));
    assert.ok(labRecordExists(name));
    const removed = await destroyLab(host, name);
    assert.deepEqual([...removed.namespaces].sort(), [`${name}-n1`, `${name}-n2`]);
    labIsGone(name, 'd');
  });

  test('without a record, finds the lab by the tags on its objects', async () => {
    const name = `${lab.prefix}e`;
    await deployLab(host, topologyOf(twoNamespaces(name, 'e')));
    rmSync(`${REGISTRY}/${encodeURIComponent(name)}.json`);
    await destroyLab(host, name);
    labIsGone(name, 'e');
  });

  test('destroying twice, or a lab that never was, changes nothing and succeeds', async () => {
    const name = `${lab.prefix}f`;
    const nothing = await destroyLab(host, name);
    assert.deepEqual(nothing.namespaces, []);
    assert.deepEqual(nothing.rootInterfaces, []);
  });

  test("leaves another lab whose name starts the same, and an unrelated namespace named like the lab's", async () => {
    const name = `${lab.prefix}g`;
    const longer = `${name}-x`; // its namespaces, `…g-x-n1`, start with `…g-` too
    const unrelated = lab.own(`${name}-mine`);
    ip('netns', 'add', unrelated);
    await deployLab(host, topologyOf(twoNamespaces(name, 'g')));
    await deployLab(host, topologyOf(twoNamespaces(longer, 'h')));
    for (const withRecord of [true, false]) {
      if (!withRecord) {
        await deployLab(host, topologyOf(twoNamespaces(name, 'g')));
        rmSync(`${REGISTRY}/${encodeURIComponent(name)}.json`);
      }
      await destroyLab(host, name);
      labIsGone(name, 'g');
      assert.ok(namespaceExists(`${longer}-n1`) && namespaceExists(`${longer}-n2`), 'the other lab stays');
      assert.ok(rootLinkNames().includes(lab.interfaceName('hb')), "the other lab's root bridge stays");
      assert.ok(namespaceExists(unrelated), 'the unrelated namespace stays');
    }
    await destroyLab(host, longer);
    labIsGone(longer, 'h');
  });

  test('a namespace whose name was reused after the lab made it is left alone', async () => {
    const name = `${lab.prefix}i`;
    await deployLab(host, topologyOf(twoNamespaces(name, 'i')));
    ip('netns', 'delete', `${name}-n1`);
    ip('netns', 'add', `${name}-n1`); // somebody else's now, under the same name (the kernel may even give it the same inode number)
    const removed = await destroyLab(host, name);
    assert.deepEqual(removed.skipped, [`${name}-n1`]);
    assert.ok(namespaceExists(`${name}-n1`));
    assert.equal(namespaceExists(`${name}-n2`), false);
    ip('netns', 'delete', `${name}-n1`);
  });

  test('a lab name with quotes, spaces, ";", "$()" and "#" is used literally everywhere', async () => {
    const marker = `pwned-${lab.prefix}`;
    const name = `${lab.prefix} it's "a" lab; $(touch ${marker}) #1`;
    const file = topologyOf(twoNamespaces(name, 'q'));
    const first = await deployLab(host, file);
    assert.equal(first.applied, true);
    assert.ok(namespaceExists(`${name}-n1`), 'namespace with the literal name');
    assert.equal(kernelLink(`${name}-n1`, 'lo')?.ifalias, `netns-lab:${name}`);
    assert.deepEqual((await deployLab(host, file)).plan.changes, [], 'a second deploy finds everything in place');
    await destroyLab(host, name);
    labIsGone(name, 'q');
    for (const folder of [process.cwd(), '/', '/root', '/tmp']) assert.equal(existsSync(`${folder}/${marker}`), false, 'nothing in the name was run');
  });

  test('the root end of a veth whose namespace was destroyed is gone when destroy returns', async () => {
    const name = `${lab.prefix}j`;
    await deployLab(host, topologyOf(twoNamespaces(name, 'j')));
    await destroyLab(host, name);
    // No waiting here: destroy itself waits for the kernel to remove the ends of deleted namespaces.
    assert.equal(rootLinkNames().includes(lab.interfaceName('jp')), false);
    // The kernel removes the root ends of deleted namespaces a moment later.
    await eventually(
      holds(() => !namespaceExists(`${name}-n2`)),
      { what: 'the namespace to go', intervalMs: 25 },
    );
  });
});
