import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { packetSummaryLines, type CellPacketsPayload } from '../../../../src/core/notebook/cell-capture.js';

const arp = { number: 1, time: 0, interface: 'red:veth0', source: '10.0.0.1', destination: '10.0.0.2', protocol: 'ARP', length: 42, summary: 'ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28' };
const echo = { ...arp, number: 2, time: 0.000512, protocol: 'ICMP', length: 98, summary: 'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 64' };

describe("a cell's packets on the command line", () => {
  test('one line per packet: seconds since the first, interface, summary', () => {
    const payload: CellPacketsPayload = { interfaces: ['red:veth0'], packets: [arp, echo], total: 2 };
    assert.equal(packetSummaryLines(payload), `    0.000000 red:veth0  ${arp.summary}\n    0.000512 red:veth0  ${echo.summary}\n`);
  });

  test('says how many packets were not kept', () => {
    const payload: CellPacketsPayload = { interfaces: ['red:veth0'], packets: [arp], total: 501 };
    assert.match(packetSummaryLines(payload), /\n {2}… 500 more packets not kept\n$/u);
  });
});
