// Capture through the core with real tcpdump on real veths: a ping across a veth pair and across a bridge, seen
// from both ends at once and merged in time order; stopping leaves no tcpdump; clear errors for what is missing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startCapture, type CapturedPacket, type CaptureOptions } from '../../../../src/core/capture/capture.js';
import type { CaptureEndpoint } from '../../../../src/core/capture/endpoints.js';
import { timeKey } from '../../../../src/core/capture/time-order.js';
import { CaptureError, TcpdumpMissingError } from '../../../../src/core/capture/tcpdump.js';
import { NotFoundError } from '../../../../src/core/errors.js';
import { makeCaptureLab, ping, tcpdumpsIn, type CaptureLab } from '../../support/capture-lab.js';
import { killIfRunning } from '../../support/processes.js';
import { testSetup } from '../../support/setup.js';
import { eventually } from '../../../support/eventually.js';

const { lab, host } = testSetup({ host: true });
let net: CaptureLab;
const folder = mkdtempSync(join(tmpdir(), 'netns-lab-capture-'));

before(() => (net = makeCaptureLab(lab)));
after(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Captures on `endpoints` while `traffic` runs, until `enough` of it has come (a stop drops what tcpdump has not
 * read yet), then stops; returns the packets in the order they were delivered.
 */
async function captureDuring(endpoints: CaptureEndpoint[], traffic: () => Promise<void>, enough: (packets: CapturedPacket[]) => boolean, options: CaptureOptions = {}): Promise<CapturedPacket[]> {
  const packets: CapturedPacket[] = [];
  const capture = await startCapture(host, endpoints, { filter: 'icmp or arp', ...options, onPacket: (packet) => packets.push(packet) });
  try {
    await capture.ready;
    await traffic();
    await eventually(() => (enough(packets) ? true : undefined), { what: 'the packets of the ping', lastSeen: () => JSON.stringify(packets.map((packet) => packet.summary.text)) });
  } finally {
    await capture.stop();
  }
  await capture.done;
  return packets;
}

/** How many interfaces have shown the first echo reply. */
function repliesOn(packets: CapturedPacket[]): number {
  return new Set(packets.filter((packet) => / ICMP echo reply, id \d+, seq 1,/u.test(packet.summary.text)).map((packet) => packet.interface)).size;
}

function linesOn(packets: CapturedPacket[], where: string): string[] {
  return packets.filter((packet) => packet.interface === where).map((packet) => packet.summary.text);
}

function assertTimeOrder(packets: CapturedPacket[]): void {
  const keys = packets.map(timeKey);
  assert.deepEqual(
    keys,
    [...keys].sort((x, y) => x - y),
    'packets are not in time order',
  );
  assert.deepEqual(
    packets.map((packet) => packet.number),
    packets.map((_, index) => index + 1),
  );
}

/** The ARP exchange and the first echo of a ping from `from` to `to`, as every interface on the way sees them. */
function expectedPing(from: string, to: string, toMac: string): string[] {
  return [`ARP, Request who-has ${to} tell ${from}, length 28`, `ARP, Reply ${to} is-at ${toMac}, length 28`, `IP ${from} > ${to}: ICMP echo request`, `IP ${to} > ${from}: ICMP echo reply`];
}

function assertSawPing(lines: string[], expected: string[], where: string): void {
  for (const line of expected)
    assert.ok(
      lines.some((seen) => seen.startsWith(line)),
      `${where} did not show "${line}": ${JSON.stringify(lines)}`,
    );
  const request = lines.findIndex((seen) => seen.startsWith(expected[0]!));
  const echo = lines.findIndex((seen) => seen.startsWith(expected[2]!));
  assert.ok(request < echo, `${where}: the ARP request should come before the echo`);
}

describe('capture on real interfaces', () => {
  test('a ping across a veth pair shows ARP and ICMP on both ends, merged in time order', async () => {
    const endpoints = [
      { namespace: net.a, interfaceName: 'va' },
      { namespace: net.b, interfaceName: 'vb' },
    ];
    const packets = await captureDuring(
      endpoints,
      () => ping(net.a, '10.0.0.2'),
      (seen) => repliesOn(seen) === 2,
    );
    const expected = expectedPing('10.0.0.1', '10.0.0.2', net.mac(net.b, 'vb'));
    assertSawPing(linesOn(packets, `${net.a}:va`), expected, 'va');
    assertSawPing(linesOn(packets, `${net.b}:vb`), expected, 'vb');
    assertTimeOrder(packets);
    // The same request is sent on va before it is received on vb.
    const first = packets.find((packet) => packet.summary.text.startsWith('ARP, Request'))!;
    assert.equal(first.interface, `${net.a}:va`);
  });

  test('a ping across a bridge shows the same exchange on both hosts and on the bridge', async () => {
    const endpoints = [
      { namespace: net.c, interfaceName: 'eth0' },
      { namespace: net.switchNamespace, interfaceName: 'br0' },
      { namespace: net.d, interfaceName: 'eth0' },
    ];
    const packets = await captureDuring(
      endpoints,
      () => ping(net.c, '10.0.1.4'),
      (seen) => repliesOn(seen) === 3,
    );
    const expected = expectedPing('10.0.1.3', '10.0.1.4', net.mac(net.d, 'eth0'));
    for (const where of [`${net.c}:eth0`, `${net.switchNamespace}:br0`, `${net.d}:eth0`]) assertSawPing(linesOn(packets, where), expected, where);
    assertTimeOrder(packets);
  });

  test('the capture goes to a pcap file that tcpdump reads back, packet for packet', async () => {
    const file = join(folder, 'ping.pcap');
    const endpoints = [
      { namespace: net.a, interfaceName: 'va' },
      { namespace: net.b, interfaceName: 'vb' },
    ];
    const packets = await captureDuring(
      endpoints,
      () => ping(net.a, '10.0.0.2', 1),
      (seen) => seen.length === 4,
      { pcapFile: file, filter: 'icmp' },
    );
    const read = execFileSync('tcpdump', ['-r', file, '-nn', '-t'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.equal(packets.length, 4);
    assert.deepEqual(
      read.trimEnd().split('\n'),
      packets.map((packet) => packet.summary.text),
    );
  });

  test('a packet count ends the capture by itself, over all interfaces together', async () => {
    const packets: CapturedPacket[] = [];
    const endpoints = [
      { namespace: net.a, interfaceName: 'va' },
      { namespace: net.b, interfaceName: 'vb' },
    ];
    const capture = await startCapture(host, endpoints, { filter: 'icmp', count: 3, onPacket: (packet) => packets.push(packet) });
    await capture.ready;
    await ping(net.a, '10.0.0.2', 3);
    assert.deepEqual(await capture.done, { packets: 3, reason: 'count' });
    assert.equal(packets.length, 3);
    assert.deepEqual(await eventually(() => (tcpdumpsIn(net.a).length + tcpdumpsIn(net.b).length === 0 ? [] : undefined), { what: 'no tcpdump left' }), []);
  });

  test('stopping ends every tcpdump on the target: none is left running', async () => {
    const capture = await startCapture(host, [
      { namespace: net.a, interfaceName: 'va' },
      { namespace: net.b, interfaceName: 'any' },
    ]);
    await capture.ready;
    const running = [...tcpdumpsIn(net.a), ...tcpdumpsIn(net.b)];
    try {
      assert.equal(running.length, 2);
      await capture.stop();
      assert.deepEqual([...tcpdumpsIn(net.a), ...tcpdumpsIn(net.b)], []);
      assert.equal((await capture.done).reason, 'stopped');
    } finally {
      killIfRunning(running);
    }
  });
});

describe('capture errors', () => {
  test('a missing interface is tcpdump’s own reason, and the other interfaces are stopped', async () => {
    const capture = await startCapture(host, [
      { namespace: net.a, interfaceName: 'va' },
      { namespace: net.b, interfaceName: 'nosuch0' },
    ]);
    await assert.rejects(capture.done, (error: unknown) => error instanceof CaptureError && error.message === `Cannot capture on ${net.b}:nosuch0: nosuch0: No such device exists`);
    assert.deepEqual(tcpdumpsIn(net.a), []);
  });

  test('a missing namespace is refused before anything starts', async () => {
    await assert.rejects(startCapture(host, [{ namespace: lab.namespaceName('gone'), interfaceName: 'eth0' }]), NotFoundError);
  });

  test('a filter tcpdump cannot parse says so', async () => {
    const capture = await startCapture(host, [{ namespace: net.a, interfaceName: 'va' }], { filter: 'icmp and' });
    await assert.rejects(capture.done, /Cannot capture on .*:va: can't parse filter expression: syntax error/u);
  });

  test('a target without tcpdump gets the package to install', async () => {
    // tcpdump is installed here; a program name that does not exist stands for a target without it.
    const capture = await startCapture(host, [{ namespace: net.a, interfaceName: 'va' }], { program: 'tcpdump-not-installed' });
    await assert.rejects(capture.done, (error: unknown) => error instanceof TcpdumpMissingError && /install its package tcpdump there \(apt-get install tcpdump/u.test(error.message));
  });
});
