/**
 * Decoding captured packets: our pcap reader and decoders (one summary line per packet, as the capture makes
 * them) against `tcpdump -r FILE -nn > /dev/null` on the same file, in the same run. The file is a real capture:
 * tcpdump on a veth while `ping -f` floods across it, between two namespaces made here.
 * Target: at least as fast as tcpdump -r.
 */
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizePacket } from '../src/core/capture/dissect.js';
import { PcapStreamReader } from '../src/core/capture/pcap-reader.js';
import { ipBatch, measure, PREFIX, removeLab, report } from './support.js';

const PINGS = 100_000;
const CHUNK = 64 * 1024;
const ROUNDS = 5;

/** Writes a pcap of a ping flood across a veth pair (about 2 x PINGS packets); returns how many it holds. */
async function floodCapture(file: string): Promise<void> {
  const [a, b] = [`${PREFIX}ca`, `${PREFIX}cb`];
  await ipBatch([`netns add ${a}`, `netns add ${b}`, `link add ${PREFIX}va netns ${a} type veth peer name ${PREFIX}vb netns ${b}`]);
  await ipBatch([`address add 10.0.0.1/24 dev ${PREFIX}va`, `link set ${PREFIX}va up`], a);
  await ipBatch([`address add 10.0.0.2/24 dev ${PREFIX}vb`, `link set ${PREFIX}vb up`], b);
  const tcpdump = execa('ip', ['netns', 'exec', a, 'tcpdump', '-U', '-w', file, '-n', '-i', `${PREFIX}va`, '-c', String(2 * PINGS)], { reject: false });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await execa('ip', ['netns', 'exec', a, 'ping', '-f', '-q', '-c', String(PINGS), '10.0.0.2']);
  await new Promise((resolve) => setTimeout(resolve, 500));
  tcpdump.kill('SIGTERM');
  await tcpdump;
}

/** Reads the file in chunks as a capture's pipe would deliver it and summarises every packet. */
function decodeAll(bytes: Buffer): number {
  let packets = 0;
  let characters = 0;
  const reader = new PcapStreamReader((record, header) => {
    characters += summarizePacket(header.linkType, record.data, record.wireLength).text.length;
    packets++;
  });
  for (let offset = 0; offset < bytes.length; offset += CHUNK) reader.push(bytes.subarray(offset, offset + CHUNK));
  if (characters === 0) throw new Error('nothing was decoded');
  return packets;
}

export async function benchmarkCapture(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-bench-capture-'));
  const file = join(folder, 'flood.pcap');
  try {
    await floodCapture(file);
    const bytes = readFileSync(file);
    const packets = decodeAll(bytes);
    const ours = 'netns-lab reader + decoders (summaries)';
    const medians = await measure(
      [
        { name: ours, run: async () => decodeAll(bytes) },
        { name: 'tcpdump -r FILE -nn > /dev/null', run: () => execa('sh', ['-c', 'tcpdump -r "$1" -nn > /dev/null 2>&1', 'sh', file]) },
      ],
      ROUNDS,
    );
    report(`Decoding ${packets} packets (${(bytes.length / 1e6).toFixed(1)} MB of pcap from a ping flood)`, medians, ours, { 'tcpdump -r FILE -nn > /dev/null': 'at least 1.00x' });
    for (const [name, value] of medians) console.log(`  ${name.padEnd(44)} ${((packets / value) * 1000).toFixed(0).padStart(9)} packets/s`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await removeLab();
  }
}
