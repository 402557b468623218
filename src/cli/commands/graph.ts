/** netns-lab graph: the picture of a host, a deployed lab or a topology file's planned lab, as text to draw. */
import { basename, extname } from 'node:path';
import { graphFromTopology } from '../../core/graph/from-topology.js';
import type { NetworkGraph } from '../../core/graph/model.js';
import { toDot } from '../../core/graph/dot.js';
import { layoutGraph } from '../../core/graph/layout.js';
import { toMermaid } from '../../core/graph/mermaid.js';
import { readGraph, readTopologyGraph } from '../../core/graph/read.js';
import { toSvg } from '../../core/graph/svg.js';
import { labNameProblem } from '../../core/labs/lab-name.js';
import { loadTopologyFile } from '../../core/topology/load.js';
import { flag, parseCommandArgs, stringOption, UsageError } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { writeOutputFile } from '../output-files.js';

const FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const graphCommand: CliCommand = {
  name: 'graph',
  summary: 'the picture of the host, a deployed lab or a topology file, as Mermaid, Graphviz dot, SVG or JSON',
  usage: [
    'netns-lab graph [FILE [--drift] | --lab NAME] [--format mermaid|dot|svg|json] [--output FILE]',
    '',
    'Without FILE or --lab: every namespace of the host (--target for another). --lab NAME: a deployed lab, with',
    "what it connects to in the root namespace. FILE: a topology file's lab as planned, without reading the host;",
    'with --drift, the lab as deployed, marked against the file (missing, extra, differs), as the editor shows it.',
    'Namespaces are groups, interfaces carry their addresses, veth pairs are labelled with their subnets, bridge',
    'ports are dashed. --format mermaid goes into Markdown; dot into `dot -Tsvg`; svg is the picture laid out, ready',
    'for a browser or a slide (state in colour, details in tooltips); json is the model itself. Without --format,',
    "the --output file's ending chooses (.svg, .dot or .gv, .json), else Mermaid.",
    '--output writes the text to a file instead of standard output.',
  ].join('\n'),
  async run(args, context) {
    const parsed = parseCommandArgs('graph', args, { lab: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' }, drift: { type: 'boolean' } });
    const output = stringOption(parsed, 'output');
    const format = readFormat(stringOption(parsed, 'format'), output, context.json);
    const lab = stringOption(parsed, 'lab');
    const chosen = await chosenGraph(parsed.positionals, lab, flag(parsed, 'drift'), context);
    const text = await graphText(chosen.graph, format, chosen.title);
    if (output === undefined) context.out(text);
    else await writeOutputFile(output, text);
    return 0;
  },
};

async function graphText(graph: NetworkGraph, format: Format, title: string): Promise<string> {
  if (format === 'json') return JSON.stringify(graph, null, 2) + '\n';
  if (format === 'dot') return toDot(graph);
  if (format === 'svg') return toSvg(await layoutGraph(graph), title);
  return toMermaid(graph);
}

const FORMAT_OF_ENDING: Record<string, Format> = { '.svg': 'svg', '.dot': 'dot', '.gv': 'dot', '.json': 'json' };

/** --format as given; else --json's, else what the output file's ending says, else Mermaid. */
function readFormat(value: string | undefined, output: string | undefined, json: boolean): Format {
  if (value !== undefined && !(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format ${JSON.stringify(value)} is not one of ${FORMATS.join(', ')}`, 'graph');
  if (json && value !== undefined && value !== 'json') throw new UsageError(`give either --json or --format ${value}, not both`, 'graph');
  if (json) return 'json';
  return (value as Format | undefined) ?? FORMAT_OF_ENDING[extname(output ?? '').toLowerCase()] ?? 'mermaid';
}

/** The picture asked for, and what the SVG's own title says it shows. */
async function chosenGraph(files: string[], lab: string | undefined, drift: boolean, context: CliContext): Promise<{ graph: NetworkGraph; title: string }> {
  if (files.length > 1) throw new UsageError(`expected at most one topology file, got ${files.length}`, 'graph');
  if (lab !== undefined && files.length > 0) throw new UsageError('give either a topology FILE or --lab NAME, not both', 'graph');
  if (drift && files.length === 0) throw new UsageError('--drift marks a deployed lab against its topology FILE: give the FILE', 'graph');
  const file = files[0];
  if (file !== undefined) {
    const topology = await loadTopologyFile(file);
    if (!drift) return { graph: graphFromTopology(topology), title: `the planned lab of ${basename(file)}` };
    const { graph, deployed } = await readTopologyGraph(context.host, topology);
    return { graph, title: deployed ? `lab ${topology.lab} against ${basename(file)}` : `the planned lab of ${basename(file)} (not deployed)` };
  }
  if (lab !== undefined) {
    const problem = labNameProblem(lab);
    if (problem) throw new UsageError(`--lab ${JSON.stringify(lab)}: ${problem}`, 'graph');
  }
  return { graph: await readGraph(context.host, lab), title: lab === undefined ? 'the network namespaces of the host' : `lab ${lab}` };
}
