/**
 * What each element of a laid-out picture says and looks like: its lines of text and their estimated widths, its
 * appearance classes (state, kind, drift) and its tooltip. Shared by the layout (which sizes boxes from the text)
 * and every drawing of it, so the SVG file and the notebook show the same words.
 */
import { escapeHidden } from '../display.js';
import type { GraphDrift, GraphExternal, GraphInterface, GraphLink, GraphNamespace } from './model.js';

/** Sizes in pixels; text widths are estimated from the font size, since the core has no font to measure with. */
export const TEXT = {
  nameSize: 12,
  detailSize: 11,
  titleSize: 13,
  lineHeight: 15,
  paddingX: 8,
  paddingY: 6,
} as const;

/** Kinds whose name alone says what they are. */
const PLAIN_KINDS = new Set(['veth', 'device']);

/** A line of an interface's box, before it is placed. */
export interface TextLine {
  text: string;
  appearance: 'name' | 'detail';
}

/** The lines of an interface's box: its name; its kind and state when they are not plain; its addresses; a bridge's LAN; its MTU when not 1500. */
export function interfaceTextLines(shown: GraphInterface): TextLine[] {
  // Names may hold anything: hidden characters are shown as escapes, so that no name looks like another.
  const lines: TextLine[] = [{ text: escapeHidden(shown.name), appearance: 'name' }];
  const words = [PLAIN_KINDS.has(shown.kind) ? '' : escapeHidden(shown.kind), STATE_WORDS[shown.state]].filter(Boolean);
  if (words.length > 0) lines.push({ text: words.join(' · '), appearance: 'detail' });
  for (const address of shown.addresses) lines.push({ text: address, appearance: 'detail' });
  if (shown.lan) lines.push({ text: lanWords(shown.lan), appearance: 'detail' });
  if (shown.mtu !== undefined && shown.mtu !== 1500) lines.push({ text: `mtu ${shown.mtu}`, appearance: 'detail' });
  return lines;
}

/** `LAN 10.0.61.0/24`: the network a bridge joins. */
export function lanWords(lan: readonly string[]): string {
  return `LAN ${lan.join(', ')}`;
}

const STATE_WORDS: Record<GraphInterface['state'], string> = { up: '', down: 'down', 'no-carrier': 'no carrier', planned: 'planned' };

/**
 * A generous estimate of a text's width: bold names at 0.64 em a character, other text at 0.6 em, so that text
 * fits its box in the common sans-serif fonts.
 */
export function textWidth(text: string, size: number, bold = false): number {
  return Math.ceil([...text].length * size * (bold ? 0.64 : 0.6));
}

/** A title as written: hidden characters as escapes. */
export function titleText(text: string): string {
  return escapeHidden(text);
}

export function interfaceAppearance(shown: GraphInterface): string {
  const words = ['interface', `state-${shown.state}`];
  if (shown.kind === 'bridge') words.push('bridge');
  if (shown.leadsOut) words.push('leads-out');
  return withDrift(words, shown.drift);
}

export function namespaceAppearance(namespace: GraphNamespace): string {
  const words = ['namespace', namespace.namespace === null ? 'root' : namespace.lab !== undefined ? 'in-lab' : 'other'];
  if (namespace.unnamed) words.push('unnamed');
  return withDrift(words, namespace.drift);
}

export function linkAppearance(link: GraphLink): string {
  return withDrift(['link', `link-${link.kind}`], link.drift);
}

export function interfaceTooltip(shown: GraphInterface): string {
  const lines = [`${shown.name} (${shown.kind}), ${STATE_TOOLTIPS[shown.state]}`];
  if (shown.addresses.length > 0) lines.push(`addresses: ${shown.addresses.join(', ')}`);
  if (shown.lan) lines.push(lanWords(shown.lan));
  if (shown.mtu !== undefined) lines.push(`mtu ${shown.mtu}`);
  if (shown.mac !== undefined) lines.push(`mac ${shown.mac}`);
  if (shown.leadsOut) lines.push('leads out of the host');
  return [...lines, ...driftLines(shown.drift)].join('\n');
}

const STATE_TOOLTIPS: Record<GraphInterface['state'], string> = { up: 'up', down: 'down', 'no-carrier': 'up, no carrier', planned: 'planned, not deployed' };

export function namespaceTooltip(namespace: GraphNamespace): string {
  const what = namespace.namespace === null ? 'the root namespace' : `namespace ${namespace.label}`;
  return [namespace.lab === undefined ? what : `${what}, lab ${namespace.lab}`, ...driftLines(namespace.drift)].join('\n');
}

export function linkTooltip(link: GraphLink, ends: { from: string; to: string }): string {
  const subnets = link.subnets.length > 0 ? `, subnet ${link.subnets.join(', ')}` : '';
  return [`${LINK_WORDS[link.kind]} ${ends.from} – ${ends.to}${subnets}`, ...driftLines(link.drift)].join('\n');
}

const LINK_WORDS: Record<GraphLink['kind'], string> = { veth: 'veth pair', port: 'bridge port', lower: 'stacked on', tunnel: 'tunnel' };

export function externalTooltip(external: GraphExternal): string {
  return `${external.label}: outside this host`;
}

function withDrift(words: string[], drift: GraphDrift | undefined): string {
  return (drift ? [...words, `drift-${drift.kind}`] : words).join(' ');
}

function driftLines(drift: GraphDrift | undefined): string[] {
  if (!drift) return [];
  return [`${DRIFT_WORDS[drift.kind]}:`, ...drift.details.map((detail) => `  ${detail}`)];
}

export const DRIFT_WORDS: Record<GraphDrift['kind'], string> = { missing: 'missing from the kernel', extra: 'not in the file', differs: 'differs from the file' };
