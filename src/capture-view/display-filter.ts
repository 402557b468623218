/**
 * The capture panel's display filter, on the decoded columns of each row (not BPF: it filters what was already
 * captured). Words are separated by spaces and all must hold:
 *
 * - `proto NAME`: the protocol column is NAME (`arp`, `icmp`, `icmpv6`, `tcp`, `udp`, `vxlan`, `ipv4`, `ipv6`), any case;
 * - `host ADDRESS`: the source or the destination is ADDRESS (IP or MAC), exactly;
 * - `port N`: a TCP or UDP port of the packet is N;
 * - `not WORD` (or `!WORD`): the next word or pair does not hold;
 * - any other word: found in the interface, source, destination, protocol or summary, any case.
 *
 * Pure and DOM-free, so it is tested under plain Node.
 */

/** The columns a filter looks at. */
export interface FilterableRow {
  interface: string;
  source: string;
  destination: string;
  protocol: string;
  summary: string;
}

export type RowTest = (row: FilterableRow) => boolean;

/** A compiled filter, or the reason the text is not one. */
export type CompiledFilter = { ok: true; test: RowTest } | { ok: false; problem: string };

const KEYWORDS = new Set(['proto', 'host', 'port']);

/** Compiles the filter's text; an empty text keeps every row. */
export function compileDisplayFilter(text: string): CompiledFilter {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  const tests: RowTest[] = [];
  for (let index = 0; index < words.length; index++) {
    let word = words[index]!;
    let negated = false;
    if (word === 'not' || word === '!') {
      negated = true;
      word = words[++index] ?? '';
      if (word === '') return { ok: false, problem: '"not" needs a word after it, like: not arp' };
    } else if (word.startsWith('!')) {
      negated = true;
      word = word.slice(1);
    }
    let test: RowTest;
    if (KEYWORDS.has(word.toLowerCase())) {
      const value = words[++index];
      if (value === undefined) return { ok: false, problem: `"${word}" needs a value after it, like: ${example(word.toLowerCase())}` };
      const made = keywordTest(word.toLowerCase(), value);
      if (typeof made === 'string') return { ok: false, problem: made };
      test = made;
    } else {
      test = substringTest(word);
    }
    tests.push(negated ? (row) => !test(row) : test);
  }
  return { ok: true, test: (row) => tests.every((test) => test(row)) };
}

function keywordTest(keyword: string, value: string): RowTest | string {
  if (keyword === 'proto') {
    const wanted = value.toLowerCase();
    return (row) => row.protocol.toLowerCase() === wanted;
  }
  if (keyword === 'host') {
    const wanted = value.toLowerCase();
    return (row) => row.source.toLowerCase() === wanted || row.destination.toLowerCase() === wanted;
  }
  if (!/^\d{1,5}$/u.test(value) || Number(value) > 65_535) return `a port is a number from 0 to 65535, not "${value}"`;
  // Ports show in the summary after the address, as tcpdump writes them: `10.0.0.1.80 > 10.0.0.2.5353:`.
  const port = new RegExp(`\\.${Number(value)}(?: >|:)`, 'u');
  return (row) => (row.protocol === 'TCP' || row.protocol === 'UDP') && port.test(row.summary);
}

function substringTest(word: string): RowTest {
  const wanted = word.toLowerCase();
  return (row) => [row.interface, row.source, row.destination, row.protocol, row.summary].some((column) => column.toLowerCase().includes(wanted));
}

function example(keyword: string): string {
  return keyword === 'proto' ? 'proto icmp' : keyword === 'host' ? 'host 10.0.0.1' : 'port 53';
}
