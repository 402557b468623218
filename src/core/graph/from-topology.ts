/** The picture of a topology file's lab as planned: what deploying it would make, before it is deployed. */
import type { NamespaceName } from '../model.js';
import { VETH_DEFAULT_MTU, type Topology } from '../topology/model.js';
import { interfaceId, namespaceId, type GraphInterface, type NetworkGraph } from './model.js';
import { withBridgeLans } from './bridge-lans.js';
import { sharedSubnets } from './subnets.js';

export function graphFromTopology(topology: Topology): NetworkGraph {
  const graph: NetworkGraph = { namespaces: [], interfaces: [], links: [], externals: [] };
  const namespaces = new Set<NamespaceName>();
  const addNamespace = (namespace: NamespaceName): void => {
    if (namespaces.has(namespace)) return;
    namespaces.add(namespace);
    const declared = topology.namespaces.find((candidate) => candidate.netns === namespace);
    graph.namespaces.push({ id: namespaceId(namespace), label: namespace ?? 'root namespace', namespace, ...(declared ? { lab: topology.lab } : {}) });
  };
  const addInterface = (namespace: NamespaceName, name: string, kind: string, addresses: readonly string[], mtu: number | undefined): GraphInterface => {
    addNamespace(namespace);
    const shown: GraphInterface = { id: interfaceId(namespace, name), namespaceId: namespaceId(namespace), name, kind, state: 'planned', addresses: [...addresses] };
    if (mtu !== undefined) shown.mtu = mtu;
    graph.interfaces.push(shown);
    return shown;
  };
  for (const namespace of topology.namespaces) addNamespace(namespace.netns);
  for (const bridge of topology.bridges) addInterface(bridge.namespace, bridge.name, 'bridge', bridge.addresses, bridge.mtu);
  for (const link of topology.links) {
    // An end without an MTU gets the default one from a deploy: a kernel that has another differs from the file.
    const [first, second] = link.endpoints.map((end) => addInterface(end.namespace, end.interface, 'veth', end.addresses, end.mtu ?? VETH_DEFAULT_MTU));
    const [from, to] = [first!.id, second!.id].sort();
    graph.links.push({ id: `veth:${from}|${to}`, kind: 'veth', from: from!, to: to!, subnets: sharedSubnets(first!.addresses, second!.addresses) });
  }
  for (const bridge of topology.bridges) {
    const bridgeId = interfaceId(bridge.namespace, bridge.name);
    for (const port of bridge.ports) {
      const portId = interfaceId(bridge.namespace, port);
      graph.links.push({ id: `port:${portId}|${bridgeId}`, kind: 'port', from: portId, to: bridgeId, subnets: [] });
    }
  }
  return withBridgeLans(graph);
}
