/**
 * The capture panel's part of the editor benchmark: the latency from a packet on the wire to its row on the screen
 * (locally and over SSH, against the test sshd on 127.0.0.1), and 100,000 packets in the panel: a pcap of real
 * packets made with tcpdump on a veth while python3 sends UDP across, opened with Open Capture File (time to load,
 * memory, frame times while the page scrolls through the list), and a live flood of 100,000 packets.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { CapturePanel } from '../../src/ext/capture/capture-panel.js';
import { startTestSshServer } from '../../test/host/support/sshd.js';

const runProgram = promisify(execFile);
const BIG = 100_000;
/** The sender's rate: tcpdump writing a file keeps up with it on this machine (none dropped by the kernel). */
const SEND_RATE = 40_000;

export interface Figure {
  label: string;
  ms: number;
  targetMs?: number;
  unit?: string;
}

/** Runs `ip -batch -` with these lines (in a namespace when given). */
export function ipBatch(lines: string[], options: { ignoreErrors?: boolean; namespace?: string } = {}): number {
  const start = performance.now();
  const args = [...(options.namespace === undefined ? [] : ['-n', options.namespace]), ...(options.ignoreErrors ? ['-force', '-batch', '-'] : ['-batch', '-'])];
  const result = spawnSync('ip', args, { input: `${lines.join('\n')}\n`, encoding: 'utf8' });
  if (result.status !== 0 && !options.ignoreErrors) throw new Error(`ip -batch failed: ${result.stderr}`);
  return performance.now() - start;
}

/** A veth `dev` between two namespaces, `NET.1` on the left, `NET.2` on the right, both up. */
function veth(left: string, right: string, dev: string, net: string): void {
  ipBatch([`link add name ${dev} netns ${left} type veth peer name ${dev} netns ${right}`]);
  ipBatch([`address add ${net}.1/24 dev ${dev}`, `link set ${dev} up`], { namespace: left });
  ipBatch([`address add ${net}.2/24 dev ${dev}`, `link set ${dev} up`], { namespace: right });
}

/**
 * A capture panel on both ends of a veth, a ping every 100 ms across, and for each packet the time from its capture
 * timestamp (the kernel's) to the page's report that its row was painted. With `targetId`, the capture runs
 * through that target (the test sshd on this machine: the kernel's clock is the same on both sides).
 */
export async function wireToScreen(left: string, right: string, dev: string, net: string, targetId?: string): Promise<number[]> {
  veth(left, right, dev, net);
  const argument = { interfaces: [`${left}:${dev}`, `${right}:${dev}`], filter: 'icmp', ...(targetId === undefined ? {} : { targetId }) };
  const panel = await vscode.commands.executeCommand<CapturePanel>('netnsLab.capture.start', argument);
  try {
    await panel.pageReport(); // the page has loaded, as it has when a user starts traffic after opening it
    await runProgram('ip', ['netns', 'exec', left, 'ping', '-c', '20', '-i', '0.1', `${net}.2`]);
    await sleep(1_000);
    const delays = panel.wireToScreenMs();
    if (delays.length < 40) throw new Error(`only ${delays.length} of the ping's 80 packets were reported drawn`);
    return delays;
  } finally {
    await panel.dispose();
  }
}

