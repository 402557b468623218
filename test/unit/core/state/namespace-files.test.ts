/**
 * Finding namespaces by identity: the script's output (written out by hand, in the shape stat, find and
 * /proc/PID/mountinfo print) turned into named and unnamed namespaces, each counted once.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nsfsMounts, parseNamespaceFiles } from '../../../../src/core/state/namespace-files.js';

const ROOT = '4:4026531840';

function output(sections: { files?: string[]; descriptors?: string[]; mounts?: string }): string {
  const fields = ['@root', ROOT, '@files', ...(sections.files ?? []), '@descriptors', ...(sections.descriptors ?? []), '@mounts', sections.mounts ?? ''];
  return fields.join('\0') + '\0';
}

describe('parseNamespaceFiles', () => {
  test('names come from /run/netns; processes in the root or a named namespace are not "without a name"', () => {
    const files = parseNamespaceFiles(output({ files: ['4:100 /run/netns/red', `${ROOT} /proc/1/ns/net`, '4:100 /proc/50/ns/net', '4:100 /proc/50/task/51/ns/net'] }));
    assert.equal(files.root, ROOT);
    assert.deepEqual([...files.named], [['red', '4:100']]);
    assert.deepEqual(files.unnamed, []);
  });

  test('a namespace of several processes is one, read through its lowest pid, with its pids in order', () => {
    const files = parseNamespaceFiles(output({ files: ['4:200 /proc/900/ns/net', '4:200 /proc/77/ns/net', '4:200 /proc/77/task/78/ns/net'] }));
    assert.deepEqual(files.unnamed, [{ identity: '4:200', inode: 200, pids: [77, 900], path: '/proc/77/ns/net' }]);
  });

  test('a name with spaces and a newline is kept whole (fields end at NUL, not at a space)', () => {
    const files = parseNamespaceFiles(output({ files: ['4:100 /run/netns/a b\nc'] }));
    assert.deepEqual([...files.named.keys()], ['a b\nc']);
  });

  test('a namespace only a thread is in is read through that thread', () => {
    const files = parseNamespaceFiles(output({ files: ['4:300 /proc/10/task/12/ns/net'] }));
    assert.deepEqual(files.unnamed, [{ identity: '4:300', inode: 300, pids: [], path: '/proc/10/task/12/ns/net' }]);
  });

  test('one held only by an open descriptor is read through it, with the device of the root namespace', () => {
    const files = parseNamespaceFiles(output({ descriptors: ['net:[400] /proc/33/fd/7', 'net:[4026531840] /proc/33/fd/8'] }));
    assert.deepEqual(files.unnamed, [{ identity: '4:400', inode: 400, pids: [], path: '/proc/33/fd/7' }]);
  });

  test("a bind mount (Docker's) is preferred as the path, and /run/netns mounts are the named ones", () => {
    const mounts = [
      '610 29 0:4 net:[500] /run/docker/netns/1a2b3c rw shared:5 - nsfs nsfs rw',
      '611 29 0:4 net:[100] /run/netns/red rw shared:5 - nsfs nsfs rw',
      '30 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    ].join('\n');
    const files = parseNamespaceFiles(output({ files: ['4:100 /run/netns/red', '4:500 /proc/60/ns/net'], mounts }));
    assert.deepEqual(files.unnamed, [{ identity: '4:500', inode: 500, pids: [60], path: '/run/docker/netns/1a2b3c', mount: '/run/docker/netns/1a2b3c' }]);
  });

  test('unnamed namespaces are ordered by their first process', () => {
    const files = parseNamespaceFiles(output({ files: ['4:2 /proc/90/ns/net', '4:1 /proc/40/ns/net'] }));
    assert.deepEqual(
      files.unnamed.map((found) => found.pids[0]),
      [40, 90],
    );
  });
});

describe('nsfsMounts', () => {
  test('reads the mount point with its octal escapes undone, and only network namespaces', () => {
    const text = ['1 2 0:4 net:[7] /run/x\\040y rw - nsfs nsfs rw', '1 2 0:4 mnt:[8] /run/m rw - nsfs nsfs rw', '1 2 0:4 net:[9] /run/z rw - tmpfs tmpfs rw'].join('\n');
    assert.deepEqual(nsfsMounts(text), [{ path: '/run/x y', inode: 7 }]);
  });
});
