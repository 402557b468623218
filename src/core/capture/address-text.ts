/** Addresses as people write them: MAC `aa:bb:cc:dd:ee:ff`, IPv4 dotted quads, IPv6 compressed as RFC 5952 says. */

const HEX_BYTE = Array.from({ length: 256 }, (_, value) => value.toString(16).padStart(2, '0'));

/** The two hex digits of a byte. */
export function hexByte(value: number): string {
  return HEX_BYTE[value]!;
}

export function macText(bytes: Uint8Array, offset: number): string {
  const b = bytes;
  const o = offset;
  return `${HEX_BYTE[b[o]!]}:${HEX_BYTE[b[o + 1]!]}:${HEX_BYTE[b[o + 2]!]}:${HEX_BYTE[b[o + 3]!]}:${HEX_BYTE[b[o + 4]!]}:${HEX_BYTE[b[o + 5]!]}`;
}

export function ipv4Text(bytes: Uint8Array, offset: number): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}

/** An IPv6 address: the longest run of two or more zero groups (the first, on a tie) becomes `::`. */
export function ipv6Text(bytes: Uint8Array, offset: number): string {
  const groups: number[] = [];
  for (let index = 0; index < 8; index++) groups.push((bytes[offset + 2 * index]! << 8) | bytes[offset + 2 * index + 1]!);
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    return `::ffff:${ipv4Text(bytes, offset + 12)}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let stop = start;
    while (stop < 8 && groups[stop] === 0) stop++;
    if (stop - start > bestLength) [bestStart, bestLength] = [start, stop - start];
    start = stop;
  }
  const text = (part: number[]): string => part.map((group) => group.toString(16)).join(':');
  if (bestStart < 0) return text(groups);
  return `${text(groups.slice(0, bestStart))}::${text(groups.slice(bestStart + bestLength))}`;
}
