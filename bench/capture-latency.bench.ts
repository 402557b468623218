/**
 * Latency of a capture: from a packet on the wire (the kernel's capture timestamp, which tcpdump writes into the
 * pcap record) to its decoded packet reaching `onPacket`, locally and over SSH (the tests' sshd on 127.0.0.1, so
 * both ends share one clock). The panel then batches rows for up to 30 ms and the page draws them on the next
 * frame (about 16 ms). Target: a packet shown within 200 ms.
 */
import { execa } from 'execa';
import { startCapture, type CapturedPacket } from '../src/core/capture/capture.js';
import type { CaptureEndpoint } from '../src/core/capture/endpoints.js';
import type { Host } from '../src/core/host/host.js';
import { LocalHost } from '../src/core/host/local-host.js';
import { SshHost } from '../src/core/host/ssh-host.js';
import { sshdMissingReason, startTestSshServer } from '../test/host/support/sshd.js';
import { ipBatch, PREFIX, removeLab } from './support.js';

const PINGS = 20;

async function makePair(): Promise<[string, string]> {
  const [a, b] = [`${PREFIX}la`, `${PREFIX}lb`];
  await ipBatch([`netns add ${a}`, `netns add ${b}`, `link add ${PREFIX}va netns ${a} type veth peer name ${PREFIX}vb netns ${b}`]);
  await ipBatch([`address add 10.0.0.1/24 dev ${PREFIX}va`, `link set ${PREFIX}va up`], a);
  await ipBatch([`address add 10.0.0.2/24 dev ${PREFIX}vb`, `link set ${PREFIX}vb up`], b);
  return [a, b];
}

/** Milliseconds from each packet's capture timestamp to its delivery, for a slow ping across the pair. */
async function latencies(host: Host, a: string, endpoints: CaptureEndpoint[]): Promise<number[]> {
  const delays: number[] = [];
  const onPacket = (packet: CapturedPacket): void => void delays.push(Date.now() - (packet.seconds * 1000 + packet.nanoseconds / 1e6));
  const capture = await startCapture(host, endpoints, { filter: 'icmp', onPacket });
  try {
    await capture.ready;
    await execa('ip', ['netns', 'exec', a, 'ping', '-c', String(PINGS), '-i', '0.1', '10.0.0.2']);
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    await capture.stop();
  }
  return delays;
}

function describe(values: number[]): string {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (share: number): number => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, 95th percentile ${at(0.95).toFixed(1)} ms, most ${sorted.at(-1)!.toFixed(1)} ms over ${sorted.length} packets`;
}

export async function benchmarkCaptureLatency(): Promise<void> {
  const [a, b] = await makePair();
  const one: CaptureEndpoint[] = [{ namespace: a, interfaceName: `${PREFIX}va` }];
  // Two interfaces are merged in time order: a packet may wait (at most 100 ms) for the other interface's.
  const both: CaptureEndpoint[] = [...one, { namespace: b, interfaceName: `${PREFIX}vb` }];
  const local = new LocalHost();
  try {
    console.log('\nCapture latency, wire to onPacket (target: a packet shown within 200 ms)');
    console.log(`  LocalHost, one interface:  ${describe(await latencies(local, a, one))}`);
    console.log(`  LocalHost, two interfaces: ${describe(await latencies(local, a, both))}`);
    const missing = sshdMissingReason();
    if (missing) {
      console.log(`  SshHost: skipped (${missing})`);
      return;
    }
    const server = await startTestSshServer();
    const remote = new SshHost(server.alias, { sshConfigFile: server.configFile });
    try {
      await latencies(remote, a, one); // the first capture over SSH opens the connection
      console.log(`  SshHost, one interface:    ${describe(await latencies(remote, a, one))}`);
      console.log(`  SshHost, two interfaces:   ${describe(await latencies(remote, a, both))}`);
    } finally {
      await remote.dispose();
      await server.stop();
    }
  } finally {
    await local.dispose();
    await removeLab();
  }
}
