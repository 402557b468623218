// Reading many namespaces in one script while some of them are deleted: a namespace that goes during a read is
// skipped, never an error. The lab (200 namespaces) is made with one `ip -batch`; deletions are real `ip netns
// delete`s. Where a deletion must fall between listing and reading, a LocalHost deletes it the moment the read
// script (or the netlink helper) is about to start: the timing is fixed, everything else runs for real.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalHost, readSnapshot, type HostSnapshot, type RunOptions, type RunResult } from '../../../../src/core/index.js';
import { readNamespaceSet } from '../../../../src/core/state/read.js';
import { ip, namespaceExists } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const COUNT = 200;
const { lab, host } = testSetup({ host: true });
const names = Array.from({ length: COUNT }, (_, index) => lab.namespaceName(`-${index}`));

before(() => {
  const lines = names.map((name) => `netns add ${name}`);
  // A veth from each namespace to the next, so that the read also resolves peers into the ones that go.
  for (let index = 0; index + 1 < COUNT; index++) {
    lines.push(`link add name ${lab.interfaceName(`v${index}`)} type veth peer name right netns ${names[index + 1]}`, `link set dev ${lab.interfaceName(`v${index}`)} netns ${names[index]}`);
  }
  const result = spawnSync('ip', ['-batch', '-'], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

/** Our namespaces in a snapshot: none may carry an error, whether or not it was deleted. */
function ours(snapshot: HostSnapshot): HostSnapshot['namespaces'] {
  const found = snapshot.namespaces.filter((state) => state.name !== null && lab.owns(state.name));
  const failed = found.filter((state) => state.error !== undefined).map((state) => `${String(state.name)}: ${state.error}`);
  assert.deepEqual(failed, []);
  return found;
}

/**
 * A LocalHost that does `act` once, just before (or, with `after`, just after) the command whose argv[3] is
 * `marker` runs; `acted` says whether it has.
 */
class ActingHost extends LocalHost {
  acted = false;
  constructor(
    private readonly marker: string,
    private readonly act: () => void,
    private readonly when: 'before' | 'after' = 'before',
  ) {
    super();
  }

  override async run(argv: readonly string[], options?: RunOptions): Promise<RunResult> {
    const now = !this.acted && argv[3] === this.marker;
    if (now && this.when === 'before') this.actOnce();
    const result = await super.run(argv, options);
    if (now && this.when === 'after') this.actOnce();
    return result;
  }

  private actOnce(): void {
    this.act();
    this.acted = true;
  }
}

/** Deletes `victim` just before the command marked `marker` starts. */
function deletingHost(marker: string, victim: string): ActingHost {
  return new ActingHost(marker, () => ip('netns', 'delete', victim));
}

describe('a namespace deleted between listing and reading', () => {
  const victim = names[100]!;
  const deleting = deletingHost('netns-lab-read', victim);
  after(() => deleting.dispose());

  test('is left out of the snapshot, and every other namespace is read with its peers', async () => {
    const snapshot = await readSnapshot(deleting);
    assert.ok(deleting.acted && !namespaceExists(victim), 'the namespace was not deleted during the read');
    const read = ours(snapshot).map((state) => state.name);
    assert.deepEqual(read, names.filter((name) => name !== victim).sort());
    // Its neighbours' veths into it went with it; the other neighbours keep exact peers.
    const before = snapshot.namespaces.find((state) => state.name === names[98]);
    assert.deepEqual(before?.links.find((link) => link.name === 'right')?.peer, { namespace: names[97], interface: lab.interfaceName('v97') });
  });
});

describe('a namespace deleted after it was read, before its peers are resolved', () => {
  const victim = names[150]!;
  const deleting = deletingHost('netns-lab-netlink', victim);
  after(() => deleting.dispose());

  test('is no error: the read finishes and no namespace of the lab carries one', async () => {
    const snapshot = await readSnapshot(deleting);
    assert.ok(deleting.acted && !namespaceExists(victim), 'the namespace was not deleted during the read');
    const read = ours(snapshot).map((state) => state.name);
    assert.deepEqual(
      read.filter((name) => name !== victim),
      names.filter((name) => name !== victim && name !== names[100]).sort(),
    );
  });
});

test('namespaces deleted while a snapshot of them runs are skipped, not errors', async () => {
  const victims = names.slice(0, 100).filter((_, index) => index % 10 === 5);
  const reading = readSnapshot(host);
  for (const victim of victims) {
    await sleep(25);
    ip('netns', 'delete', victim);
  }
  const read = ours(await reading).map((state) => state.name);
  const survivors = names.filter((name) => namespaceExists(name));
  for (const name of survivors) assert.ok(read.includes(name), `${name} was not deleted but is missing`);
});

describe('a namespace unmounted, not yet unlinked, when it is read', () => {
  // `ip netns delete` unmounts the namespace, then removes its name: in between, its name is an empty file, which
  // cannot be entered ("Invalid argument"), as a name broken for good cannot. Here the name goes right after the
  // read script has met it; another empty file stays.
  const [halfGone, broken] = [lab.namespaceName('-halfgone'), lab.namespaceName('-broken')];
  const unlinking = new ActingHost('netns-lab-read', () => rmSync(`/run/netns/${halfGone}`, { force: true }), 'after');
  after(() => {
    unlinking.dispose();
    for (const name of [halfGone, broken]) rmSync(`/run/netns/${name}`, { force: true });
  });

  test('is left out once its name is gone; a name that stays unreadable is read as an error', async () => {
    for (const name of [halfGone, broken]) writeFileSync(`/run/netns/${name}`, '');
    // Two namespaces are read by one run of the read script: the name goes only once both have been met.
    const read = await readNamespaceSet(unlinking, [halfGone, broken]);
    assert.equal(existsSync(`/run/netns/${halfGone}`), false, 'the name was not removed during the read');
    assert.deepEqual(
      read.map((state) => [state.name, state.error !== undefined]),
      [[broken, true]],
    );
  });
});
