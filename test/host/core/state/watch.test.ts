/**
 * Following changes: the netlink watcher (or ip monitor) as a trigger per watched namespace, and the /run/netns
 * directory watch.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NamespaceName } from '../../../../src/core/index.js';
import { watchNetnsDirectory } from '../../../../src/core/host/netns-directory-watch.js';
import { watchNamespaceChanges } from '../../../../src/core/state/watch.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });

/** Resolves with the namespaces reported until `count` distinct ones arrived, or rejects after `timeoutMs`. */
function collector(): { seen: NamespaceName[]; onChange: (namespace: NamespaceName) => void; until: (predicate: () => boolean, timeoutMs?: number) => Promise<void> } {
  const seen: NamespaceName[] = [];
  return {
    seen,
    onChange: (namespace) => seen.push(namespace),
    async until(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out; seen so far: ${JSON.stringify(seen)}`);
        await sleep(25);
      }
    },
  };
}

/** A promise settled by the watch's onReady. */
function readiness(): { promise: Promise<void>; set: () => void } {
  let set = (): void => undefined;
  const promise = new Promise<void>((resolve) => (set = resolve));
  return { promise, set };
}

function monitorPids(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return out
    .split('\n')
    .filter((line) => line.includes('netns-lab-monitor') && line.includes(lab.prefix))
    .map((line) => Number(line.trim().split(/\s+/u)[0]));
}

describe('watchNamespaceChanges', () => {
  test('reports a change in a watched namespace by its name, and nothing for an unwatched one', async () => {
    const watched = lab.namespaceName('w1');
    const other = lab.namespaceName('w2');
    execFileSync('ip', ['netns', 'add', watched]);
    execFileSync('ip', ['netns', 'add', other]);
    const events = collector();
    const ready = readiness();
    const watch = watchNamespaceChanges(host, [watched], events.onChange, { quietMs: 20, onReady: ready.set });
    try {
      await ready.promise; // changes made before the monitors listen are not reported, by design
      execFileSync('ip', ['-n', other, 'link', 'set', 'lo', 'up']);
      execFileSync('ip', ['-n', watched, 'link', 'set', 'lo', 'up']);
      await events.until(() => events.seen.length > 0);
      await sleep(100);
      assert.deepEqual([...new Set(events.seen)], [watched]);
    } finally {
      watch.dispose();
    }
  });

  test('with one ip monitor per namespace (where the netlink watcher cannot run), a change is reported by its name too', async () => {
    const watched = lab.namespaceName('w5');
    execFileSync('ip', ['netns', 'add', watched]);
    const events = collector();
    const ready = readiness();
    const watch = watchNamespaceChanges(host, [null, watched], events.onChange, { quietMs: 20, onReady: ready.set, monitor: 'ip' });
    try {
      await ready.promise;
      execFileSync('ip', ['-n', watched, 'link', 'set', 'lo', 'up']);
      await events.until(() => events.seen.includes(watched));
    } finally {
      watch.dispose();
    }
  });

  test('a burst of changes is reported once per quiet period', async () => {
    const name = lab.namespaceName('w3');
    execFileSync('ip', ['netns', 'add', name]);
    const events = collector();
    const ready = readiness();
    const watch = watchNamespaceChanges(host, [name], events.onChange, { quietMs: 300, onReady: ready.set });
    try {
      await ready.promise;
      execFileSync('ip', ['-n', name, 'link', 'add', 'name', 'b0', 'type', 'bridge']);
      execFileSync('ip', ['-n', name, 'link', 'set', 'b0', 'up']);
      execFileSync('ip', ['-n', name, 'address', 'add', '10.9.9.1/24', 'dev', 'b0']);
      await events.until(() => events.seen.length > 0);
      await sleep(150);
      assert.equal(events.seen.length, 1);
    } finally {
      watch.dispose();
    }
  });

  test('dispose ends the monitor processes', async () => {
    const name = lab.namespaceName('w4');
    execFileSync('ip', ['netns', 'add', name]);
    const ready = readiness();
    const watch = watchNamespaceChanges(host, [name], () => undefined, { onReady: ready.set });
    await ready.promise;
    assert.ok(monitorPids().length > 0, 'the monitor runs');
    watch.dispose();
    const deadline = Date.now() + 4000;
    while (monitorPids().length > 0 && Date.now() < deadline) await sleep(50);
    assert.deepEqual(monitorPids(), []);
  });
});

describe('watchNetnsDirectory', () => {
  test('notices a namespace being added and one being deleted', async () => {
    let changes = 0;
    const watch = watchNetnsDirectory(() => changes++, 20);
    try {
      const name = lab.namespaceName('d1');
      execFileSync('ip', ['netns', 'add', name]);
      const deadline = Date.now() + 3000;
      while (changes === 0 && Date.now() < deadline) await sleep(20);
      assert.ok(changes > 0, 'the addition was noticed');
      const afterAdd = changes;
      execFileSync('ip', ['netns', 'delete', name]);
      while (changes === afterAdd && Date.now() < deadline + 3000) await sleep(20);
      assert.ok(changes > afterAdd, 'the deletion was noticed');
    } finally {
      watch.dispose();
    }
  });
});
