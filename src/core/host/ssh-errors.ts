/**
 * Turns what the OpenSSH client printed when it could not connect into a HostError that says what happened and
 * what to do. The client's own first line is kept in the message, as it names the exact cause.
 */
import { HostError } from '../errors.js';

interface Rule {
  pattern: RegExp;
  explain(label: string): string;
}

const RULES: Rule[] = [
  {
    pattern: /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/iu,
    explain: (label) =>
      `The host key of ${label} has changed since it was recorded in known_hosts, so the connection was refused ` +
      '(the host may have been reinstalled, or someone is intercepting the connection). Check with the host\'s ' +
      'administrator, then remove the old key (ssh-keygen -R HOST) and connect once in a terminal to accept the new one.',
  },
  {
    pattern: /Host key verification failed|No \S+ host key is known|host key is not known/iu,
    explain: (label) =>
      `The host key of ${label} is not known (not in known_hosts), so the connection was refused. Connect once in a ` +
      `terminal with \`ssh ${label}\` to verify and accept the key, or add it to known_hosts.`,
  },
  {
    pattern: /Permission denied|Too many authentication failures|no mutual signature|Authentication failed/iu,
    explain: (label) =>
      `Authentication to ${label} failed: check the user name and that a key for it is loaded in the ssh agent or ` +
      'named by IdentityFile in ~/.ssh/config (Netns Lab cannot type passwords for ssh; use key authentication).',
  },
  {
    pattern: /Connection refused/iu,
    explain: (label) => `${label} refused the connection: no SSH server listens on that address and port.`,
  },
  {
    pattern: /timed out|Connection timeout/iu,
    explain: (label) => `Connecting to ${label} timed out: the host is down, or a firewall drops the connection.`,
  },
  {
    pattern: /Could not resolve hostname|Name or service not known|Temporary failure in name resolution/iu,
    explain: (label) => `The host name of ${label} could not be resolved: check the name or the HostName in ~/.ssh/config.`,
  },
  {
    pattern: /No route to host|Network is unreachable|Host is unreachable/iu,
    explain: (label) => `${label} is unreachable from this machine (no route to it).`,
  },
  {
    pattern: /Connection closed by|Connection reset|kex_exchange_identification|Broken pipe/iu,
    explain: (label) => `The connection to ${label} was closed by the other side or the network.`,
  },
];

/** A HostError for a failed ssh connection, from the client's standard error. */
export function sshConnectionError(label: string, stderr: string): HostError {
  const detail = meaningfulLines(stderr);
  const rule = RULES.find((candidate) => candidate.pattern.test(stderr));
  const explanation = rule ? rule.explain(label) : `Could not connect to ${label} over SSH.`;
  return new HostError(detail ? `${explanation} (ssh said: ${detail})` : explanation);
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

