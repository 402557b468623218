/**
 * Turns what the OpenSSH client printed when it could not connect into a HostError that says what happened and
 * what to do. The client's own first line is kept in the message, as it names the exact cause.
 */
import { HostError } from '../errors.js';
import { shellCommand } from '../quote.js';

/**
 * Where the ssh configuration keeps the target's host key, as `ssh -G` resolves it: host-key advice must name the
 * file the configuration really uses (a UserKnownHostsFile of its own, say), or following it changes nothing.
 */
export interface KnownHostsFacts {
  /** The name known_hosts records the key under: HostKeyAlias, else HostName; `[NAME]:PORT` off port 22. */
  hostKeyName: string;
  /** The UserKnownHostsFile entries in order; ssh records new keys in the first. */
  files: string[];
}

/** A failed ssh connection; `reason` says why in a few words (for the tree), the message says what to do. */
export class SshConnectionError extends HostError {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

interface Rule {
  pattern: RegExp;
  /** Why, in a few words: "connection refused". */
  reason: string;
  /** True for the host-key rules, whose advice names the known_hosts file (from `ssh -G`). */
  aboutHostKey?: boolean;
  explain(label: string, knownHosts?: KnownHostsFacts): string;
}

const RULES: Rule[] = [
  {
    pattern: /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/iu,
    reason: 'its host key has changed',
    aboutHostKey: true,
    explain: (label, knownHosts) =>
      `The host key of ${label} has changed since it was recorded in ${knownHostsFileName(knownHosts)}, so the connection was refused ` +
      "(the host may have been reinstalled, or someone is intercepting the connection). Check with the host's " +
      `administrator, then remove the old key (${removeKeyCommand(knownHosts)}) and connect once in a terminal to accept the new one.`,
  },
  {
    pattern: /Host key verification failed|No \S+ host key is known|host key is not known/iu,
    reason: 'its host key is not known',
    aboutHostKey: true,
    explain: (label, knownHosts) =>
      `The host key of ${label} is not known (not in ${knownHostsFileName(knownHosts)}), so the connection was refused. Connect once in a ` +
      `terminal with \`ssh ${label}\` to verify and accept the key, or add it to ${knownHostsFileName(knownHosts)}.`,
  },
  {
    pattern: /Permission denied|Too many authentication failures|no mutual signature|Authentication failed/iu,
    reason: 'authentication failed',
    explain: (label) =>
      `Authentication to ${label} failed: check the user name and that a key for it is loaded in the ssh agent or ` +
      'named by IdentityFile in ~/.ssh/config (Netns Lab cannot type passwords for ssh; use key authentication).',
  },
  {
    pattern: /Connection refused/iu,
    reason: 'connection refused',
    explain: (label) => `${label} refused the connection: no SSH server listens on that address and port.`,
  },
  {
    pattern: /timed out|Connection timeout/iu,
    reason: 'timed out',
    explain: (label) => `Connecting to ${label} timed out: the host is down, or a firewall drops the connection.`,
  },
  {
    pattern: /Could not resolve hostname|Name or service not known|Temporary failure in name resolution/iu,
    reason: 'host name not found',
    explain: (label) => `The host name of ${label} could not be resolved: check the name or the HostName in ~/.ssh/config.`,
  },
  {
    pattern: /No route to host|Network is unreachable|Host is unreachable/iu,
    reason: 'no route to it',
    explain: (label) => `${label} is unreachable from this machine (no route to it).`,
  },
  {
    pattern: /Connection closed by|Connection reset|kex_exchange_identification|Broken pipe/iu,
    reason: 'connection closed',
    explain: (label) => `The connection to ${label} was closed by the other side or the network.`,
  },
];

/**
 * A HostError for a failed ssh connection, from the client's standard error. `knownHosts` (from `ssh -G`, see
 * knownHostsFacts) makes host-key advice name the real file and host key name instead of generic ones.
 */
export function sshConnectionError(label: string, stderr: string, knownHosts?: KnownHostsFacts): SshConnectionError {
  const detail = meaningfulLines(stderr);
  const rule = RULES.find((candidate) => candidate.pattern.test(stderr));
  const explanation = rule ? rule.explain(label, knownHosts) : `Could not connect to ${label} over SSH.`;
  return new SshConnectionError(detail ? `${explanation} (ssh said: ${detail})` : explanation, rule?.reason ?? 'SSH connection failed');
}

/** True when the failure is about the host key, so that the advice is worth an `ssh -G` to name the file. */
export function isHostKeyFailure(stderr: string): boolean {
  return RULES.find((candidate) => candidate.pattern.test(stderr))?.aboutHostKey === true;
}

/** Reads what `ssh -G` printed (one lower-case `keyword value…` per line); undefined when it names no known_hosts file. */
export function knownHostsFacts(sshG: string): KnownHostsFacts | undefined {
  const values = new Map<string, string>();
  for (const line of sshG.split('\n')) {
    const match = /^(\S+)\s+(.*)$/u.exec(line.trim());
    if (match && !values.has(match[1]!)) values.set(match[1]!, match[2]!);
  }
  // ssh -G quotes a path with blanks in double quotes.
  const files = [...(values.get('userknownhostsfile') ?? '').matchAll(/"([^"]*)"|(\S+)/gu)].map((found) => found[1] ?? found[2]!);
  const alias = values.get('hostkeyalias');
  const name = values.get('hostname');
  if (files.length === 0 || (alias === undefined && name === undefined)) return undefined;
  // ssh records a HostKeyAlias as it is; a host name with its port when the port is not 22.
  const port = values.get('port') ?? '22';
  const hostKeyName = alias ?? (port === '22' ? name! : `[${name!}]:${port}`);
  return { hostKeyName, files };
}

function knownHostsFileName(knownHosts: KnownHostsFacts | undefined): string {
  return knownHosts ? knownHosts.files[0]! : 'known_hosts';
}

function removeKeyCommand(knownHosts: KnownHostsFacts | undefined): string {
  if (!knownHosts) return 'ssh-keygen -R HOST';
  return shellCommand(['ssh-keygen', '-R', knownHosts.hostKeyName, '-f', knownHosts.files[0]!]);
}

/** True when the text looks like one of the client's connection failures (not a remote command's output). */
export function looksLikeSshFailure(stderr: string): boolean {
  return RULES.some((rule) => rule.pattern.test(stderr));
}

/** ssh's warnings and errors without the decoration lines of its big host-key banner. */
function meaningfulLines(stderr: string): string {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^@+/u.test(line) && !line.startsWith('IT IS POSSIBLE') && !line.startsWith('Someone could'))
    .slice(0, 3)
    .join(' / ');
}