/** The same over SSH: the test sshd on 127.0.0.1 made a target of the editor for the measurement, then removed. */
export async function wireToScreenOverSsh(left: string, right: string, dev: string, net: string): Promise<number[]> {
  const server = await startTestSshServer();
  const settings = vscode.workspace.getConfiguration('netnsLab');
  try {
    await settings.update('sshConfigFile', server.configFile, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('netnsLab.target.add', { target: server.alias });
    return await wireToScreen(left, right, dev, net, server.alias);
  } finally {
    await settings.update('targets', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('sshConfigFile', undefined, vscode.ConfigurationTarget.Global);
    await server.stop();
  }
}

/** Sends `count` UDP datagrams from `namespace` to `address`, port 9, at SEND_RATE a second. */
function sendUdp(namespace: string, address: string, count: number): Promise<unknown> {
  const script = [
    'import socket, sys, time',
    'sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
    'count, rate, start = int(sys.argv[1]), int(sys.argv[2]), time.monotonic()',
    'for i in range(count):',
    '    sock.sendto(b"netns-lab bench %06d" % i, (sys.argv[3], 9))',
    '    if i % 500 == 499:',
    '        ahead = (i + 1) / rate - (time.monotonic() - start)',
    '        if ahead > 0: time.sleep(ahead)',
  ].join('\n');
  return runProgram('ip', ['netns', 'exec', namespace, 'python3', '-c', script, String(count), String(SEND_RATE), address]);
}

/** Captures `count` UDP packets into `file` with tcpdump (a 64 MiB buffer) while python3 sends a few more. */
async function makePcap(left: string, right: string, dev: string, net: string, file: string, count: number): Promise<void> {
  const tcpdump = spawn('ip', ['netns', 'exec', left, 'tcpdump', '-i', dev, '-B', '65536', '-Z', 'root', '-n', '-c', String(count), '-w', file, 'udp'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  tcpdump.stderr.setEncoding('utf8').on('data', (text: string) => (said += text));
  const exited = new Promise<number | null>((resolve) => tcpdump.once('exit', resolve));
  while (!said.includes('listening on')) {
    if (tcpdump.exitCode !== null) throw new Error(`tcpdump failed: ${said}`);
    await sleep(50);
  }
  await sendUdp(right, `${net}.1`, Math.ceil(count * 1.05));
  const status = await Promise.race([exited, sleep(20_000).then(() => 'timeout' as const)]);
  if (status !== 0) {
    tcpdump.kill();
    throw new Error(`tcpdump did not capture ${count} packets (${String(status)}): ${said}`);
  }
}

/** Opens `file` with Open Capture File; resolves with the milliseconds until the page reported every row drawn. */
async function openAndTime(file: string, rows: number): Promise<{ panel: CapturePanel; ms: number }> {
  const start = performance.now();
  const panel = await vscode.commands.executeCommand<CapturePanel>('netnsLab.capture.openFile', { file });
  for (;;) {
    const report = await panel.pageReport();
    if (report.rows >= rows && report.status.startsWith('Read')) return { panel, ms: performance.now() - start };
    if (report.error) throw new Error(report.error);
    await sleep(20);
  }
}

/** The extension host's heap after a full garbage collection: what is really kept, not garbage not yet collected. */
function heapMiB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (!gc) {
    // The extension host runs without --expose-gc: the flag is set now, and a fresh context gets the function.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * 100,000 real packets in the panel: from a file of 100,000 and one of 200,000 (of which the ring keeps the last
 * 100,000), the time to load, the extension host's heap after each (bounded by the ring), and the frame times
 * while the page scrolls through the list, slowly (3 rows a frame) and flung (2,000 rows a frame), against the
 * frame times of the same page not scrolling (what this host's browser gives at best).
 */
export async function hundredThousand(left: string, right: string, dev: string, net: string, statistics: (values: number[]) => { median: number; p95: number; max: number }): Promise<Figure[]> {
  veth(left, right, dev, net);
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-bench-pcap-'));
  try {
    const [small, large] = [join(folder, '100k.pcap'), join(folder, '200k.pcap')];
    await makePcap(left, right, dev, net, large, 2 * BIG);
    spawnSync('tcpdump', ['-r', large, '-c', String(BIG), '-w', small], { stdio: 'ignore' });
    const heapBefore = heapMiB();
    const first = await openAndTime(small, BIG);
    const heapSmall = heapMiB();
    const still = await first.panel.scrollFrames(300, 0);
    const slow = await first.panel.scrollFrames(300, 3);
    const flung = await first.panel.scrollFrames(300, 2_000);
    await first.panel.dispose();
    const second = await openAndTime(large, BIG);
    const heapLarge = heapMiB();
    const kept = (await second.panel.pageReport()).rows;
    await second.panel.dispose();
    const heapAfter = heapMiB();
    const [i, s, f] = [statistics(still.frameMs), statistics(slow.frameMs), statistics(flung.frameMs)];
    const mb = (path: string): string => (statSync(path).size / 1e6).toFixed(1);
    return [
      { label: `Open Capture File, ${BIG} packets (${mb(small)} MB), to every row in the page`, ms: first.ms },
      { label: `Open Capture File, ${2 * BIG} packets (${mb(large)} MB; the page keeps ${kept})`, ms: second.ms },
      {
        label: 'extension host heap after a full collection, with the 100k file open',
        ms: heapSmall - heapBefore,
        unit: `MiB more (before / 100k / 200k file / closed: ${[heapBefore, heapSmall, heapLarge, heapAfter].map((mib) => mib.toFixed(0)).join(' / ')} MiB)`,
      },
      { label: `page JS heap with 100,000 rows`, ms: (slow.heapBytes ?? Number.NaN) / 2 ** 20, unit: 'MiB' },
      { label: "not scrolling (the host's frame rate): frame time median / 95th / max", ms: i.median, unit: `ms / ${i.p95.toFixed(1)} / ${i.max.toFixed(1)} ms` },
      { label: 'scrolling 3 rows a frame: frame time median / 95th / max', ms: s.median, unit: `ms / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)} ms` },
      { label: 'flinging 2,000 rows a frame: frame time median / 95th / max', ms: f.median, unit: `ms / ${f.p95.toFixed(1)} / ${f.max.toFixed(1)} ms` },
      ...(await liveFlood(left, right, dev, net)),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A live capture in the panel while python3 sends 100,000 UDP packets at SEND_RATE: how many arrive, the heap. */
async function liveFlood(left: string, right: string, dev: string, net: string): Promise<Figure[]> {
  const heapBefore = heapMiB();
  const panel = await vscode.commands.executeCommand<CapturePanel>('netnsLab.capture.start', { interfaces: [`${left}:${dev}`], filter: 'udp' });
  try {
    await panel.pageReport();
    const start = performance.now();
    await sendUdp(right, `${net}.1`, BIG);
    let rows = -1;
    for (;;) {
      await sleep(500);
      const now = (await panel.pageReport()).rows;
      if (now === rows) break;
      rows = now;
    }
    const ms = performance.now() - start;
    return [
      { label: `live: ${BIG} UDP packets sent at ${SEND_RATE}/s, rows in the page (${BIG - rows} lost)`, ms: rows, unit: `rows, settled after ${(ms / 1000).toFixed(1)} s` },
      { label: 'live: extension host heap, more than before', ms: heapMiB() - heapBefore, unit: 'MiB' },
    ];
  } finally {
    await panel.dispose();
  }
}
