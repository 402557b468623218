/**
 * Validation of the addresses and prefixes users type, before anything runs, with messages that show the
 * expected form.
 */
import { isIP } from 'node:net';
import { InvalidArgumentError } from './errors.js';

export interface Cidr {
  family: 'inet' | 'inet6';
  address: string;
  prefixLength: number;
}

/** Parses `ADDRESS/PREFIX` (IPv4 or IPv6); throws InvalidArgumentError saying what is expected. */
export function parseCidr(text: string, what = 'address'): Cidr {
  const slash = text.indexOf('/');
  if (slash < 0) throw new InvalidArgumentError(`Invalid ${what} ${JSON.stringify(text)}: expected ADDRESS/PREFIX, e.g. 10.0.0.1/24 or fd00::1/64`);
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const version = isIP(address);
  if (version === 0) throw new InvalidArgumentError(`Invalid ${what} ${JSON.stringify(text)}: ${JSON.stringify(address)} is not an IPv4 or IPv6 address`);
  const maximum = version === 4 ? 32 : 128;
  const prefixLength = Number(prefixText);
  if (/^0\d/u.test(prefixText)) {
    // ip reads a leading zero as octal (/010 is /8): refuse rather than guess which was meant.
    throw new InvalidArgumentError(`Invalid ${what} ${JSON.stringify(text)}: write the prefix length without leading zeros`);
  }
  if (!/^\d{1,3}$/u.test(prefixText) || prefixLength > maximum) {
    throw new InvalidArgumentError(`Invalid ${what} ${JSON.stringify(text)}: the prefix length must be a whole number from 0 to ${maximum}`);
  }
  return { family: version === 4 ? 'inet' : 'inet6', address, prefixLength };
}

/** Checks a plain IP address (a gateway, say); returns its family. */
export function checkIpAddress(text: string, what = 'address'): 'inet' | 'inet6' {
  const version = isIP(text);
  if (version === 0) throw new InvalidArgumentError(`Invalid ${what} ${JSON.stringify(text)}: expected an IPv4 or IPv6 address, e.g. 10.0.0.1 or fd00::1`);
  return version === 4 ? 'inet' : 'inet6';
}

/** Checks a route destination: `default`, a prefix, or a single address (a host route). */
export function checkRouteDestination(text: string): 'inet' | 'inet6' | undefined {
  if (text === 'default') return undefined;
  if (text.includes('/')) return parseCidr(text, 'route destination').family;
  return checkIpAddress(text, 'route destination');
}

/** Checks an MTU against the range Linux links accept. */
export function checkMtu(value: number): number {
  if (!Number.isInteger(value) || value < 68 || value > 65535) {
    throw new InvalidArgumentError(`Invalid MTU ${value}: expected a whole number from 68 to 65535`);
  }
  return value;
}

/** The kernel's spelling of an address: IPv6 compressed and in lower case, IPv4 as written. */
export function canonicalAddress(address: string): string {
  return address.includes(':') ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
}

/** The kernel's spelling of an address with prefix, so `fd00:0::1/64` and `fd00::1/64` compare equal. */
export function canonicalCidr(cidr: string): string {
  const [address = '', prefix = ''] = cidr.split('/');
  return `${canonicalAddress(address)}/${prefix}`;
}
