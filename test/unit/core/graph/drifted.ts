/**
 * The picture of fileLab deployed and then changed behind the file's back, marked against it: blue deleted (it and
 * its pair missing), red's eth1 at MTU 1400 (differs), and a veth `probe` added in red (extra).
 */
import { graphWithDrift } from '../../../../src/core/graph/drift.js';
import { graphFromTopology } from '../../../../src/core/graph/from-topology.js';
import { interfaceId, type NetworkGraph } from '../../../../src/core/graph/model.js';
import { fileLab } from './fixtures.js';

export function driftedLab(): NetworkGraph {
  const planned = graphFromTopology(fileLab());
  const actual = structuredClone(planned);
  for (const shown of actual.interfaces) shown.state = 'up';
  actual.namespaces = actual.namespaces.filter((group) => group.namespace !== 'lab1-blue');
  actual.interfaces = actual.interfaces.filter((shown) => shown.namespaceId !== 'ns:lab1-blue');
  actual.links = actual.links.filter((link) => ![link.from, link.to].some((end) => end.includes('lab1-blue')));
  actual.interfaces.find((shown) => shown.id === interfaceId('lab1-red', 'eth1'))!.mtu = 1400;
  actual.interfaces.push({ id: interfaceId('lab1-red', 'probe'), namespaceId: 'ns:lab1-red', name: 'probe', kind: 'veth', state: 'up', addresses: [] });
  return graphWithDrift(planned, actual, 'lab1');
}
