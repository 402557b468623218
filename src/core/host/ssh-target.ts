/**
 * What the user names as an SSH target: an alias or `[user@]host` as in a terminal (resolved by the user's ssh
 * config), or `ssh://[user@]host[:port]`. The result is the ssh command line's destination and options.
 */
import { InvalidArgumentError } from '../errors.js';

export interface SshTarget {
  /** The destination word given to ssh (an alias, a host name, `user@host`, or an address). */
  destination: string;
  /** From `ssh://…:PORT`; otherwise the ssh config decides. */
  port?: number;
  /** From `ssh://USER@…`; otherwise the destination or the ssh config decides. */
  user?: string;
  /** For messages and the tree: the target as the user wrote it (`ssh://lab1:2222` or `lab1`). */
  label: string;
}

const URL_PATTERN = /^ssh:\/\/(?:([^@/\s]+)@)?(\[[^\]\s/]+\]|[^:/\s@[\]]+)(?::(\d+))?\/?$/iu;

/**
 * Parses `ALIAS`, `USER@HOST` or `ssh://[USER@]HOST[:PORT]` (IPv6 addresses in brackets).
 * @throws InvalidArgumentError naming what is wrong: empty, blanks, a leading `-` (ssh would read an option), a bad port.
 */
export function parseSshTarget(text: string): SshTarget {
  const target = text.trim();
  if (target.length === 0) throw invalid(text, 'it is empty');
  if (/^ssh:\/\//iu.test(target)) return parseSshUrl(target);
  if (/\s/u.test(target)) throw invalid(text, 'it contains blanks');
  if (target.startsWith('-')) throw invalid(text, 'it starts with "-", which ssh would read as an option');
  if (target.includes('/')) throw invalid(text, 'write it as an ssh config alias, USER@HOST, or ssh://USER@HOST:PORT');
  return { destination: target, label: target };
}

function parseSshUrl(target: string): SshTarget {
  const match = URL_PATTERN.exec(target);
  if (!match) throw invalid(target, 'expected ssh://HOST, ssh://USER@HOST or ssh://USER@HOST:PORT');
  const [, user, hostPart, portText] = match;
  const host = hostPart!.startsWith('[') ? hostPart!.slice(1, -1) : hostPart!;
  if (host.startsWith('-')) throw invalid(target, 'the host starts with "-", which ssh would read as an option');
  if (user?.startsWith('-')) throw invalid(target, 'the user starts with "-", which ssh would read as an option');
  const result: SshTarget = { destination: host, label: target.replace(/\/$/u, '') };
  if (user !== undefined) result.user = decodeURIComponent(user);
  if (portText !== undefined) {
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(target, `the port ${portText} is not between 1 and 65535`);
    result.port = port;
  }
  return result;
}

function invalid(target: string, reason: string): InvalidArgumentError {
  return new InvalidArgumentError(`Invalid SSH target ${JSON.stringify(target)}: ${reason}`);
}

/** The target id of this machine (under Remote-SSH, the machine the extension runs on). */
export const LOCAL_TARGET = 'local';

/** `local`, `localhost` (or no target at all) is this machine; anything else names an SSH target. */
export function isLocalTarget(target: string | undefined): target is 'local' | 'localhost' | undefined {
  return target === undefined || target === 'local' || target === 'localhost';
}
