/**
 * Validation of the names `ip` takes, before anything runs. Each refusal names the rule that was broken.
 * Namespace names are file names under /run/netns, so spaces, quotes, `;`, `$()` and unicode are all valid and
 * are always passed literally as single argv entries.
 */
import { InvalidNameError } from './errors.js';

/** NAME_MAX: a namespace name is a file name under /run/netns. */
export const NAMESPACE_NAME_MAX_BYTES = 255;
/** IFNAMSIZ - 1: the kernel's limit for interface names. */
export const INTERFACE_NAME_MAX_BYTES = 15;

/** Returns the rule a namespace name breaks, or undefined when `ip netns add` accepts it. */
export function namespaceNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a namespace name must not be empty';
  if (name.includes('/')) return 'a namespace name must not contain "/"';
  if (name === '.' || name === '..') return 'a namespace name must not be "." or ".."';
  if (name.includes('\0')) return 'a namespace name must not contain a NUL character';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > NAMESPACE_NAME_MAX_BYTES) {
    return `a namespace name must be at most ${NAMESPACE_NAME_MAX_BYTES} bytes (this one is ${bytes})`;
  }
  return undefined;
}

/** Returns the rule an interface name breaks, or undefined when the kernel accepts it. */
export function interfaceNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'an interface name must not be empty';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > INTERFACE_NAME_MAX_BYTES) {
    return `an interface name must be at most ${INTERFACE_NAME_MAX_BYTES} bytes (this one is ${bytes})`;
  }
  if (name.includes('/')) return 'an interface name must not contain "/"';
  if (/[\t\n\v\f\r ]/u.test(name)) return 'an interface name must not contain spaces or other whitespace';
  if (hasKernelWhitespace(name)) return 'an interface name must not contain "à" or another character whose UTF-8 holds byte 0xA0, which the kernel reads as a space';
  if (name === '.' || name === '..') return 'an interface name must not be "." or ".."';
  if (name.includes(':')) return 'an interface name must not contain ":" (ip reads it as an alias label)';
  if (name.includes('\0')) return 'an interface name must not contain a NUL character';
  return undefined;
}

/**
 * The kernel checks interface names byte by byte with its own isspace(), which also counts byte 0xA0 (a Latin-1
 * no-break space) as whitespace: so any name whose UTF-8 holds that byte ("à" is C3 A0) is refused too.
 */
function hasKernelWhitespace(name: string): boolean {
  return [...Buffer.from(name, 'utf8')].some((byte) => (byte >= 0x09 && byte <= 0x0d) || byte === 0x20 || byte === 0xa0);
}

/** Throws InvalidNameError unless the namespace name is valid; returns it for chaining. */
export function checkNamespaceName(name: string): string {
  const problem = namespaceNameProblem(name);
  if (problem) throw new InvalidNameError('namespace name', name, problem);
  return name;
}

/** Throws InvalidNameError unless the interface name is valid; returns it for chaining. */
export function checkInterfaceName(name: string): string {
  const problem = interfaceNameProblem(name);
  if (problem) throw new InvalidNameError('interface name', name, problem);
  return name;
}
