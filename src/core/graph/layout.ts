/**
 * Lays out a network's picture with ELK's layered algorithm (elkjs, run in this process: no web worker): labs as
 * boxes holding their namespaces, namespaces as boxes holding their interfaces, links between interfaces, the
 * places outside the host as their own nodes. One ELK graph with `INCLUDE_CHILDREN`, so links that cross
 * namespace boxes are routed across the whole picture. The result is plain positioned data (`layout-model.ts`);
 * the same graph always gives the same layout.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { titleText } from './appearance.js';
import { elkLayout } from './elk.js';
import type { GraphLayout } from './layout-model.js';
import { packedLayout } from './layout-packed.js';
import { assembleLayout, BOX_PADDING, boxMinimum, externalSize, interfaceSize, linkLabelSize, round, TITLE_ROOM, type LinkRoute, type Placed } from './layout-parts.js';
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

/**
 * Above this many interfaces the picture is packed instead (`layout-packed.ts`): ELK's layered layout grows far
 * faster than the picture (measured: 50 namespaces took seconds, 500 minutes and gigabytes), and a picture of
 * hundreds of namespaces is an overview, not a drawing to follow link by link.
 */
export const LARGE_PICTURE = 60;

/** Lays out a picture; resolves with where each element is drawn. */
export async function layoutGraph(graph: NetworkGraph): Promise<GraphLayout> {
  if (graph.interfaces.length > LARGE_PICTURE) return packedLayout(graph);
  const laid = await elkLayout(elkGraph(graph));
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
  const smallest = boxMinimum(title);
  const minimum = `(${smallest.width}, ${smallest.height})`;
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
  return { id: shown.id, ...interfaceSize(shown) };
}

function externalNode(external: GraphExternal): ElkNode {
  return { id: external.id, ...externalSize(external) };
}

function edge(link: GraphLink): ElkExtendedEdge {
  const label = linkLabelSize(link);
  const labels = label ? [{ id: `${link.id}#label`, ...label }] : [];
  return { id: link.id, sources: [link.from], targets: [link.to], labels };
}

/** ELK's answer as the picture's data, positions rounded to tenths so the same graph writes the same text. */
function readLayout(graph: NetworkGraph, laid: ElkNode): GraphLayout {
  const found = new Map<string, Placed>();
  const visit = (node: ElkNode): void => {
    found.set(node.id, node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(laid);
  const edges = new Map((laid.edges ?? []).map((laidEdge) => [laidEdge.id, laidEdge as ElkExtendedEdge]));
  return assembleLayout(graph, { width: laid.width ?? 0, height: laid.height ?? 0 }, found, (link) => {
    const laidEdge = edges.get(link.id);
    return laidEdge && linkRoute(laidEdge);
  });
}

function linkRoute(laidEdge: ElkExtendedEdge): LinkRoute {
  const section = laidEdge.sections?.[0];
  const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((point) => ({ x: round(point.x), y: round(point.y) })) : [];
  const route: LinkRoute = { points };
  const label = laidEdge.labels?.[0];
  if (label?.text) route.label = { text: label.text, x: round(label.x ?? 0), y: round(label.y ?? 0), width: round(label.width ?? 0), height: round(label.height ?? 0), appearance: 'subnet' };
  return route;
}
