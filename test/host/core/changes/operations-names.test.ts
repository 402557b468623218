// Hostile namespace names through the change operations and the reads: each is created, listed literally,
// read, and deleted; nothing in a name is ever run by a shell; an invalid name is refused before anything runs.
// All of it on this machine through LocalHost and through SshHost (a real sshd on 127.0.0.1), one host after the
// other, so the same names can be made and deleted by each.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidNameError, createNamespace, createVethPair, deleteNamespace, readNamespace, readNamespaceNames, readSnapshot, type CommandRecord } from '../../../../src/core/index.js';
import type { Host } from '../../../../src/core/host/host.js';
import { hostsUnderTest } from '../../support/hosts.js';
import { namespaceExists } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab } = testSetup();
const records: CommandRecord[] = [];

const P = lab.prefix;
const pwnedFiles = [`pwned-${P}`, `pwned2-${P}`, `pwned3-${P}`];
const hostileNames = [
  `${P} with spaces`,
  `${P} it's "quoted"`,
  `${P};echo hi`,
  `${P}$(touch ${pwnedFiles[0]})`,
  `${P}\`touch ${pwnedFiles[1]}\``,
  `${P}\nnewline $(touch ${pwnedFiles[2]})`,
  `${P}ünïcødé 名前 🙂`,
  lab.own(`-${P}leading-dash`),
  lab.own(`.${P}hidden`),
  lab.own(`..${P}two-dots`),
  `${P}#hash * ? [a] ~ \\ $HOME`,
];
/** Where an injected `touch` would land: the shell's cwd (this process's cwd), /, and root's home. */
const folders = [process.cwd(), '/', '/root'];

for (const target of hostsUnderTest()) {
  describe(`on ${target.label}`, { skip: target.skip }, () => {
    let host: Host;
    before(async () => {
      host = await target.open({ observer: (record) => records.push(record) });
    });
    after(() => target.close());

    describe('hostile namespace names', () => {
      for (const name of hostileNames) {
        describe(`the name ${JSON.stringify(name)}`, () => {
          before(() => createNamespace(host, name, { loopbackUp: true }));
          after(() => (namespaceExists(name) ? deleteNamespace(host, name) : undefined));

          test('exists under /run/netns by that literal name', () => {
            assert.ok(namespaceExists(name));
          });

          test('is listed literally by readNamespaceNames', async () => {
            assert.ok((await readNamespaceNames(host)).includes(name));
          });

          test('is listed literally by readSnapshot, and read without error', async () => {
            const state = (await readSnapshot(host)).namespaces.find((candidate) => candidate.name === name);
            assert.ok(state, 'not in the snapshot');
            assert.equal(state.error, undefined);
            assert.equal(state.links.find((link) => link.name === 'lo')?.up, true);
          });

          test('is deleted by deleteNamespace', async () => {
            await deleteNamespace(host, name);
            assert.equal(namespaceExists(name), false);
            assert.equal((await readNamespaceNames(host)).includes(name), false);
          });
        });
      }

      // The pair is made from the first namespace, so the second name is quoted inside an `ip -batch` line.
      describe('a veth pair between two hostile names', () => {
        const [semicolon, spaced] = [`${P};x`, `${P} a b`];
        const [a, b] = [lab.interfaceName('ha'), lab.interfaceName('hb')];
        before(async () => {
          await createNamespace(host, semicolon);
          await createNamespace(host, spaced);
          await createVethPair(host, { name: a, namespace: semicolon, addresses: ['10.84.0.1/24'] }, { name: b, namespace: spaced }, { up: true });
        });
        // Gone before the next host's turn, which makes them again.
        after(async () => {
          for (const name of [semicolon, spaced]) if (namespaceExists(name)) await deleteNamespace(host, name);
        });

        test('each end is found in its namespace, naming the other', async () => {
          const state = await readNamespace(host, semicolon);
          assert.deepEqual(state.links.find((link) => link.name === a)?.peer, { namespace: spaced, interface: b });
        });

        test('the address was set on the end in the first namespace', async () => {
          const state = await readNamespace(host, semicolon);
          assert.ok(state.links.find((link) => link.name === a)?.addresses.some((address) => address.address === '10.84.0.1'));
        });
      });

      test('no command substitution in a name ever ran', () => {
        const found = folders.flatMap((folder) => pwnedFiles.map((file) => join(folder, file))).filter((path) => existsSync(path));
        assert.deepEqual(found, []);
      });
    });

    describe('invalid names', () => {
      test('a namespace name with "/" is refused with InvalidNameError before anything runs', async () => {
        const before = records.length;
        await assert.rejects(createNamespace(host, `${P}/x`), (error: unknown) => error instanceof InvalidNameError && /must not contain "\/"/.test(error.message));
        assert.equal(records.length, before, 'a command ran');
      });

      test('a veth end with a bad interface name is refused before anything runs', async () => {
        const before = records.length;
        const creating = createVethPair(host, { name: lab.interfaceName('ok'), namespace: null }, { name: `${P} bad`, namespace: null });
        await assert.rejects(creating, InvalidNameError);
        assert.equal(records.length, before, 'a command ran');
      });
    });
  });
}
