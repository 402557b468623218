/**
 * Addresses as numbers, so that two spellings of one address (`fd00::1` and `fd00:0::1`) are the same address and a
 * gateway can be checked against the subnets of a namespace. Inputs have already passed `isIP`.
 */
import { isIP } from 'node:net';

export interface NumericAddress {
  family: 'inet' | 'inet6';
  value: bigint;
}

/** The number of an IPv4 or IPv6 address, or undefined when it is not one. */
export function numericAddress(text: string): NumericAddress | undefined {
  const address = text.replace(/%.*$/, ''); // a zone (fe80::1%eth0) does not change the address
  const version = isIP(address);
  if (version === 4) return { family: 'inet', value: ipv4Value(address) };
  if (version === 6) return { family: 'inet6', value: ipv6Value(address) };
  return undefined;
}

/** A key that is equal for equal addresses, whatever their spelling. */
export function addressKey(text: string): string {
  const numeric = numericAddress(text);
  return numeric ? `${numeric.family}/${numeric.value.toString(16)}` : text;
}

/** Whether `address` lies in the network `network/prefixLength` (both of one family). */
export function inNetwork(address: NumericAddress, network: NumericAddress, prefixLength: number): boolean {
  if (address.family !== network.family) return false;
  const bits = BigInt(address.family === 'inet' ? 32 : 128);
  const hostBits = bits - BigInt(prefixLength);
  return address.value >> hostBits === network.value >> hostBits;
}

/** IPv6 link-local (fe80::/10): a gateway there is only meaningful with the device it is reached on. */
export function isLinkLocal(address: NumericAddress): boolean {
  return address.family === 'inet6' && address.value >> 118n === 0x3fan;
}

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(address: string): bigint {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    // An embedded IPv4 address (::ffff:10.0.0.1) is the last two groups.
    const v4 = ipv4Value(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
}
