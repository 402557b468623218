/**
 * The picture as Graphviz dot text (`dot -Tsvg` draws it): each lab a dashed cluster of its namespaces, namespaces
 * as clusters, interfaces as rounded boxes with their addresses, veth pairs as lines labelled with their subnets,
 * bridge ports dashed, stacked links as arrows to their parent, tunnels bold to their remote. States and drift marks
 * in the SVG file's colours, drift said in words too, and in a tooltip.
 */
import { DRIFT_COLOURS, interfaceLines, linkLabel, namespaceTitle } from './labels.js';
import type { GraphDrift, GraphInterface, GraphLinkKind, GraphNamespace, NetworkGraph } from './model.js';

const STYLES: Record<GraphLinkKind, string[]> = { veth: [], port: ['dashed'], lower: ['dotted'], tunnel: ['bold'] };

export function toDot(graph: NetworkGraph): string {
  const lines = [
    'graph "netns-lab" {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11];',
    '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  let clusters = 0;
  const pushNamespace = (namespace: GraphNamespace, indent: string): void => {
    lines.push(
      `${indent}subgraph ${quote(`cluster_${clusters++}`)} {`,
      `${indent}  label=${quote(namespaceTitle(namespace))};`,
      `${indent}  style=${quote(namespace.drift?.kind === 'missing' ? 'rounded,dashed' : 'rounded')};`,
    );
    if (namespace.drift) lines.push(`${indent}  color=${quote(DRIFT_COLOURS[namespace.drift.kind].stroke)};`, `${indent}  tooltip=${quote(namespace.drift.details.join('\n'))};`);
    const inside = graph.interfaces.filter((candidate) => candidate.namespaceId === namespace.id);
    // Graphviz leaves an empty cluster out: a namespace with nothing to show (or that could not be read) would vanish.
    if (inside.length === 0) lines.push(`${indent}  ${quote(`${namespace.id}:empty`)} [label="", shape=point, style=invis];`);
    for (const shown of inside) lines.push(`${indent}  ${quote(shown.id)} [${interfaceAttributes(shown).join(', ')}];`);
    lines.push(`${indent}}`);
  };
  const labs = [...new Set(graph.namespaces.flatMap((namespace) => (namespace.lab ? [namespace.lab] : [])))];
  for (const lab of labs) {
    lines.push(`  subgraph ${quote(`cluster_${clusters++}`)} {`, `    label=${quote(`lab ${lab}`)};`, '    style="dashed";');
    for (const namespace of graph.namespaces.filter((candidate) => candidate.lab === lab)) pushNamespace(namespace, '    ');
    lines.push('  }');
  }
  for (const namespace of graph.namespaces.filter((candidate) => !candidate.lab)) pushNamespace(namespace, '  ');
  for (const external of graph.externals) lines.push(`  ${quote(external.id)} [label=${quote(external.label)}, shape=ellipse];`);
  for (const link of graph.links) {
    const styles = [...STYLES[link.kind], ...(link.drift?.kind === 'missing' ? ['dashed'] : [])];
    const label = linkLabel(link);
    const attributes = [
      styles.length > 0 ? `style=${quote([...new Set(styles)].join(','))}` : '',
      link.kind === 'lower' ? 'dir=forward' : '',
      label ? `label=${quote(label)}` : '',
      ...driftAttributes(link.drift, 'link'),
    ].filter(Boolean);
    lines.push(`  ${quote(link.from)} -- ${quote(link.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function interfaceAttributes(shown: GraphInterface): string[] {
  const attributes = [`label=${quote(interfaceLines(shown).join('\n'))}`];
  const styles = ['rounded'];
  if (shown.state === 'down') attributes.push('color="gray60"', 'fontcolor="gray40"');
  if (shown.state === 'no-carrier') attributes.push('color="orange"');
  if (shown.state === 'planned' || shown.drift?.kind === 'missing') styles.push('dashed');
  if (shown.drift?.kind === 'differs') styles.push('filled');
  if (shown.leadsOut) attributes.push('penwidth=2');
  if (styles.length > 1) attributes.push(`style=${quote(styles.join(','))}`);
  return [...attributes, ...driftAttributes(shown.drift, 'box')];
}

/** A drift mark's colour (a later colour attribute wins over the state's) and its details as a tooltip. */
function driftAttributes(drift: GraphDrift | undefined, on: 'box' | 'link'): string[] {
  if (!drift) return [];
  const { stroke, fill } = DRIFT_COLOURS[drift.kind];
  return [`color=${quote(stroke)}`, on === 'box' && fill ? `fillcolor=${quote(fill)}` : '', drift.kind === 'extra' ? 'penwidth=2.5' : '', `tooltip=${quote(drift.details.join('\n'))}`].filter(Boolean);
}

/** A dot string: quotes and backslashes escaped, line breaks as \n (centred lines). */
function quote(value: string): string {
  return `"${value.replace(/["\\]/gu, (character) => `\\${character}`).replace(/\r\n|\r|\n/gu, '\\n')}"`;
}
