/**
 * The picture's model at 500 namespaces: a deployed lab of 500 namespaces, each with a veth to a shared bridge in
 * the root namespace. Baseline: reading the host (`readSnapshot`), which any picture needs. Measured against it:
 * building the model from that snapshot (pure), reading the lab's picture (`readGraph`, which reads only the
 * lab's namespaces and the root one), and the lab's picture marked against its file (`readTopologyGraph`).
 * Target (issue: see the network): building the model adds at most a tenth of the snapshot's time.
 */
import { deployLab, destroyLab, LocalHost, readSnapshot } from '../src/core/index.js';
import { graphFromSnapshot } from '../src/core/graph/from-snapshot.js';
import { graphFromTopology } from '../src/core/graph/from-topology.js';
import { readGraph, readTopologyGraph } from '../src/core/graph/read.js';
import { members, topology } from './lab.bench.js';
import { measure, PREFIX, removeLab, report } from './support.js';

const SIZE = 500;
const ROUNDS = 5;
/** The pure steps are fast: each timed run repeats them so that the clock's resolution does not matter. */
const PURE_REPEATS = 20;

export async function benchmarkGraph(): Promise<void> {
  const host = new LocalHost();
  const file = topology(members(SIZE));
  try {
    await deployLab(host, file);
    const snapshot = await readSnapshot(host);
    const model = graphFromSnapshot(snapshot);
    console.log(`\n${SIZE}-namespace lab: the host's picture holds ${model.namespaces.length} namespaces, ${model.interfaces.length} interfaces, ${model.links.length} links`);
    const medians = await measure(
      [
        { name: 'readSnapshot (the host)', run: () => readSnapshot(host) },
        { name: 'graphFromSnapshot (model of the host)', run: async () => repeat(() => graphFromSnapshot(snapshot)) },
        { name: 'graphFromTopology (the planned lab)', run: async () => repeat(() => graphFromTopology(file)) },
        { name: 'readGraph (the lab, read and modelled)', run: () => readGraph(host, PREFIX) },
        { name: 'readTopologyGraph (the lab with drift)', run: () => readTopologyGraph(host, file) },
      ],
      ROUNDS,
    );
    for (const name of ['graphFromSnapshot (model of the host)', 'graphFromTopology (the planned lab)']) medians.set(name, medians.get(name)! / PURE_REPEATS);
    report(`The picture of a ${SIZE}-namespace lab (median of ${ROUNDS}; the pure steps per run)`, medians, 'readSnapshot (the host)', {
      'graphFromSnapshot (model of the host)': '<= 0.1x',
    });
  } finally {
    await destroyLab(host, PREFIX).catch(() => undefined);
    await host.dispose();
    await removeLab();
  }
}

function repeat(step: () => unknown): void {
  for (let index = 0; index < PURE_REPEATS; index++) step();
}
