/**
 * What each item says in the text formats (Mermaid, dot): the same words as in the drawn pictures (an interface's
 * lines as in its box, a link's subnets), and a drift mark said in words, since a text has no tooltip.
 */
import { DRIFT_WORDS, interfaceTextLines, titleText } from './appearance.js';
import type { GraphDrift, GraphInterface, GraphLink, GraphNamespace } from './model.js';

/** The colours of the drift marks, as in the SVG file. */
export const DRIFT_COLOURS: Record<GraphDrift['kind'], { stroke: string; fill?: string }> = {
  missing: { stroke: '#d32f2f' },
  extra: { stroke: '#ef6c00' },
  differs: { stroke: '#b59a00', fill: '#fff3a8' },
};

/** Lines of an interface's box: as in the drawn pictures, then what differs from the file, if anything. */
export function interfaceLines(shown: GraphInterface): string[] {
  const lines = interfaceTextLines(shown).map((line) => line.text);
  if (!shown.drift) return lines;
  // What differs is the point of the mark; missing and extra say all in their word.
  return [...lines, `${DRIFT_WORDS[shown.drift.kind]}${shown.drift.kind === 'differs' ? ':' : ''}`, ...(shown.drift.kind === 'differs' ? shown.drift.details : [])];
}

/** A namespace's title, with its drift mark in words. */
export function namespaceTitle(namespace: GraphNamespace): string {
  const title = titleText(namespace.label);
  return namespace.drift ? `${title} · ${DRIFT_WORDS[namespace.drift.kind]}` : title;
}

/** A link's label: its subnets, and its drift mark in words. */
export function linkLabel(link: GraphLink): string {
  return [link.subnets.join(', '), link.drift ? DRIFT_WORDS[link.drift.kind] : ''].filter(Boolean).join(' · ');
}
