/**
 * The LAN of each bridge: a port has no address, so the veth to a port carries no subnet on its line, and a picture
 * of hosts on a switch would not say which network they share. A bridge is given the subnets of its own addresses
 * and of the interfaces at the far end of its ports (a port's veth peer), in that order.
 */
import type { GraphInterface, NetworkGraph } from './model.js';
import { subnetOf } from './subnets.js';

/** Sets `lan` on every bridge of the graph that has one; the graph is changed in place and returned. */
export function withBridgeLans(graph: NetworkGraph): NetworkGraph {
  const byId = new Map(graph.interfaces.map((shown) => [shown.id, shown]));
  const vethPeer = new Map<string, string>();
  for (const link of graph.links) {
    if (link.kind !== 'veth') continue;
    vethPeer.set(link.from, link.to);
    vethPeer.set(link.to, link.from);
  }
  const portsOf = new Map<GraphInterface, string[]>();
  for (const link of graph.links) {
    if (link.kind !== 'port') continue;
    const [bridge, port] = byId.get(link.to)?.kind === 'bridge' ? [byId.get(link.to), link.from] : [byId.get(link.from), link.to];
    if (bridge?.kind === 'bridge') portsOf.set(bridge, [...(portsOf.get(bridge) ?? []), port]);
  }
  for (const shown of graph.interfaces) {
    if (shown.kind !== 'bridge') continue;
    const farEnds = (portsOf.get(shown) ?? []).flatMap((port) => byId.get(vethPeer.get(port) ?? '')?.addresses ?? []);
    const lan = [...new Set([...shown.addresses, ...farEnds].map(subnetOf))].filter((subnet): subnet is string => subnet !== undefined);
    if (lan.length > 0) shown.lan = lan;
  }
  return graph;
}
