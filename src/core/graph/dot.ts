/**
 * The picture as Graphviz dot text (`dot -Tsvg` draws it): namespaces as clusters, interfaces as rounded boxes
 * with their addresses, veth pairs as lines labelled with their subnets, bridge ports dashed, stacked links as
 * arrows to their parent, tunnels bold to their remote.
 */
import { interfaceLines, linkLabel } from './labels.js';
import type { GraphLinkKind, NetworkGraph } from './model.js';

const STYLES: Record<GraphLinkKind, string> = { veth: '', port: 'style=dashed', lower: 'style=dotted, dir=forward', tunnel: 'style=bold' };

export function toDot(graph: NetworkGraph): string {
  const lines = [
    'graph "netns-lab" {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11];',
    '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  graph.namespaces.forEach((namespace, index) => {
    lines.push(`  subgraph ${quote(`cluster_${index}`)} {`, `    label=${quote(namespace.label)};`, '    style="rounded";');
    const inside = graph.interfaces.filter((candidate) => candidate.namespaceId === namespace.id);
    // Graphviz leaves an empty cluster out: a namespace with nothing to show (or that could not be read) would vanish.
    if (inside.length === 0) lines.push(`    ${quote(`${namespace.id}:empty`)} [label="", shape=point, style=invis];`);
    for (const shown of inside) {
      const attributes = [`label=${quote(interfaceLines(shown).join('\n'))}`];
      if (shown.state === 'down') attributes.push('color="gray60"', 'fontcolor="gray40"');
      if (shown.state === 'no-carrier') attributes.push('color="orange"');
      if (shown.leadsOut) attributes.push('penwidth=2');
      lines.push(`    ${quote(shown.id)} [${attributes.join(', ')}];`);
    }
    lines.push('  }');
  });
  for (const external of graph.externals) lines.push(`  ${quote(external.id)} [label=${quote(external.label)}, shape=ellipse];`);
  for (const link of graph.links) {
    const attributes = [STYLES[link.kind], linkLabel(link) ? `label=${quote(linkLabel(link))}` : ''].filter(Boolean);
    lines.push(`  ${quote(link.from)} -- ${quote(link.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** A dot string: quotes and backslashes escaped, line breaks as \n (centred lines). */
function quote(value: string): string {
  return `"${value.replace(/["\\]/gu, (character) => `\\${character}`).replace(/\r\n|\r|\n/gu, '\\n')}"`;
}
