/**
 * What both layouts of a picture share (`layout.ts` for pictures a person reads whole, `layout-packed.ts` for
 * large ones): the sizes of boxes from their text, and turning placed rectangles into the picture's data.
 */
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
import type { GraphExternal, GraphInterface, GraphLink, NetworkGraph } from './model.js';

/** Room around a box's children, and under its title. */
export const BOX_PADDING = 12;
export const TITLE_ROOM = TEXT.titleSize + 16;

/** A rectangle a layout placed (ELK's nodes have this shape too). */
export interface Placed {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/** Where a link's line runs and where its label sits, as a layout placed them. */
export type LinkRoute = Pick<LaidLink, 'points' | 'label'>;

/** The smallest box that shows its title. */
export function boxMinimum(title: string): { width: number; height: number } {
  return { width: textWidth(title, TEXT.titleSize, true) + 2 * BOX_PADDING, height: TITLE_ROOM + 24 };
}

export function interfaceSize(shown: GraphInterface): { width: number; height: number } {
  const lines = interfaceTextLines(shown);
  const width = Math.max(...lines.map((line) => textWidth(line.text, line.appearance === 'name' ? TEXT.nameSize : TEXT.detailSize, line.appearance === 'name')));
  return { width: Math.max(width + 2 * TEXT.paddingX, 56), height: lines.length * TEXT.lineHeight + 2 * TEXT.paddingY };
}

export function externalSize(external: GraphExternal): { width: number; height: number } {
  return { width: textWidth(titleText(external.label), TEXT.detailSize) + 40, height: 36 };
}

/** The subnets a link is labelled with, and the room the label takes; undefined for a link without. */
export function linkLabelSize(link: GraphLink): { text: string; width: number; height: number } | undefined {
  const text = link.subnets.join(', ');
  return text === '' ? undefined : { text, width: textWidth(text, TEXT.detailSize) + 8, height: TEXT.lineHeight + 2 };
}

/** The picture's data from where each lab, namespace, interface and external was placed, and each link's route. */
export function assembleLayout(graph: NetworkGraph, size: { width: number; height: number }, placed: ReadonlyMap<string, Placed>, routeOf: (link: GraphLink) => LinkRoute | undefined): GraphLayout {
  const layout: GraphLayout = { width: round(size.width), height: round(size.height), labs: [], namespaces: [], nodes: [], links: [] };
  const labs = new Set(graph.namespaces.flatMap((namespace) => (namespace.lab === undefined ? [] : [namespace.lab])));
  for (const lab of labs) layout.labs.push(box(placed.get(`lab:${lab}`)!, titleText(`lab ${lab}`), 'lab', `lab ${lab}`));
  for (const namespace of graph.namespaces) layout.namespaces.push(box(placed.get(namespace.id)!, titleText(namespace.label), namespaceAppearance(namespace), namespaceTooltip(namespace)));
  for (const shown of graph.interfaces) {
    const node = placed.get(shown.id);
    if (node) layout.nodes.push(interfaceBox(shown, node));
  }
  for (const external of graph.externals) layout.nodes.push(externalEllipse(external, placed.get(external.id)!));
  const namespaces = new Map(graph.namespaces.map((namespace) => [namespace.id, namespace.namespace]));
  const names = new Map<string, string>([
    ...graph.interfaces.map((shown) => [shown.id, endName(namespaces.get(shown.namespaceId), shown.name)] as const),
    ...graph.externals.map((external) => [external.id, external.label] as const),
  ]);
  for (const link of graph.links) {
    const route = routeOf(link);
    if (!route) continue;
    const laid: LaidLink = {
      id: link.id,
      points: route.points,
      appearance: linkAppearance(link),
      tooltip: linkTooltip(link, { from: names.get(link.from) ?? link.from, to: names.get(link.to) ?? link.to }),
    };
    if (route.label) laid.label = route.label;
    layout.links.push(laid);
  }
  return layout;
}

function box(node: Placed, title: string, appearance: string, tooltip: string): LaidBox {
  const x = round(node.x ?? 0);
  const y = round(node.y ?? 0);
  const label = { text: title, x: x + BOX_PADDING, y: y + BOX_PADDING + TEXT.titleSize, appearance: 'title' };
  return { id: node.id, x, y, width: round(node.width ?? 0), height: round(node.height ?? 0), label, appearance, tooltip };
}

function interfaceBox(shown: GraphInterface, node: Placed): LaidNode {
  const x = round(node.x ?? 0);
  const y = round(node.y ?? 0);
  const lines = interfaceTextLines(shown).map((line, index) => ({ text: line.text, x: x + TEXT.paddingX, y: y + TEXT.paddingY + (index + 1) * TEXT.lineHeight - 4, appearance: line.appearance }));
  return { id: shown.id, shape: 'box', x, y, width: round(node.width ?? 0), height: round(node.height ?? 0), lines, appearance: interfaceAppearance(shown), tooltip: interfaceTooltip(shown) };
}

function externalEllipse(external: GraphExternal, node: Placed): LaidNode {
  const x = round(node.x ?? 0);
  const y = round(node.y ?? 0);
  const width = round(node.width ?? 0);
  const height = round(node.height ?? 0);
  const line = { text: titleText(external.label), x: x + 20, y: y + height / 2 + 4, appearance: 'detail' };
  return { id: external.id, shape: 'ellipse', x, y, width, height, lines: [line], appearance: 'external', tooltip: externalTooltip(external) };
}

/** `NS:IF` as a person names an interface; `IF` alone in the root namespace. */
function endName(namespace: string | null | undefined, name: string): string {
  return namespace ? `${namespace}:${name}` : name;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
