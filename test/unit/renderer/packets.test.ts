import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PACKETS_MIME as CORE_PACKETS_MIME, type CellPacketsPayload } from '../../../src/core/notebook/cell-capture.js';
import { describePackets, PACKETS_MIME } from '../../../src/renderer/packets.js';

const arp = { number: 1, time: 0, interface: 'red:veth0', source: '10.0.0.1', destination: '10.0.0.2', protocol: 'ARP', length: 42, summary: 'ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28' };
const echo = { ...arp, number: 2, time: 0.0005, protocol: 'ICMP', summary: 'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 64' };

describe("the renderer's packet table", () => {
  test('has a row per packet with time, interface, addresses, protocol and summary', () => {
    const table = describePackets({ interfaces: ['red:veth0', 'blue:veth1'], packets: [arp, echo], total: 2 });
    assert.deepEqual(table.columns, ['Time', 'Interface', 'Source', 'Destination', 'Protocol', 'Summary']);
    assert.deepEqual(
      table.rows[1]!.map((cell) => cell.text),
      ['0.000500', 'red:veth0', '10.0.0.1', '10.0.0.2', 'ICMP', echo.summary],
    );
    assert.equal(table.caption, '2 packets on red:veth0, blue:veth1');
  });

  test('says when only the first packets were kept', () => {
    const payload: CellPacketsPayload = { interfaces: ['red:veth0'], packets: [arp], total: 900 };
    assert.equal(describePackets(payload).caption, '900 packets on red:veth0 (the first 1 shown)');
  });

  test("its mime type is the core's, and package.json gives it to the renderer", () => {
    assert.equal(PACKETS_MIME, CORE_PACKETS_MIME);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { notebookRenderer: Array<{ mimeTypes: string[] }> } };
    assert.ok(manifest.contributes.notebookRenderer.some((renderer) => renderer.mimeTypes.includes(PACKETS_MIME)));
  });
});
