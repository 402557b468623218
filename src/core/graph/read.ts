/** Reading a picture from a host: the whole host, or one deployed lab's namespaces and what they connect to. */
import { NotFoundError } from '../errors.js';
import type { Host } from '../host/host.js';
import { listDeployedLabs } from '../labs/inspect.js';
import { readNamespaceSet, readSnapshot } from '../state/read.js';
import { graphFromSnapshot } from './from-snapshot.js';
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
