/** Reading a picture from a host: the whole host, or one deployed lab's namespaces and what they connect to. */
import { NotFoundError } from '../errors.js';
import type { Host } from '../host/host.js';
import { listDeployedLabs } from '../labs/inspect.js';
import { readNamespaceSet, readSnapshot } from '../state/read.js';
import type { Topology } from '../topology/model.js';
import { graphWithDrift } from './drift.js';
import { graphFromSnapshot } from './from-snapshot.js';
import { graphFromTopology } from './from-topology.js';
import type { NetworkGraph } from './model.js';

/** The picture of a whole host (`lab` undefined) or of one deployed lab; throws NotFoundError for an unknown lab. */
export async function readGraph(host: Host, lab?: string): Promise<NetworkGraph> {
  if (lab === undefined) {
    const [snapshot, labs] = await Promise.all([readSnapshot(host), listDeployedLabs(host)]);
    return graphFromSnapshot(snapshot, { labs });
  }
  const chosen = (await listDeployedLabs(host)).find((candidate) => candidate.lab === lab);
  if (!chosen) throw new NotFoundError(`There is no deployed lab ${JSON.stringify(lab)} on ${host.label}: netns-lab inspect lists what a file deployed`);
  // Only the lab's namespaces and the root namespace (for what they connect to there) are read.
  const namespaces = await readNamespaceSet(host, [null, ...chosen.namespaces]);
  return graphFromSnapshot({ namespaces }, { labs: [chosen], only: new Set(chosen.namespaces) });
}

/** A topology file's lab as a picture: deployed, the kernel's with drift marks against the file; else the plan. */
export async function readTopologyGraph(host: Host, topology: Topology): Promise<{ graph: NetworkGraph; deployed: boolean }> {
  const planned = graphFromTopology(topology);
  const deployed = (await listDeployedLabs(host)).find((candidate) => candidate.lab === topology.lab);
  if (!deployed || deployed.namespaces.length === 0) return { graph: planned, deployed: false };
  const namespaces = await readNamespaceSet(host, [null, ...deployed.namespaces]);
  const actual = graphFromSnapshot({ namespaces }, { labs: [deployed], only: new Set(deployed.namespaces) });
  return { graph: graphWithDrift(planned, actual, topology.lab), deployed: true };
}
