/**
 * Which lab a command is about: a topology file (checked whole before anything runs) or `--lab NAME`. Shared by
 * validate, deploy, destroy and inspect.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { parseTopology } from '../../core/topology/parse.js';
import { stringOption, UsageError, type ParsedArgs } from '../args.js';

/**
 * The rule a lab name breaks, or undefined. Asks the topology parser itself (a file that is only `lab: NAME`), so
 * the command line and the file format can never disagree about which names are labs.
 */
export function labNameProblem(name: string): string | undefined {
  const prefix = 'lab: ';
  const { diagnostics } = parseTopology(`${prefix}${JSON.stringify(name)}\n`);
  // Only problems of the name itself count, not what such a short file lacks (its namespaces, say).
  return diagnostics.find((diagnostic) => diagnostic.line === 1 && diagnostic.column > prefix.length)?.message;
}

/**
 * The `lab:` of a file that is not valid as a whole, when it can be read without guessing: the YAML parses, the top
 * is a map with exactly one `lab` key, and its value is a valid lab name. Destroying needs only the name (what
 * is removed is found on the host, by the lab's record and tags, never from the file), so a file broken elsewhere
 * still names its lab safely. Anything less certain returns undefined, and `--lab NAME` is needed.
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

/** A lab named either by a file (positional) or by `--lab NAME`, never both. */
export type LabReference = { file: string; lab?: undefined } | { lab: string; file?: undefined };

export function readLabReference(command: string, parsed: ParsedArgs): LabReference {
  const lab = stringOption(parsed, 'lab');
  const files = parsed.positionals;
  if (files.length > 1) throw new UsageError(`expected one topology file, got ${files.length}`, command);
  if (lab !== undefined && files.length > 0) throw new UsageError('give either a topology FILE or --lab NAME, not both', command);
  if (lab !== undefined) {
    const problem = labNameProblem(lab);
    if (problem) throw new UsageError(`--lab ${JSON.stringify(lab)}: ${problem}`, command);
    return { lab };
  }
  if (files.length === 0) throw new UsageError('expected a topology FILE or --lab NAME', command);
  return { file: files[0]! };
}
