/**
 * Lays out a network's picture with ELK's layered algorithm (elkjs, run in this process: no web worker): labs as
 * boxes holding their namespaces, namespaces as boxes holding their interfaces, links between interfaces, the
 * places outside the host as their own nodes. One ELK graph with `INCLUDE_CHILDREN`, so links that cross
 * namespace boxes are routed across the whole picture. The result is plain positioned data (`layout-model.ts`);
 * the same graph always gives the same layout.
 */
import elk from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import {
  externalTooltip,
  interfaceAppearance,
  interfaceTextLines,
  interfaceTooltip,
  linkAppearance,
  linkTooltip,
  namespaceAppearance,
  namespaceTooltip,
  TEXT,
  textWidth,
  titleText,
} from './appearance.js';
import type { GraphLayout, LaidBox, LaidLink, LaidNode } from './layout-model.js';
import type { GraphExternal, GraphInterface, GraphLink, GraphNamespace, NetworkGraph } from './model.js';

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
  // Every position relative to the picture's top left, so nothing has to be added up afterwards.
  'org.eclipse.elk.json.shapeCoords': 'ROOT',
  'org.eclipse.elk.json.edgeCoords': 'ROOT',
};

/** Room under a box's title. */
const BOX_PADDING = 12;
const TITLE_ROOM = TEXT.titleSize + 16;

/**
 * Above this many interfaces the layout trades looks for time: ELK's crossing minimisation tries fewer orders and
 * links are drawn as straight segments, since with the defaults 50 namespaces took seconds and 500 minutes.
 */
const LARGE_PICTURE = 60;
const LARGE_OPTIONS: Record<string, string> = { 'elk.layered.thoroughness': '1', 'elk.edgeRouting': 'POLYLINE' };

/** Lays out a picture; resolves with where each element is drawn. */
export async function layoutGraph(graph: NetworkGraph): Promise<GraphLayout> {
  const input = elkGraph(graph);
  if (graph.interfaces.length > LARGE_PICTURE) input.layoutOptions = { ...input.layoutOptions, ...LARGE_OPTIONS };
  const laid = await new elk.default().layout(input);
  return readLayout(graph, laid);
}

function elkGraph(graph: NetworkGraph): ElkNode {
  const interfacesOf = new Map<string, GraphInterface[]>();
  for (const shown of graph.interfaces) interfacesOf.set(shown.namespaceId, [...(interfacesOf.get(shown.namespaceId) ?? []), shown]);
  const namespaceNode = (namespace: GraphNamespace): ElkNode => boxNode(namespace.id, titleText(namespace.label), (interfacesOf.get(namespace.id) ?? []).map(interfaceNode));
  const labs = [...new Set(graph.namespaces.flatMap((namespace) => (namespace.lab === undefined ? [] : [namespace.lab])))];
  const children: ElkNode[] = labs.map((lab) => boxNode(`lab:${lab}`, titleText(`lab ${lab}`), graph.namespaces.filter((namespace) => namespace.lab === lab).map(namespaceNode)));
  children.push(...graph.namespaces.filter((namespace) => namespace.lab === undefined).map(namespaceNode));
  children.push(...graph.externals.map(externalNode));
  const placed = new Set(graph.namespaces.flatMap((namespace) => (interfacesOf.get(namespace.id) ?? []).map((shown) => shown.id)));
  for (const external of graph.externals) placed.add(external.id);
  const edges = graph.links.filter((link) => placed.has(link.from) && placed.has(link.to)).map(edge);
  return { id: 'picture', layoutOptions: ROOT_OPTIONS, children, edges };
}

function boxNode(id: string, title: string, children: ElkNode[]): ElkNode {
  const minimum = `(${textWidth(title, TEXT.titleSize, true) + 2 * BOX_PADDING}, ${TITLE_ROOM + 24})`;
  return {
    id,
    children,
    layoutOptions: {
      'elk.padding': `[top=${TITLE_ROOM},left=${BOX_PADDING},bottom=${BOX_PADDING},right=${BOX_PADDING}]`,
      'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
      'elk.nodeSize.minimum': minimum,
    },
  };
}

function interfaceNode(shown: GraphInterface): ElkNode {
  const lines = interfaceTextLines(shown);
  const width = Math.max(...lines.map((line) => textWidth(line.text, line.appearance === 'name' ? TEXT.nameSize : TEXT.detailSize, line.appearance === 'name')));
  return { id: shown.id, width: Math.max(width + 2 * TEXT.paddingX, 56), height: lines.length * TEXT.lineHeight + 2 * TEXT.paddingY };
}

function externalNode(external: GraphExternal): ElkNode {
  return { id: external.id, width: textWidth(titleText(external.label), TEXT.detailSize) + 40, height: 36 };
}

