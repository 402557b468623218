/** A packet's bytes as a hex dump: offset, sixteen bytes in hex, and the printable ones as text. */
import { hexByte } from './address-text.js';

const BYTES_PER_LINE = 16;

/** `0000  45 00 00 54 …  E..T…`, one line per 16 bytes. */
export function hexDump(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; start += BYTES_PER_LINE) {
    const row = bytes.subarray(start, start + BYTES_PER_LINE);
    const hex = Array.from(row, hexByte);
    const left = hex.slice(0, 8).join(' ');
    const right = hex.slice(8).join(' ');
    const text = Array.from(row, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
    lines.push(`${start.toString(16).padStart(4, '0')}  ${`${left}  ${right}`.padEnd(BYTES_PER_LINE * 3, ' ')}  ${text}`);
  }
  return lines;
}
