import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CapturedPacket } from '../../../../src/core/capture/capture.js';
import { summarizePacket } from '../../../../src/core/capture/dissect.js';
import { clockTime, isPageMessage, packetDetails, packetRow } from '../../../../src/ext/view-model/capture-rows.js';
import { ethernet, icmpEcho, ipv4 } from '../../core/capture/craft.js';

function captured(data: Uint8Array): CapturedPacket {
  return { number: 3, seconds: 1_700_000_000, nanoseconds: 4_567_000, interface: 'red:veth0', endpoint: 0, linkType: 1, wireLength: data.length, data, summary: summarizePacket(1, data) };
}

const echo = captured(ethernet(0x0800, ipv4(1, [10, 0, 0, 1], [10, 0, 0, 2], icmpEcho(8, 7, 1))));

describe('what the capture panel shows of a packet', () => {
  test('a row has its time, interface, addresses, protocol and summary', () => {
    const row = packetRow(echo);
    assert.equal(row.number, 3);
    assert.equal(row.interface, 'red:veth0');
    assert.equal(row.source, '10.0.0.1');
    assert.equal(row.destination, '10.0.0.2');
    assert.equal(row.protocol, 'ICMP');
    assert.match(row.summary, /^IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request, id 7, seq 1/u);
    assert.match(row.time, /^\d\d:\d\d:\d\d\.004567$/u);
  });

  test('details hold each layer with its fields and a hex line per 16 bytes', () => {
    const details = packetDetails(echo);
    assert.deepEqual(
      details.layers.map((layer) => layer.name),
      ['Ethernet', 'IPv4', 'ICMP'],
    );
    assert.ok(details.layers[1]!.fields.some((field) => field.name.includes('Source') && field.value === '10.0.0.1'));
    assert.equal(details.hex.length, Math.ceil(echo.data.length / 16));
  });

  test('the clock pads hours, minutes, seconds and microseconds', () => {
    const local = new Date(2026, 0, 2, 3, 4, 5);
    assert.equal(clockTime(local.getTime() / 1000, 6_000), '03:04:05.000006');
  });

  test('only messages of known shapes are taken from the page', () => {
    assert.ok(isPageMessage({ type: 'select', number: 4 }));
    assert.ok(isPageMessage({ type: 'pause' }));
    assert.ok(isPageMessage({ type: 'drawn', first: 1, last: 3, at: 1_700_000_000_000 }));
    assert.ok(!isPageMessage({ type: 'drawn', first: 1, at: 5 }));
    assert.ok(!isPageMessage({ type: 'select', number: '4' }));
    assert.ok(!isPageMessage({ type: 'rm -rf' }));
    assert.ok(!isPageMessage(null));
  });
});
