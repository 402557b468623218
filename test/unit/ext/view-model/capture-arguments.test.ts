import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidNameError, type LinkInfo } from '../../../../src/core/index.js';
import { CommandArgumentError } from '../../../../src/ext/view-model/argument-fields.js';
import { captureFileRequest, captureStartRequest } from '../../../../src/ext/view-model/capture-arguments.js';
import type { InterfaceNode, NamespaceNode } from '../../../../src/ext/view-model/tree-nodes.js';

const link: LinkInfo = { index: 2, name: 'veth0', kind: 'veth', flags: [], up: true, operState: 'UP', addresses: [] };
const interfaceNode: InterfaceNode = { kind: 'interface', targetId: 'lab1', namespace: 'red', link, ports: [] };
const namespaceNode: NamespaceNode = { kind: 'namespace', targetId: 'local', namespace: null };

describe('the argument of netnsLab.capture.start', () => {
  test('from the palette, everything is asked on this machine', () => {
    assert.deepEqual(captureStartRequest(undefined), { origin: 'ui', targetId: 'local' });
  });

  test('from an interface node, that interface is captured on its target', () => {
    assert.deepEqual(captureStartRequest(interfaceNode), { origin: 'ui', targetId: 'lab1', namespace: 'red', endpoints: [{ namespace: 'red', interfaceName: 'veth0' }] });
  });

  test('from a namespace node, the namespace is known and its interfaces are asked', () => {
    assert.deepEqual(captureStartRequest(namespaceNode), { origin: 'ui', targetId: 'local', namespace: null });
  });

  test('from a program, NS:IF words and a filter, complete', () => {
    assert.deepEqual(captureStartRequest({ interfaces: ['red:veth0', 'eth0'], filter: 'icmp or arp', targetId: 'lab1' }), {
      origin: 'program',
      targetId: 'lab1',
      endpoints: [
        { namespace: 'red', interfaceName: 'veth0' },
        { namespace: null, interfaceName: 'eth0' },
      ],
      filter: 'icmp or arp',
    });
  });

  test('a program must name at least one interface, as a list of strings', () => {
    assert.throws(
      () => captureStartRequest({}),
      (error: Error) => error instanceof CommandArgumentError && /at least one interface/u.test(error.message),
    );
    assert.throws(() => captureStartRequest({ interfaces: 'red:veth0' }), /"interfaces" must be a list of strings/u);
    assert.throws(() => captureStartRequest('red:veth0'), CommandArgumentError);
  });

  test('a bad interface or namespace name is refused before anything runs', () => {
    for (const word of ['red:ve th0', 'red:$(reboot)x/', 'a/b:veth0', 'red:averyveryverylongname0']) {
      assert.throws(() => captureStartRequest({ interfaces: [word] }), InvalidNameError, word);
    }
  });

  test('a capture file: picked (nothing given), from the Explorer (a file Uri), or named by a program', () => {
    assert.deepEqual(captureFileRequest(undefined), { origin: 'ui' });
    assert.deepEqual(captureFileRequest({ scheme: 'file', fsPath: '/w/ping.pcap', path: '/w/ping.pcap' }), { origin: 'ui', file: '/w/ping.pcap' });
    assert.deepEqual(captureFileRequest({ file: '/w/ping.pcap' }), { origin: 'program', file: '/w/ping.pcap' });
    assert.deepEqual(captureFileRequest({ file: { scheme: 'file', fsPath: '/w/a.pcap', path: '/w/a.pcap' } }), { origin: 'program', file: '/w/a.pcap' });
  });

  test('a capture file must be a file on this machine, given as a path or a Uri', () => {
    assert.throws(() => captureFileRequest({ scheme: 'untitled', fsPath: 'x', path: 'x' }), /works on files on this machine, not on a untitled: document/u);
    assert.throws(() => captureFileRequest({ file: 3 }), CommandArgumentError);
    assert.throws(() => captureFileRequest('ping.pcap'), CommandArgumentError);
  });
});
