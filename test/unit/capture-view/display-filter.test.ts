import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileDisplayFilter, type FilterableRow } from '../../../src/capture-view/display-filter.js';

const arp: FilterableRow = { interface: 'red:veth0', source: '10.0.0.1', destination: '10.0.0.2', protocol: 'ARP', summary: 'ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28' };
const ping: FilterableRow = { interface: 'blue:veth1', source: '10.0.0.1', destination: '10.0.0.2', protocol: 'ICMP', summary: 'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 64' };
const dns: FilterableRow = { interface: 'red:veth0', source: '10.0.0.2', destination: '10.0.0.3', protocol: 'UDP', summary: 'IP 10.0.0.2.40000 > 10.0.0.3.53: UDP, length 30' };
const rows = [arp, ping, dns];

function kept(text: string): FilterableRow[] {
  const filter = compileDisplayFilter(text);
  assert.ok(filter.ok, `${text} should compile`);
  return rows.filter(filter.test);
}

function problem(text: string): string {
  const filter = compileDisplayFilter(text);
  assert.ok(!filter.ok, `${text} should be refused`);
  return filter.problem;
}

describe('the capture display filter', () => {
  test('an empty filter keeps every row', () => {
    assert.deepEqual(kept('  '), rows);
  });

  test('a plain word is a substring of any column, in any case', () => {
    assert.deepEqual(kept('ECHO'), [ping]);
    assert.deepEqual(kept('blue:'), [ping]);
  });

  test('proto compares the protocol column whole', () => {
    assert.deepEqual(kept('proto arp'), [arp]);
    assert.deepEqual(kept('proto ICMP'), [ping]);
    assert.deepEqual(kept('proto ic'), []);
  });

  test('host matches the source or the destination exactly', () => {
    assert.deepEqual(kept('host 10.0.0.3'), [dns]);
    assert.deepEqual(kept('host 10.0.0.1'), [arp, ping]);
    assert.deepEqual(kept('host 10.0.0'), []);
  });

  test('port matches a TCP or UDP port on either side, and not an address ending in the same digits', () => {
    assert.deepEqual(kept('port 53'), [dns]);
    assert.deepEqual(kept('port 40000'), [dns]);
    assert.deepEqual(kept('port 1'), []);
  });

  test('words must all hold, and not negates the next one', () => {
    assert.deepEqual(kept('host 10.0.0.1 not arp'), [ping]);
    assert.deepEqual(kept('!proto icmp'), [arp, dns]);
    assert.deepEqual(kept('red: !arp'), [dns]);
  });

  test('a keyword without its value, or a bad port, is refused with an example', () => {
    assert.match(problem('proto'), /"proto" needs a value after it, like: proto icmp/u);
    assert.match(problem('icmp host'), /like: host 10\.0\.0\.1/u);
    assert.match(problem('port 70000'), /a port is a number from 0 to 65535, not "70000"/u);
    assert.match(problem('port $(reboot)'), /not "\$\(reboot\)"/u);
    assert.match(problem('not'), /"not" needs a word/u);
  });
});
