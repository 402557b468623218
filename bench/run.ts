/**
 * Runs the benchmarks (as root; they make and remove namespaces under a unique prefix). Figures are ratios
 * measured in the same run, since absolute times vary with the machine's load.
 * `npm run bench` for all, or name some: `npm run bench -- names snapshot create lab exec scale capture capture-latency check diff graph picture`.
 */
import { benchmarkCapture } from './capture.bench.js';
import { benchmarkCaptureLatency } from './capture-latency.bench.js';
import { benchmarkCell } from './cell.bench.js';
import { benchmarkCheck } from './check.bench.js';
import { benchmarkCreate } from './create.bench.js';
import { benchmarkDiff } from './diff.bench.js';
import { benchmarkExec } from './exec.bench.js';
import { benchmarkGraph } from './graph.bench.js';
import { benchmarkPicture } from './picture.bench.js';
import { benchmarkLab } from './lab.bench.js';
import { benchmarkNames } from './names.bench.js';
import { benchmarkScale } from './scale.bench.js';
import { benchmarkSnapshot } from './snapshot.bench.js';
import { benchmarkSsh } from './ssh.bench.js';
import { removeLab } from './support.js';

const BENCHMARKS: Record<string, () => Promise<void>> = {
  names: benchmarkNames,
  snapshot: benchmarkSnapshot,
  create: benchmarkCreate,
  cell: benchmarkCell,
  ssh: benchmarkSsh,
  lab: benchmarkLab,
  exec: benchmarkExec,
  scale: benchmarkScale,
  capture: benchmarkCapture,
  'capture-latency': benchmarkCaptureLatency,
  check: benchmarkCheck,
  diff: benchmarkDiff,
  graph: benchmarkGraph,
  picture: benchmarkPicture,
};

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHMARKS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void removeLab().finally(() => process.exit(130)));
for (const name of chosen) {
  const benchmark = BENCHMARKS[name];
  if (!benchmark) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  await benchmark();
}
