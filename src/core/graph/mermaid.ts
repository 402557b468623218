/**
 * The picture as Mermaid flowchart text (for Markdown documents, GitHub, and notebooks): each lab a subgraph of its
 * namespaces, namespaces as subgraphs, interfaces as boxes with their addresses, veth pairs as lines labelled with
 * their subnets, bridge ports dotted, stacked links as arrows to their parent, tunnels thick to their remote. States
 * and drift marks are classes (and link styles) in the SVG file's colours, drift said in words too.
 */
import { DRIFT_COLOURS, interfaceLines, linkLabel, namespaceTitle } from './labels.js';
import type { GraphDrift, GraphLinkKind, GraphNamespace, NetworkGraph } from './model.js';

const ARROWS: Record<GraphLinkKind, string> = { veth: '---', port: '-.-', lower: '-.->', tunnel: '===' };

const DRIFT_KINDS: Array<GraphDrift['kind']> = ['missing', 'extra', 'differs'];

/** A drift mark's look, as Mermaid style text: missing dashed, extra thick, differs filled, in the SVG's colours. */
function driftStyle(kind: GraphDrift['kind'], on: 'box' | 'link' = 'box'): string {
  const { stroke, fill } = DRIFT_COLOURS[kind];
  return [on === 'link' ? 'fill:none' : fill && `fill:${fill}`, `stroke:${stroke}`, `stroke-width:${kind === 'extra' ? 3 : 2}px`, kind === 'missing' && 'stroke-dasharray:5 3']
    .filter(Boolean)
    .join(',');
}

const DRIFT_CLASSES = DRIFT_KINDS.map((kind) => `  classDef ${kind} ${driftStyle(kind)}`);

const STATE_CLASSES = ['  classDef down fill:#eeeeee,stroke:#999999,color:#666666', '  classDef noCarrier stroke:#d9a400,stroke-width:2px', '  classDef out stroke-width:3px'];

export function toMermaid(graph: NetworkGraph): string {
  const ids = new Map<string, string>();
  const short = (id: string): string => {
    let found = ids.get(id);
    if (!found) ids.set(id, (found = `n${ids.size}`));
    return found;
  };
  const lines = ['flowchart LR'];
  const pushNamespace = (namespace: GraphNamespace, indent: string): void => {
    lines.push(`${indent}subgraph ${short(namespace.id)}["${text(namespaceTitle(namespace))}"]`);
    for (const shown of graph.interfaces.filter((candidate) => candidate.namespaceId === namespace.id)) {
      lines.push(`${indent}  ${short(shown.id)}["${interfaceLines(shown).map(text).join('<br/>')}"]`);
    }
    lines.push(`${indent}end`);
  };
  const labs = [...new Set(graph.namespaces.flatMap((namespace) => (namespace.lab ? [namespace.lab] : [])))];
  for (const lab of labs) {
    lines.push(`  subgraph ${short(`lab:${lab}`)}["${text(`lab ${lab}`)}"]`);
    for (const namespace of graph.namespaces.filter((candidate) => candidate.lab === lab)) pushNamespace(namespace, '    ');
    lines.push('  end');
  }
  for (const namespace of graph.namespaces.filter((candidate) => !candidate.lab)) pushNamespace(namespace, '  ');
  for (const external of graph.externals) lines.push(`  ${short(external.id)}(("${text(external.label)}"))`);
  // Mermaid styles a link by its position among the links written.
  const linkStyles: string[] = [];
  let written = 0;
  for (const link of graph.links) {
    if (!ids.has(link.from) || !ids.has(link.to)) continue;
    const label = linkLabel(link);
    if (link.drift) linkStyles.push(`  linkStyle ${written} ${driftStyle(link.drift.kind, 'link')}`);
    lines.push(`  ${short(link.from)} ${ARROWS[link.kind]}${label ? `|"${text(label)}"|` : ''} ${short(link.to)}`);
    written++;
  }
  lines.push(...STATE_CLASSES);
  const drifted = [...graph.namespaces, ...graph.interfaces].filter((element) => element.drift);
  if (drifted.length > 0 || linkStyles.length > 0) lines.push(...DRIFT_CLASSES);
  for (const shown of graph.interfaces) {
    const classes = [shown.state === 'down' ? 'down' : shown.state === 'no-carrier' ? 'noCarrier' : undefined, shown.leadsOut ? 'out' : undefined].filter(Boolean);
    for (const name of classes) lines.push(`  class ${short(shown.id)} ${name}`);
  }
  for (const element of drifted) lines.push(`  class ${short(element.id)} ${element.drift!.kind}`);
  lines.push(...linkStyles);
  return lines.join('\n') + '\n';
}

/** Mermaid reads quotes and angle brackets inside a label as its own syntax: they go as entity codes. */
function text(value: string): string {
  return value.replace(/[#"<>]/gu, (character) => `#${character.charCodeAt(0)};`).replace(/[\r\n]+/gu, ' ');
}
