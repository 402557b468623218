/**
 * How names and lists of names appear in messages and listings: the one place that decides, so that a name with a
 * newline, a no-break space or a bidi override is shown escaped everywhere, and a list never runs to thousands of
 * entries. Only names the user sees go through here; argv and JSON keep names exactly as they are.
 */

/**
 * Characters a name may hold that must never reach a terminal or a message raw: controls (C0, DEL, C1), format
 * characters (zero-width, bidi overrides), lone surrogates, and separators other than the plain space (no-break
 * spaces, line and paragraph separators), which look like a space or like nothing at all.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|[^\P{Zs} ]/gu;
// The same without the g flag, for test(), which would otherwise carry lastIndex over from one call to the next.
const HAS_HIDDEN_CHARACTER = new RegExp(HIDDEN_CHARACTERS.source, 'u');
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** The text with every hidden character written as a JSON escape (`\n`, `\u00a0`); the rest as it is. */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, (character) => SHORT_ESCAPES[character] ?? jsonEscapes(character));
}

/** `\uXXXX` for each UTF-16 unit, as JSON writes them (a character above U+FFFF becomes its surrogate pair). */
function jsonEscapes(character: string): string {
  return [...Array(character.length).keys()].map((index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`).join('');
}

/** A name in double quotes with JSON escapes, hidden characters included: `"a\u00a0b"`. For messages. */
export function quoteName(name: string): string {
  return escapeHidden(JSON.stringify(name));
}

/**
 * A name as listings and messages show it: as it is, or quoted with escapes (see quoteName) when it holds a
 * hidden character, so that one name stays one line and two different names never look the same.
 */
export function displayName(name: string): string {
  return HAS_HIDDEN_CHARACTER.test(name) ? quoteName(name) : name;
}

/** How many items a message lists before it says how many more there are. */
export const LISTED_IN_MESSAGES = 3;

/**
 * `a, b, c … and 722,211 more`: a list in a message stays short whatever the input's size. Takes any iterable and
 * reads only what it shows, plus a count.
 */
export function listSome(items: Iterable<string>, shown = LISTED_IN_MESSAGES): string {
  const first: string[] = [];
  let total = 0;
  for (const item of items) {
    if (total < shown) first.push(item);
    total++;
  }
  const rest = total - first.length;
  return rest > 0 ? `${first.join(', ')} … and ${rest.toLocaleString('en-US')} more` : first.join(', ');
}

/**
 * A short name for a namespace without a name, from the path it is reached by: `pid 1234`, `pid 1234 thread
 * 1240`, `fd 5 of pid 1234`, or the mount's path (Docker's `/run/docker/netns/…`).
 */
export function unnamedNamespaceLabel(path: string): string {
  const process = /^\/proc\/(\d+)\/ns\/net$/u.exec(path);
  if (process) return `pid ${process[1]}`;
  const thread = /^\/proc\/(\d+)\/task\/(\d+)\/ns\/net$/u.exec(path);
  if (thread) return `pid ${thread[1]} thread ${thread[2]}`;
  const descriptor = /^\/proc\/(\d+)\/fd\/(\d+)$/u.exec(path);
  if (descriptor) return `fd ${descriptor[2]} of pid ${descriptor[1]}`;
  return escapeHidden(path);
}
