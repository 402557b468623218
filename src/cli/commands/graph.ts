/** netns-lab graph: the picture of a host, a deployed lab or a topology file's planned lab, as text to draw. */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { graphFromTopology } from '../../core/graph/from-topology.js';
import type { NetworkGraph } from '../../core/graph/model.js';
import { toDot } from '../../core/graph/dot.js';
import { layoutGraph } from '../../core/graph/layout.js';
import { toMermaid } from '../../core/graph/mermaid.js';
import { readGraph } from '../../core/graph/read.js';
import { toSvg } from '../../core/graph/svg.js';
import { labNameProblem } from '../../core/labs/lab-name.js';
import { loadTopologyFile } from '../../core/topology/load.js';
import { parseCommandArgs, stringOption, UsageError } from '../args.js';
import type { CliCommand } from '../context.js';

const FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const graphCommand: CliCommand = {
  name: 'graph',
  summary: 'the picture of the host, a deployed lab or a topology file, as Mermaid, Graphviz dot, SVG or JSON',
  usage: [
    'netns-lab graph [FILE | --lab NAME] [--format mermaid|dot|svg|json] [--output FILE]',
    '',
    'Without FILE or --lab: every namespace of the host (--target for another). --lab NAME: a deployed lab, with',
    "what it connects to in the root namespace. FILE: a topology file's lab as planned, without reading the host.",
    'Namespaces are groups, interfaces carry their addresses, veth pairs are labelled with their subnets, bridge',
    'ports are dashed. --format mermaid (the default) goes into Markdown; dot into `dot -Tsvg`; svg is the picture',
    'laid out, ready for a browser or a slide (state in colour, details in tooltips); json is the model itself.',
    '--output writes the text to a file instead of standard output.',
  ].join('\n'),
  async run(args, context) {
    const parsed = parseCommandArgs('graph', args, { lab: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' } });
    const format = readFormat(stringOption(parsed, 'format'));
    const lab = stringOption(parsed, 'lab');
    const graph = await chosenGraph(parsed.positionals, lab, context.host);
    const text = await graphText(graph, context.json ? 'json' : format, pictureTitle(parsed.positionals[0], lab));
    const output = stringOption(parsed, 'output');
    if (output === undefined) context.out(text);
    else await writeFile(output, text);
    return 0;
  },
};

async function graphText(graph: NetworkGraph, format: Format, title: string): Promise<string> {
  if (format === 'json') return JSON.stringify(graph, null, 2) + '\n';
  if (format === 'dot') return toDot(graph);
  if (format === 'svg') return toSvg(await layoutGraph(graph), title);
  return toMermaid(graph);
}

/** What the SVG's own title says it shows. */
function pictureTitle(file: string | undefined, lab: string | undefined): string {
  if (file !== undefined) return `the planned lab of ${basename(file)}`;
  return lab === undefined ? 'the network namespaces of the host' : `lab ${lab}`;
}

function readFormat(value: string | undefined): Format {
  if (value === undefined) return 'mermaid';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format ${JSON.stringify(value)} is not one of ${FORMATS.join(', ')}`, 'graph');
}

async function chosenGraph(files: string[], lab: string | undefined, host: Parameters<typeof readGraph>[0]): Promise<NetworkGraph> {
  if (files.length > 1) throw new UsageError(`expected at most one topology file, got ${files.length}`, 'graph');
  if (lab !== undefined && files.length > 0) throw new UsageError('give either a topology FILE or --lab NAME, not both', 'graph');
  if (files.length === 1) return graphFromTopology(await loadTopologyFile(files[0]!));
  if (lab !== undefined) {
    const problem = labNameProblem(lab);
    if (problem) throw new UsageError(`--lab ${JSON.stringify(lab)}: ${problem}`, 'graph');
  }
  return readGraph(host, lab);
}
