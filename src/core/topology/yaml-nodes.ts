/**
 * Reading YAML nodes strictly, with positions: each helper either returns the value it was asked for or reports,
 * at the node, what was found and what is expected. Callers go on after a report, so one pass finds every problem.
 */
import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import type { DiagnosticList, Span } from './diagnostics.js';

/** What the readers need: the document (to follow aliases), the source text (for spans of words) and the list. */
export interface ReadContext {
  document: Document.Parsed;
  source: string;
  diagnostics: DiagnosticList;
}

/** A value with the place it came from. */
export interface Located<T> {
  value: T;
  span: Span;
}

/** One `key: value` of a map, with the key's place (where unknown or misplaced keys are reported). */
export interface MapEntry {
  key: string;
  keySpan: Span;
  value: YamlNode | null;
}

/** Where a node is; an empty value (`key:` with nothing after it) has no extent, so the fallback marks it. */
export function spanOf(node: YamlNode | null | undefined, fallback: Span = { start: 0, end: 0 }): Span {
  const range = node?.range;
  return range && (range[1] > range[0] || fallback.end === fallback.start) ? { start: range[0], end: range[1] } : fallback;
}

/** The node an alias (`*name`) stands for; any other node as it is. */
function resolveAlias(context: ReadContext, node: YamlNode | null | undefined): YamlNode | null {
  if (node === undefined || node === null) return null;
  if (isAlias(node)) return (node.resolve(context.document) as YamlNode | undefined) ?? null;
  return node;
}

/** How a node reads to a person: "a list", "the number 42". */
export function describeNode(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing (null)';
    if (typeof value === 'number' || typeof value === 'bigint') return `the number ${String(node.source ?? value)}`;
    if (typeof value === 'boolean') return `the boolean ${String(value)}`;
    if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  }
  return 'an unsupported value';
}

/**
 * The entries of a map whose keys are fixed words. Reports a value that is not a map, keys that are not allowed
 * (listing those that are), keys given twice and required keys that are missing (at the map's first line).
 */
export function readFixedMap(context: ReadContext, node: YamlNode | null, what: string, allowed: readonly string[], required: readonly string[] = []): Map<string, MapEntry> | undefined {
  if (!isMap(node)) {
    context.diagnostics.add(spanOf(node), `${what} must be a map with the keys ${allowed.join(', ')}; found ${describeNode(node)}`);
    return undefined;
  }
  const entries = new Map<string, MapEntry>();
  for (const entry of readMapEntries(context, node, `a key of ${what}`)) {
    const first = entries.get(entry.key);
    if (first) {
      context.diagnostics.add(entry.keySpan, `duplicate key ${JSON.stringify(entry.key)} in ${what} (first at line ${context.diagnostics.lineOf(first.keySpan.start)})`);
    } else if (!allowed.includes(entry.key)) {
      const guess = closestKey(entry.key, allowed);
      const hint = guess ? ` (did you mean "${guess}"?)` : '';
      context.diagnostics.add(entry.keySpan, `unknown key ${JSON.stringify(entry.key)} in ${what}${hint}; allowed keys: ${allowed.join(', ')}`);
    } else {
      entries.set(entry.key, entry);
    }
  }
  for (const key of required) {
    if (!entries.has(key)) context.diagnostics.add(firstLineSpan(context, spanOf(node)), `${what} needs the key ${JSON.stringify(key)}`);
  }
  return entries;
}

/** Every `key: value` of a map in order, duplicates included; keys that are not strings are reported and skipped. */
export function readMapEntries(context: ReadContext, node: YamlNode, keyWhat: string): MapEntry[] {
  if (!isMap(node)) return [];
  const entries: MapEntry[] = [];
  for (const pair of node.items) {
    const keyNode = resolveAlias(context, pair.key as YamlNode | null);
    const key = readString(context, keyNode, keyWhat, spanOf(pair.key as YamlNode | null));
    if (key === undefined) continue;
    entries.push({ key: key.value, keySpan: key.span, value: resolveAlias(context, pair.value as YamlNode | null) });
  }
  return entries;
}

/**
 * A string scalar. Numbers and booleans are refused with the advice to quote them, because YAML reads `42` and
 * `true` as values of other types and silently turning them back into text would hide a typo.
 */
export function readString(context: ReadContext, node: YamlNode | null, what: string, fallback?: Span): Located<string> | undefined {
  const span = spanOf(node, fallback);
  if (isScalar(node) && typeof node.value === 'string') return { value: node.value, span };
  if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) {
    const written = String(node.source ?? node.value);
    const type = typeof node.value === 'number' ? 'a number' : 'a boolean';
    context.diagnostics.add(span, `${what} must be a string, but YAML reads ${written} as ${type}; write it as a string: "${written}"`);
    return undefined;
  }
  context.diagnostics.add(span, `${what} must be a string; found ${describeNode(node)}`);
  return undefined;
}

/** A whole number. */
export function readInteger(context: ReadContext, node: YamlNode | null, what: string, expected: string): Located<number> | undefined {
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return { value: node.value, span: spanOf(node) };
  context.diagnostics.add(spanOf(node), `${what} must be ${expected}; found ${describeNode(node)}`);
  return undefined;
}

/** `true` or `false`. */
export function readBoolean(context: ReadContext, node: YamlNode | null, what: string): Located<boolean> | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return { value: node.value, span: spanOf(node) };
  context.diagnostics.add(spanOf(node), `${what} must be true or false; found ${describeNode(node)}`);
  return undefined;
}

/** The items of a list (aliases followed), or undefined after reporting that it is not a list. */
export function readList(context: ReadContext, node: YamlNode | null, what: string, example: string): (YamlNode | null)[] | undefined {
  if (isSeq(node)) return node.items.map((item) => resolveAlias(context, item as YamlNode | null));
  context.diagnostics.add(spanOf(node), `${what} must be a list, e.g. ${example}; found ${describeNode(node)}`);
  return undefined;
}

/**
 * The words of a string scalar with their own spans, so that a bad address inside `red:eth0 10.0.0.1/24` is
 * marked by itself. When the text in the file is not the value character for character (escapes, folded lines),
 * each word gets the whole scalar's span instead.
 */
export function wordsOf(context: ReadContext, node: YamlNode | null, text: string): Located<string>[] {
  const whole = spanOf(node);
  const offset = textOffset(context, node, text);
  const words: Located<string>[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const start = offset === undefined ? undefined : offset + match.index;
    words.push({ value: match[0], span: start === undefined ? whole : { start, end: start + match[0].length } });
  }
  return words;
}

/** A part of a located string (`eth0` in `red:eth0`): its own span when the string's span is exactly its text. */
export function partOf(whole: Located<string>, index: number, length: number): Span {
  if (whole.span.end - whole.span.start !== whole.value.length) return whole.span;
  return { start: whole.span.start + index, end: whole.span.start + index + length };
}

function textOffset(context: ReadContext, node: YamlNode | null, text: string): number | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (node.type === Scalar.PLAIN && context.source.slice(start, end) === text) return start;
  const quoted = node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE;
  if (quoted && context.source.slice(start + 1, end - 1) === text) return start + 1;
  return undefined;
}

/** The part of a span on its first line, for problems of a whole block (a missing key) that should not mark it all. */
function firstLineSpan(context: ReadContext, span: Span): Span {
  const newline = context.source.indexOf('\n', span.start);
  const end = newline < 0 || newline > span.end ? span.end : newline;
  return { start: span.start, end: Math.max(end, span.start) };
}

/** The allowed key a typo most likely meant: a few edits away for its length (`namespace` for `namespaces`). */
function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance <= Math.min(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
