/**
 * Which lab a command is about: a topology file (checked whole before anything runs) or `--lab NAME`. Shared by
 * validate, deploy, destroy and inspect.
 */
import { labNameProblem } from '../../core/labs/lab-name.js';
import { stringOption, UsageError, type ParsedArgs } from '../args.js';

// Kept here too for the lab commands that read a lab's name from a file that is not valid as a whole.
export { readableLabName } from '../../core/labs/lab-name.js';

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
