/**
 * The network picture at scale, from a synthetic snapshot (no namespaces are made): N lab namespaces, each with a
 * veth to a port of a bridge in the root namespace and a veth to the next namespace (a ring), each end addressed.
 * Building the model for 500 namespaces, laying it out for 100 (and 500 once: it takes minutes), and writing the
 * SVG, against JSON.stringify of the same 500-namespace snapshot in the same run.
 */
import { graphFromSnapshot, layoutGraph, toSvg } from '../src/core/index.js';
import type { AddressInfo, HostSnapshot, LinkInfo, NamespaceState } from '../src/core/model.js';
import { measure, report } from './support.js';

export async function benchmarkPicture(): Promise<void> {
  const big = ringSnapshot(500);
  const small = ringSnapshot(100);
  const labs = (snapshot: HostSnapshot): Array<{ lab: string; namespaces: string[] }> => [{ lab: 'ring', namespaces: snapshot.namespaces.flatMap((state) => (state.name ? [state.name] : [])) }];
  const bigGraph = graphFromSnapshot(big, { labs: labs(big) });
  const smallGraph = graphFromSnapshot(small, { labs: labs(small) });
  const started = performance.now();
  const bigLayout = await layoutGraph(bigGraph);
  console.log(`\nlayoutGraph (500), once: ${Math.round(performance.now() - started)} ms`);
  console.log(
    `\n500 namespaces: ${bigGraph.interfaces.length} interfaces, ${bigGraph.links.length} links; picture ${bigLayout.width} x ${bigLayout.height}, SVG ${Math.round(toSvg(bigLayout).length / 1024)} KiB`,
  );
  const model = await measure(
    [
      { name: 'JSON.stringify of the snapshot (500)', run: async () => JSON.stringify(big) },
      { name: 'graphFromSnapshot (500)', run: async () => graphFromSnapshot(big, { labs: labs(big) }) },
      { name: 'toSvg of the laid-out picture (500)', run: async () => toSvg(bigLayout) },
    ],
    50,
  );
  report('Building the picture of 500 namespaces (median of 50)', model, 'JSON.stringify of the snapshot (500)');
  // A layout of 500 namespaces takes minutes (elkjs's layered algorithm grows much faster than the graph): it is
  // timed once, above; 100 namespaces a few times against the baseline.
  const layout = await measure(
    [
      { name: 'JSON.stringify of the snapshot (500)', run: async () => JSON.stringify(big) },
      { name: 'layoutGraph (100)', run: () => layoutGraph(smallGraph) },
    ],
    3,
  );
  report('Laying out the picture with elkjs (median of 3)', layout, 'JSON.stringify of the snapshot (500)');
}

function ringSnapshot(count: number): HostSnapshot {
  const names = Array.from({ length: count }, (_, index) => `ring-n${index}`);
  const ports = names.map((name, index) => link(100 + index, `p${index}`, { master: 'br0', peer: { namespace: name, interface: 'up0' } }));
  const root: NamespaceState = state(null, [link(2, 'br0', { kind: 'bridge', addresses: [address(`10.255.0.254/16`)] }), ...ports]);
  const states = names.map((name, index) => {
    const next = names[(index + 1) % count]!;
    const previous = names[(index + count - 1) % count]!;
    return state(name, [
      link(2, 'up0', { addresses: [address(`10.255.${Math.floor(index / 250)}.${(index % 250) + 1}/16`)], peer: { namespace: null, interface: `p${index}` } }),
      link(3, 'next0', { addresses: [address(`10.${index % 200}.${Math.floor(index / 200)}.1/30`)], peer: { namespace: next, interface: 'prev0' } }),
      link(4, 'prev0', {
        addresses: [address(`10.${((index + count - 1) % count) % 200}.${Math.floor(((index + count - 1) % count) / 200)}.2/30`)],
        peer: { namespace: previous, interface: 'next0' },
      }),
    ]);
  });
  return { namespaces: [root, ...states] };
}

function state(name: string | null, links: LinkInfo[]): NamespaceState {
  return { name, links, routes: [], neighbours: [], nsids: [] };
}

function link(index: number, name: string, overrides: Partial<LinkInfo>): LinkInfo {
  return { index, name, kind: 'veth', flags: ['UP', 'LOWER_UP'], up: true, operState: 'UP', addresses: [], mtu: 1500, ...overrides };
}

function address(cidr: string): AddressInfo {
  const [value, prefix] = cidr.split('/');
  return { family: 'inet', address: value!, prefixLength: Number(prefix), flags: [] };
}
