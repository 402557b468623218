/**
 * A large picture packed: each namespace a box with its interfaces in a column, the boxes packed row by row (ELK's
 * box algorithm, a lab's namespaces inside the lab's box) in an order that keeps namespaces joined by links near
 * each other, and links drawn straight between the facing sides of their ends. Packing takes milliseconds where
 * the layered layout takes minutes, and gives an overview that fits a screen instead of a strip metres long.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { titleText } from './appearance.js';
import { elkLayout } from './elk.js';
import type { GraphLayout } from './layout-model.js';
import { assembleLayout, BOX_PADDING, boxMinimum, externalSize, interfaceSize, linkLabelSize, round, TITLE_ROOM, type LinkRoute, type Placed } from './layout-parts.js';
import type { GraphInterface, GraphLink, GraphNamespace, NetworkGraph } from './model.js';

/** Room between the interfaces of a namespace's column. */
const ROW_GAP = 8;

const PACKING: Record<string, string> = {
  'elk.algorithm': 'box',
  'elk.box.packingMode': 'SIMPLE',
  'elk.aspectRatio': '1.6',
  'elk.spacing.nodeNode': '32',
  'org.eclipse.elk.json.shapeCoords': 'ROOT',
};

export async function packedLayout(graph: NetworkGraph): Promise<GraphLayout> {
  const interfacesOf = new Map<string, GraphInterface[]>();
  for (const shown of graph.interfaces) interfacesOf.set(shown.namespaceId, [...(interfacesOf.get(shown.namespaceId) ?? []), shown]);
  const columns = new Map(graph.namespaces.map((namespace) => [namespace.id, column(namespace, interfacesOf.get(namespace.id) ?? [])]));
  const ordered = neighbourOrder(graph);
  const leaf = (namespace: GraphNamespace): ElkNode => ({ id: namespace.id, width: columns.get(namespace.id)!.width, height: columns.get(namespace.id)!.height });
  const labs = [...new Set(ordered.flatMap((namespace) => (namespace.lab === undefined ? [] : [namespace.lab])))];
  const children: ElkNode[] = labs.map((lab) => ({
    id: `lab:${lab}`,
    layoutOptions: { ...PACKING, 'elk.padding': `[top=${TITLE_ROOM},left=${BOX_PADDING},bottom=${BOX_PADDING},right=${BOX_PADDING}]` },
    children: ordered.filter((namespace) => namespace.lab === lab).map(leaf),
  }));
  children.push(...ordered.filter((namespace) => namespace.lab === undefined).map(leaf));
  children.push(...graph.externals.map((external) => ({ id: external.id, ...externalSize(external) })));
  const laid: ElkNode = await elkLayout({ id: 'picture', layoutOptions: { ...PACKING, 'elk.padding': '[top=12,left=12,bottom=12,right=12]' }, children });
  const placed = new Map<string, Placed>();
  const visit = (node: ElkNode): void => {
    placed.set(node.id, node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(laid);
  for (const namespace of graph.namespaces) placeColumn(placed, placed.get(namespace.id)!, columns.get(namespace.id)!);
  return assembleLayout(graph, { width: laid.width ?? 0, height: laid.height ?? 0 }, placed, (link) => straightRoute(link, placed));
}

interface Column {
  width: number;
  height: number;
  /** Each interface's id and its cell: offsets from the box's top left, and size. */
  cells: Array<{ id: string; left: number; top: number; width: number; height: number }>;
}

/** Up to this many interfaces stand in one column; more are set in a grid about as wide as it is high. */
const ONE_COLUMN = 12;

/** A namespace's box: its title, then its interfaces in cells as wide as the widest (a root namespace may hold hundreds). */
function column(namespace: GraphNamespace, interfaces: readonly GraphInterface[]): Column {
  const smallest = boxMinimum(titleText(namespace.label));
  if (interfaces.length === 0) return { ...smallest, cells: [] };
  const sizes = interfaces.map(interfaceSize);
  const cellWidth = Math.max(...sizes.map((size) => size.width));
  const cellHeight = Math.max(...sizes.map((size) => size.height));
  const columns = interfaces.length <= ONE_COLUMN ? 1 : Math.ceil(Math.sqrt((interfaces.length * cellHeight) / cellWidth));
  const perColumn = Math.ceil(interfaces.length / columns);
  const cells = interfaces.map((shown, index) => ({
    id: shown.id,
    left: BOX_PADDING + Math.floor(index / perColumn) * (cellWidth + ROW_GAP),
    top: TITLE_ROOM + (index % perColumn) * (cellHeight + ROW_GAP),
    width: cellWidth,
    height: columns === 1 ? sizes[index]!.height : cellHeight,
  }));
  const width = Math.max(smallest.width, 2 * BOX_PADDING + columns * cellWidth + (columns - 1) * ROW_GAP);
  const height = TITLE_ROOM + perColumn * (cellHeight + ROW_GAP) - ROW_GAP + BOX_PADDING;
  return { width, height, cells };
}

function placeColumn(placed: Map<string, Placed>, box: Placed, shape: Column): void {
  for (const cell of shape.cells) placed.set(cell.id, { id: cell.id, x: (box.x ?? 0) + cell.left, y: (box.y ?? 0) + cell.top, width: cell.width, height: cell.height });
}

/** Namespaces in the order a walk along the links meets them, so that the packing puts neighbours side by side. */
function neighbourOrder(graph: NetworkGraph): GraphNamespace[] {
  const namespaceOf = new Map(graph.interfaces.map((shown) => [shown.id, shown.namespaceId]));
  const neighbours = new Map<string, string[]>();
  for (const link of graph.links) {
    const [from, to] = [namespaceOf.get(link.from), namespaceOf.get(link.to)];
    if (from === undefined || to === undefined || from === to) continue;
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
    neighbours.set(to, [...(neighbours.get(to) ?? []), from]);
  }
  const byId = new Map(graph.namespaces.map((namespace) => [namespace.id, namespace]));
  const seen = new Set<string>();
  const ordered: GraphNamespace[] = [];
  for (const start of graph.namespaces) {
    const queue = [start.id];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      ordered.push(byId.get(next)!);
      queue.push(...(neighbours.get(next) ?? []).filter((id) => !seen.has(id)));
    }
  }
  return ordered;
}

/** A straight line between the sides of the two ends that face each other, its label at the middle. */
function straightRoute(link: GraphLink, placed: ReadonlyMap<string, Placed>): LinkRoute | undefined {
  const [from, to] = [placed.get(link.from), placed.get(link.to)];
  if (!from || !to) return undefined;
  const [start, end] = facingSides(from, to);
  const route: LinkRoute = { points: [start, end] };
  const label = linkLabelSize(link);
  if (label) route.label = { ...label, x: round((start.x + end.x - label.width) / 2), y: round((start.y + end.y - label.height) / 2), appearance: 'subnet' };
  return route;
}

function facingSides(from: Placed, to: Placed): [{ x: number; y: number }, { x: number; y: number }] {
  const middle = (box: Placed): number => (box.y ?? 0) + (box.height ?? 0) / 2;
  const [fromLeft, toLeft] = [from.x ?? 0, to.x ?? 0];
  const [fromRight, toRight] = [fromLeft + (from.width ?? 0), toLeft + (to.width ?? 0)];
  // Side by side: from the right side of the one on the left to the left side of the other.
  if (fromRight <= toLeft) return [point(fromRight, middle(from)), point(toLeft, middle(to))];
  if (toRight <= fromLeft) return [point(fromLeft, middle(from)), point(toRight, middle(to))];
  // One above the other: from the bottom of the upper one to the top of the lower one.
  const [fromTop, toTop] = [from.y ?? 0, to.y ?? 0];
  const centre = (box: Placed): number => (box.x ?? 0) + (box.width ?? 0) / 2;
  if (fromTop <= toTop) return [point(centre(from), fromTop + (from.height ?? 0)), point(centre(to), toTop)];
  return [point(centre(from), fromTop), point(centre(to), toTop + (to.height ?? 0))];
}

function point(x: number, y: number): { x: number; y: number } {
  return { x: round(x), y: round(y) };
}
