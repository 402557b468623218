/** Argument helpers shared by the command-line commands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { listSome, quoteName } from '../core/display.js';
import type { VethEnd } from '../core/iproute2/commands.js';
import { checkMtu, parseCidr } from '../core/addresses.js';
import { InvalidArgumentError, InvalidNameError } from '../core/errors.js';
import { checkInterfaceName, checkNamespaceName } from '../core/names.js';

/**
 * A mistake in how a command was called: exit status 2 and a pointer to --help. That is anything wrong with what
 * was typed, found before anything runs: an unknown command or option, a missing or extra argument, a name given
 * twice, and an invalid name, address, number or target. What fails afterwards, on the host or in a file, is 1.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/**
 * Runs the checks of a command's arguments, before anything runs on the host. The core refuses an invalid name or
 * value with its own error (the editor shows that one too); here it is the command line's fault, so a UsageError.
 */
export function checkArguments<T>(command: string | undefined, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InvalidNameError || error instanceof InvalidArgumentError) throw new UsageError(error.message, command);
    throw error;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

/** Parses a command's arguments strictly; unknown options and missing values become UsageErrors. */
export function parseCommandArgs(command: string, args: string[], options: Options): ParsedArgs {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    // Node's words for `--count -1` take three lines; one says it.
    const ambiguous = /^Option '([^']+)' argument is ambiguous/u.exec(message);
    if (ambiguous) throw new UsageError(`${ambiguous[1]} needs a value; write ${ambiguous[1]}=VALUE for one that starts with "-"`, command);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/su, ''), command);
  }
}

/**
 * Reads `NAME` or `NAME@NS`: an interface in a namespace (no `@`: the root namespace). The split is at the first
 * `@`, since interface names never need one and namespace names may contain it.
 */
export function parseEnd(text: string, defaultNamespace: string | null = null): VethEnd {
  const at = text.indexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const namespace = at < 0 ? defaultNamespace : text.slice(at + 1);
  checkInterfaceName(name);
  if (namespace !== null) checkNamespaceName(namespace);
  return { name, namespace };
}

/** Addresses given as `--address CIDR`, each checked. */
export function readCidrs(cidrs: string[]): string[] {
  for (const cidr of cidrs) parseCidr(cidr);
  return cidrs;
}

/** An MTU given as `what` (`--mtu`, `MTU`): a whole number the kernel takes. */
export function readMtu(command: string, what: string, text: string | undefined): number | undefined {
  const mtu = parseWholeNumber(command, what, text);
  return mtu === undefined ? undefined : checkMtu(mtu);
}

/** Requires exactly `count` positional arguments named in `what`. */
export function expectPositionals(command: string, positionals: string[], what: string[]): string[] {
  if (positionals.length !== what.length) {
    const expected = what.length === 0 ? 'no arguments' : what.join(' ');
    const got = positionals.length === 0 ? 'none' : `${positionals.length}: ${listSome(positionals.map(quoteName))}`;
    throw new UsageError(`expected ${expected}, got ${got}`, command);
  }
  return positionals;
}

/** Reads a whole number given as `what` (an option such as `--mtu`, or an argument such as `MTU`). */
export function parseWholeNumber(command: string, what: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/u.test(text)) throw new UsageError(`${what} takes a whole number, not ${JSON.stringify(text)}`, command);
  return Number(text);
}

/** A string option's value. */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable string option's values. */
export function stringListOption(parsed: ParsedArgs, name: string): string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A boolean flag. */
export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}
