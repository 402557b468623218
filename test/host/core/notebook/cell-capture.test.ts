// A notebook cell with the capture option, run through the core's runCell with real tcpdump on a real veth pair,
// on this machine and over SSH: the packets of the cell's ping come back with the cell's result, in time order
// from both ends, and nothing of the capture is left running.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Host } from '../../../../src/core/host/host.js';
import { runCell } from '../../../../src/core/notebook/execute.js';
import type { NotebookCell } from '../../../../src/core/notebook/model.js';
import { parseCellOptions } from '../../../../src/core/notebook/options.js';
import { makeCaptureLab, tcpdumpsIn, type CaptureLab } from '../../support/capture-lab.js';
import { hostsUnderTest } from '../../support/hosts.js';
import { testSetup } from '../../support/setup.js';

function cell(source: string, info: string): NotebookCell {
  return { kind: 'code', language: 'sh', source, options: parseCellOptions(info) };
}

for (const target of hostsUnderTest()) {
  describe(`a cell that captures, on ${target.label}`, { skip: target.skip }, () => {
    const { lab } = testSetup({ teardown: () => target.close() });
    let host: Host;
    let net: CaptureLab;
    before(async () => {
      host = await target.open();
      net = makeCaptureLab(lab);
    });

    test("gives the ARP and ICMP of its ping, from both ends of the veth in time order, after the cell's output", async () => {
      const ping = cell('ping -c 1 -W 2 10.0.0.2', `sh {netns=${net.a} capture="${net.a}:va ${net.b}:vb"}`);
      const run = await runCell(host, ping, {});
      assert.equal(run.exitCode, 0, run.failure);
      const packets = run.packets!;
      assert.deepEqual(packets.interfaces, [`${net.a}:va`, `${net.b}:vb`]);
      const lines = packets.packets.map((packet) => `${packet.interface} ${packet.summary}`);
      const expected = [
        [`${net.a}:va`, /^ARP, Request who-has 10\.0\.0\.2 tell 10\.0\.0\.1/u],
        [`${net.b}:vb`, /^ARP, Request who-has 10\.0\.0\.2 tell 10\.0\.0\.1/u],
        [`${net.b}:vb`, /^ARP, Reply 10\.0\.0\.2 is-at /u],
        [`${net.a}:va`, /^ARP, Reply 10\.0\.0\.2 is-at /u],
        [`${net.a}:va`, /^IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/u],
        [`${net.b}:vb`, /^IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/u],
        [`${net.b}:vb`, /^IP 10\.0\.0\.2 > 10\.0\.0\.1: ICMP echo reply/u],
        [`${net.a}:va`, /^IP 10\.0\.0\.2 > 10\.0\.0\.1: ICMP echo reply/u],
      ] as const;
      const found = expected.map(([where, pattern]) => packets.packets.findIndex((packet) => packet.interface === where && pattern.test(packet.summary)));
      assert.ok(
        found.every((index) => index >= 0),
        `missing among:\n${lines.join('\n')}`,
      );
      assert.ok(found[0]! < found[3]! && found[3]! < found[4]! && found[4]! < found[7]!, `out of order:\n${lines.join('\n')}`);
      const times = packets.packets.map((packet) => packet.time);
      assert.deepEqual(
        times,
        [...times].sort((x, y) => x - y),
      );
      assert.equal(times[0], 0);
      assert.deepEqual([...tcpdumpsIn(net.a), ...tcpdumpsIn(net.b)], []);
    });

    test('fails the cell in one line, running nothing, when an interface is not there', async () => {
      const run = await runCell(host, cell('true', `sh {netns=${net.a} capture="${net.a}:nosuch0"}`), {});
      assert.notEqual(run.exitCode, 0);
      assert.match(run.failure ?? '', /^its capture could not start: .*nosuch0/u);
      assert.doesNotMatch(run.failure ?? '', /\n/u);
      assert.equal(run.packets, undefined);
      assert.deepEqual(tcpdumpsIn(net.a), []);
    });

    test('fails the cell when a namespace to capture in does not exist', async () => {
      const missing = lab.namespaceName('-none');
      const run = await runCell(host, cell('true', `sh {netns=${net.a} capture="${missing}:eth0"}`), {});
      assert.notEqual(run.exitCode, 0);
      assert.match(run.failure ?? '', new RegExp(`its capture could not start: .*${missing}`, 'u'));
    });
  });
}
