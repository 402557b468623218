// What the deletion warnings say goes with what is deleted. No editor needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type LinkInfo, type NamespaceState } from '../../../../src/core/index.js';
import { interfaceDeletionDetail, namespaceDeletionDetail } from '../../../../src/ext/view-model/deletion-details.js';
import type { InterfaceNode } from '../../../../src/ext/view-model/tree-nodes.js';

function link(name: string, extra: Partial<LinkInfo> = {}): LinkInfo {
  return { index: 2, name, kind: 'veth', flags: [], up: true, operState: 'UP', addresses: [], ...extra };
}

const vethA: InterfaceNode = { kind: 'interface', targetId: 'local', namespace: 'lab1', link: link('veth-a', { peer: { namespace: 'lab2', interface: 'veth-b' } }), ports: [] };
const bridge: InterfaceNode = { kind: 'interface', targetId: 'local', namespace: 'lab1', link: link('br0', { kind: 'bridge' }), ports: [link('veth-a', { master: 'br0' })] };

describe('deletion warnings', () => {
  const state: NamespaceState = {
    name: 'lab1',
    links: [link('lo', { kind: 'loopback' }), link('veth-a', { peer: { namespace: 'lab2', interface: 'veth-b' } }), link('veth-c', { peer: { namespace: null, interface: 'veth-d' } })],
    routes: [],
    neighbours: [],
    nsids: [],
  };

  test('a namespace warning says veth peers elsewhere go too, and names them', () => {
    const detail = namespaceDeletionDetail(state);
    assert.match(detail, /veth peers in other namespaces go too/);
    assert.match(detail, /Interfaces: lo, veth-a, veth-c\./);
    assert.match(detail, /veth-b in namespace lab2, veth-d in the root namespace/);
  });

  test('a namespace that could not be read still gets the general warning', () => {
    assert.equal(namespaceDeletionDetail(undefined), 'Its interfaces and their veth peers in other namespaces go too.');
  });

  test("a veth's warning names its peer", () => {
    assert.match(interfaceDeletionDetail(vethA.link), /veth-b in namespace lab2 goes too/);
  });

  test("a bridge's warning names the ports it leaves", () => {
    assert.match(interfaceDeletionDetail(bridge.link, bridge.ports), /detached: veth-a/);
  });
});
