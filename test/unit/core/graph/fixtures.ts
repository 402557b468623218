/** Hand-written snapshots for the graph tests: what the parsers would give for small labs. */
import type { AddressInfo, HostSnapshot, LinkInfo, NamespaceState } from '../../../../src/core/model.js';
import type { Topology } from '../../../../src/core/topology/model.js';

export function address(cidr: string): AddressInfo {
  const [value, prefix] = cidr.split('/');
  return { family: value!.includes(':') ? 'inet6' : 'inet', address: value!, prefixLength: Number(prefix), flags: [] };
}

export function link(index: number, name: string, overrides: Partial<LinkInfo> = {}): LinkInfo {
  return { index, name, kind: 'veth', flags: ['UP', 'LOWER_UP'], up: true, operState: 'UP', addresses: [], mtu: 1500, ...overrides };
}

export function namespace(name: string | null, links: LinkInfo[], overrides: Partial<NamespaceState> = {}): NamespaceState {
  return { name, links: [link(1, 'lo', { kind: 'loopback', operState: 'UNKNOWN' }), ...links], routes: [], neighbours: [], nsids: [], ...overrides };
}

/**
 * A router between two subnets, one of them on a bridge in the root namespace whose other port leads to a client;
 * the router also has a veth straight to the root namespace, and the host has a physical NIC and a vxlan.
 */
export function routerLab(): HostSnapshot {
  return {
    namespaces: [
      namespace(null, [
        link(2, 'eth0', { kind: 'device', addresses: [address('192.168.1.10/24')] }),
        link(10, 'br-lab', { kind: 'bridge', addresses: [address('10.1.0.254/24')] }),
        link(11, 'r-up', { master: 'br-lab', linkIndex: 2, linkNetnsId: 0, peer: { namespace: 'lab-router', interface: 'up0' } }),
        link(12, 'c-up', { master: 'br-lab', linkIndex: 2, linkNetnsId: 1, peer: { namespace: 'lab-client', interface: 'eth0' } }),
        link(13, 'r-host', { addresses: [address('10.9.0.1/30')], linkIndex: 3, linkNetnsId: 0, peer: { namespace: 'lab-router', interface: 'host0' } }),
        link(14, 'vx0', { kind: 'vxlan', parentName: 'eth0', details: { id: 42, remote: '192.168.1.20' } }),
      ]),
      namespace('lab-client', [link(2, 'eth0', { addresses: [address('10.1.0.2/24'), address('fe80::1/64')], linkIndex: 12, linkNetnsId: 0, peer: { namespace: null, interface: 'c-up' } })]),
      namespace('lab-router', [
        link(2, 'up0', { addresses: [address('10.1.0.1/24')], linkIndex: 11, linkNetnsId: 0, peer: { namespace: null, interface: 'r-up' } }),
        link(3, 'host0', { addresses: [address('10.9.0.2/30')], linkIndex: 13, linkNetnsId: 0, peer: { namespace: null, interface: 'r-host' } }),
        link(4, 'down0', { up: false, flags: [], operState: 'DOWN', addresses: [address('10.2.0.1/24')], linkIndex: 2, linkNetnsId: 1, peer: { namespace: 'lab-server', interface: 'eth0' } }),
      ]),
      namespace('lab-server', [
        link(2, 'eth0', { operState: 'LOWERLAYERDOWN', addresses: [address('10.2.0.2/24')], linkIndex: 4, linkNetnsId: 0, peer: { namespace: 'lab-router', interface: 'down0' } }),
      ]),
      namespace('other', [link(2, 'x', { kind: 'dummy' })]),
    ],
  };
}

/** `count` namespaces in a ring, each with a veth to a port of one bridge in the root namespace. */
export function ringLab(count: number): HostSnapshot {
  const names = Array.from({ length: count }, (_, index) => `lab-n${index}`);
  const ports = names.map((name, index) => link(100 + index, `p${index}`, { master: 'br0', peer: { namespace: name, interface: 'up0' } }));
  const members = names.map((name, index) =>
    namespace(name, [
      link(2, 'up0', { addresses: [address(`10.255.0.${index + 1}/16`)], peer: { namespace: null, interface: `p${index}` } }),
      link(3, 'next0', { addresses: [address(`10.${index}.0.1/30`)], peer: { namespace: names[(index + 1) % count]!, interface: 'prev0' } }),
      link(4, 'prev0', { addresses: [address(`10.${(index + count - 1) % count}.0.2/30`)], peer: { namespace: names[(index + count - 1) % count]!, interface: 'next0' } }),
    ]),
  );
  return { namespaces: [namespace(null, [link(2, 'br0', { kind: 'bridge' }), ...ports]), ...members] };
}

/**
 * A topology file's lab "lab1": red joined to a bridge in the root namespace and, over a 9000-byte link, to blue;
 * `more` adds namespaces with nothing in them.
 */
export function fileLab(...more: string[]): Topology {
  return {
    lab: 'lab1',
    namespaces: ['red', 'blue', ...more].map((name) => ({ name, netns: `lab1-${name}`, sysctls: {}, routes: [] })),
    bridges: [{ name: 'br0', namespace: null, addresses: ['10.0.0.254/24'], ports: ['r-red'] }],
    links: [
      {
        endpoints: [
          { namespace: 'lab1-red', interface: 'eth0', addresses: ['10.0.0.1/24'] },
          { namespace: null, interface: 'r-red', addresses: [] },
        ],
      },
      {
        endpoints: [
          { namespace: 'lab1-red', interface: 'eth1', addresses: ['10.1.0.1/30'], mtu: 9000 },
          { namespace: 'lab1-blue', interface: 'eth0', addresses: ['10.1.0.2/30'] },
        ],
      },
    ],
  };
}
