/** The line above a picture: what it shows, and for a file whether it is deployed and how far it drifted. */
import type { TopologySubject } from '../view-model/topology-arguments.js';
import type { GraphReading } from '../../core/graph/read.js';

export function bannerOf(subject: TopologySubject, reading: GraphReading): string {
  const counts = `${reading.graph.namespaces.length} namespaces, ${reading.graph.interfaces.length} interfaces`;
  if (reading.planned) return `Not deployed: the plan of lab ${reading.lab ?? ''} from its file. Deploy it to see the kernel's picture (${counts})`;
  if (subject.file !== undefined) {
    const drift = reading.drifted === 0 ? 'as the file declares' : `${reading.drifted} ${reading.drifted === 1 ? 'difference' : 'differences'} from the file (marked)`;
    return `Lab ${reading.lab ?? ''}, deployed: ${drift}; ${counts}`;
  }
  if (subject.lab !== undefined) return `Lab ${subject.lab}: ${counts}`;
  return `Every namespace: ${counts}`;
}