function edge(link: GraphLink): ElkExtendedEdge {
  const text = link.subnets.join(', ');
  const labels = text === '' ? [] : [{ id: `${link.id}#label`, text, width: textWidth(text, TEXT.detailSize) + 8, height: TEXT.lineHeight + 2 }];
  return { id: link.id, sources: [link.from], targets: [link.to], labels };
}

/** ELK's answer as the picture's data, positions rounded to tenths so the same graph writes the same text. */
function readLayout(graph: NetworkGraph, laid: ElkNode): GraphLayout {
  const found = new Map<string, ElkNode>();
  const visit = (node: ElkNode): void => {
    found.set(node.id, node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(laid);
  const layout: GraphLayout = { width: round(laid.width ?? 0), height: round(laid.height ?? 0), labs: [], namespaces: [], nodes: [], links: [] };
  const labs = new Set(graph.namespaces.flatMap((namespace) => (namespace.lab === undefined ? [] : [namespace.lab])));
  for (const lab of labs) layout.labs.push(box(found.get(`lab:${lab}`)!, titleText(`lab ${lab}`), 'lab', `lab ${lab}`));
  for (const namespace of graph.namespaces) layout.namespaces.push(box(found.get(namespace.id)!, titleText(namespace.label), namespaceAppearance(namespace), namespaceTooltip(namespace)));
  for (const shown of graph.interfaces) {
    const node = found.get(shown.id);
    if (node) layout.nodes.push(interfaceBox(shown, node));
  }
  for (const external of graph.externals) layout.nodes.push(externalEllipse(external, found.get(external.id)!));
  const edges = new Map((laid.edges ?? []).map((laidEdge) => [laidEdge.id, laidEdge as ElkExtendedEdge]));
  const namespaces = new Map(graph.namespaces.map((namespace) => [namespace.id, namespace.namespace]));
  const names = new Map<string, string>([
    ...graph.interfaces.map((shown) => [shown.id, endName(namespaces.get(shown.namespaceId), shown.name)] as const),
    ...graph.externals.map((external) => [external.id, external.label] as const),
  ]);
  for (const link of graph.links) {
    const laidEdge = edges.get(link.id);
    if (laidEdge) layout.links.push(linkLine(link, laidEdge, { from: names.get(link.from) ?? link.from, to: names.get(link.to) ?? link.to }));
  }
  return layout;
}

function box(node: ElkNode, title: string, appearance: string, tooltip: string): LaidBox {
  const x = round(node.x ?? 0);
  const y = round(node.y ?? 0);
  const label = { text: title, x: x + BOX_PADDING, y: y + BOX_PADDING + TEXT.titleSize, appearance: 'title' };
  return { id: node.id, x, y, width: round(node.width ?? 0), height: round(node.height ?? 0), label, appearance, tooltip };
}

function interfaceBox(shown: GraphInterface, node: ElkNode): LaidNode {
  const x = round(node.x ?? 0);
  const y = round(node.y ?? 0);
  const lines = interfaceTextLines(shown).map((line, index) => ({ text: line.text, x: x + TEXT.paddingX, y: y + TEXT.paddingY + (index + 1) * TEXT.lineHeight - 4, appearance: line.appearance }));
  return { id: shown.id, shape: 'box', x, y, width: round(node.width ?? 0), height: round(node.height ?? 0), lines, appearance: interfaceAppearance(shown), tooltip: interfaceTooltip(shown) };
}

function externalEllipse(external: GraphExternal, node: ElkNode): LaidNode {
  const x = round(node.x ?? 0);
  const y = round(node.y ?? 0);
  const width = round(node.width ?? 0);
  const height = round(node.height ?? 0);
  const line = { text: titleText(external.label), x: x + 20, y: y + height / 2 + 4, appearance: 'detail' };
  return { id: external.id, shape: 'ellipse', x, y, width, height, lines: [line], appearance: 'external', tooltip: externalTooltip(external) };
}

function linkLine(link: GraphLink, laidEdge: ElkExtendedEdge, ends: { from: string; to: string }): LaidLink {
  const section = laidEdge.sections?.[0];
  const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((point) => ({ x: round(point.x), y: round(point.y) })) : [];
  const laid: LaidLink = { id: link.id, points, appearance: linkAppearance(link), tooltip: linkTooltip(link, ends) };
  const label = laidEdge.labels?.[0];
  if (label?.text) {
    const width = round(label.width ?? 0);
    const height = round(label.height ?? 0);
    laid.label = { text: label.text, x: round(label.x ?? 0), y: round(label.y ?? 0), width, height, appearance: 'subnet' };
  }
  return laid;
}

/** `NS:IF` as a person names an interface; `IF` alone in the root namespace. */
function endName(namespace: string | null | undefined, name: string): string {
  return namespace ? `${namespace}:${name}` : name;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
