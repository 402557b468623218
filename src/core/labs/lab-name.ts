/**
 * A lab's name as a topology file gives it, also when the file is not valid as a whole. Destroying a lab needs only
 * its name (what is removed is found on the host, by the lab's record and tags, never from the file), so a file
 * broken elsewhere still names its lab, as long as the name can be read without guessing. Shared by the command
 * line and the editor.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { parseTopology } from '../topology/parse.js';

/**
 * The rule a lab name breaks, or undefined. Asks the topology parser itself (a file that is only `lab: NAME`), so
 * the command line, the editor and the file format can never disagree about which names are labs.
 */
export function labNameProblem(name: string): string | undefined {
  const prefix = 'lab: ';
  const { diagnostics } = parseTopology(`${prefix}${JSON.stringify(name)}\n`);
  // Only problems of the name itself count, not what such a short file lacks (its namespaces, say).
  return diagnostics.find((diagnostic) => diagnostic.line === 1 && diagnostic.column > prefix.length)?.message;
}

/**
 * The `lab:` of a file that is not valid as a whole, when it can be read without guessing: the YAML parses, the top
 * is a map with exactly one `lab` key, and its value is a valid lab name. Anything less certain returns undefined.
 */
export function readableLabName(text: string): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const labPairs = document.contents.items.filter((pair) => isScalar(pair.key) && pair.key.value === 'lab');
  if (labPairs.length !== 1) return undefined;
  const value = labPairs[0]!.value;
  if (!isScalar(value) || typeof value.value !== 'string') return undefined;
  return labNameProblem(value.value) === undefined ? value.value : undefined;
}

/** The lab a topology file's text names: the valid file's lab, else its readable `lab:`, else undefined. */
export function labNameOfText(text: string): string | undefined {
  return parseTopology(text).topology?.lab ?? readableLabName(text);
}
