/**
 * Which front matter keys are ours. A notebook is often also a page of a site (Jekyll, Hugo, MkDocs), whose front
 * matter has keys of its own (title, layout, tags, date, permalink, …): those are kept in the file and ignored. A
 * key that looks like a slip for one of ours is refused instead, because ignoring `nets: red` or `Target: lab1`
 * would run the cells in the root namespace or on this machine.
 */
import type { NotebookOptions } from './model.js';

export type NotebookOptionName = keyof NotebookOptions;

export const NOTEBOOK_OPTION_NAMES: readonly NotebookOptionName[] = ['target', 'netns', 'topology'];

/**
 * Words that mean one of our keys without being spelt like it. Only for target and netns: a missed topology makes
 * the cells fail where they should run, while a missed target or namespace makes them run somewhere else.
 */
const SYNONYMS: Readonly<Record<string, NotebookOptionName>> = { namespace: 'netns', ns: 'netns', host: 'target', ssh: 'target' };

/**
 * The key of ours that `key` was probably meant to be (for a key that is not exactly ours), or undefined for a key
 * of another tool. Case, `-` and `_` are not told apart, and a short edit distance (one slip in `netns`, two in the
 * longer keys) counts as the same key; no common key of site generators is that close.
 */
export function intendedOptionName(key: string): NotebookOptionName | undefined {
  const word = key.toLowerCase().replace(/[-_\s]/g, '');
  if (Object.hasOwn(SYNONYMS, word)) return SYNONYMS[word];
  return NOTEBOOK_OPTION_NAMES.find((name) => editDistance(word, name) <= (name.length <= 5 ? 1 : 2));
}

/** Edits (insert, delete, replace, or swap two neighbours) that turn `a` into `b`: optimal string alignment. */
function editDistance(a: string, b: string): number {
  // rows[i][j]: the distance between the first i characters of a and the first j of b.
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const replace = rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, replace);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
