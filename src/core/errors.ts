/**
 * Typed errors of the core. Each carries the context a front end needs to explain it; the editor and the
 * command line decide how to show them. Messages say what is wrong and, where there is one, how to fix it.
 */
import { quoteName } from './display.js';
import type { TopologyDiagnostic } from './diagnostic.js';

/** Base class, so front ends can tell our errors from programming faults. */
export class NetnsLabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface CommandErrorContext {
  argv: readonly string[];
  exitCode: number;
  stderr: string;
}

/** A command ran and exited non-zero. The message leads with the command's own first line of stderr. */
export class CommandError extends NetnsLabError {
  /** What was being done, without the reason: "Could not create namespace lab1". */
  readonly summary: string;
  readonly argv: readonly string[];
  readonly exitCode: number;
  readonly stderr: string;

  constructor(summary: string, context: CommandErrorContext) {
    const reason = firstLine(context.stderr) || `exit status ${context.exitCode}`;
    super(`${summary}: ${reason}`);
    this.summary = summary;
    this.argv = context.argv;
    this.exitCode = context.exitCode;
    this.stderr = context.stderr;
  }
}

/** A name that `ip` would refuse or misread; `rule` says which rule it breaks. */
export class InvalidNameError extends NetnsLabError {
  constructor(
    readonly what: string,
    readonly value: string,
    readonly rule: string,
  ) {
    super(`Invalid ${what} ${quoteName(value)}: ${rule}`);
  }
}

/** Any other invalid argument (an address, an MTU, a route) with what was expected. */
export class InvalidArgumentError extends NetnsLabError {}

/** What a command names does not exist (a namespace, say). */
export class NotFoundError extends NetnsLabError {}

/**
 * Why root could not be had, one value per thing the user does about it: the password box again (a wrong password,
 * a declined box), a setting (`passwordNeeded`: the box is turned off; `capabilitiesMissing`: `privilege: none`
 * without the capabilities), or the machine's sudo set-up (`notAllowed`, `sudoMissing`, `sudoRefused`).
 */
export type PrivilegeProblem = 'passwordRefused' | 'passwordNotGiven' | 'passwordNeeded' | 'notAllowed' | 'sudoMissing' | 'sudoRefused' | 'capabilitiesMissing';

/**
 * Namespace work needs root, and it could not be had; `problem` says why, the message what to do. For
 * `capabilitiesMissing`, `missingCapabilities` names them (`CAP_SYS_ADMIN`, `CAP_NET_ADMIN`).
 */
export class PrivilegeError extends NetnsLabError {
  constructor(
    message: string,
    readonly problem: PrivilegeProblem = 'sudoRefused',
    readonly missingCapabilities: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The target could not be reached or its shell died. */
export class HostError extends NetnsLabError {}

/** A command ran longer than its timeout and was stopped (its whole process group). */
export class TimeoutError extends NetnsLabError {
  constructor(
    readonly argv: readonly string[],
    readonly timeoutMs: number,
  ) {
    super(`Timed out after ${timeoutMs} ms and was stopped: ${argv.join(' ')}`);
  }
}

/** A command was cancelled through its AbortSignal and was stopped (its whole process group). */
export class CancelledError extends NetnsLabError {
  constructor(readonly argv: readonly string[]) {
    super(`Cancelled: ${argv.join(' ')}`);
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}

/** A topology file with problems; `diagnostics` holds each with its line and column, the message lists them all. */
export class TopologyFileError extends InvalidArgumentError {
  constructor(
    message: string,
    readonly file: string,
    readonly diagnostics: readonly TopologyDiagnostic[],
  ) {
    super(message);
  }
}

const FILE_ERROR_WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'a file of that name is there already',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links on the way',
};

/** Plain words for what a file or folder the user named met (`no such file or folder`); undefined for a fault of another kind. */
export function fileErrorWords(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(FILE_ERROR_WORDS, code) ? FILE_ERROR_WORDS[code] : undefined;
}
