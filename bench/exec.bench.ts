/**
 * `netns-lab exec` moving 1 GB through `cat` (in on standard input, out on standard output): against
 * `ip netns exec` run directly, and over SSH against plain `ssh` to the same sshd, with the peak memory of the
 * netns-lab process. Also the path notebook cells take (bytes through this process, with backpressure).
 * Targets: at least 0.8x the direct throughput on both, peak memory under 150 MB for 1 GB.
 * Throughput is also given after start-up (the time of `exec NS -- true` taken off), since a run of netns-lab
 * pays Node's start once, whatever the size.
 */
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalHost } from '../src/core/index.js';
import { shellCommand } from '../src/core/quote.js';
import { sshdMissingReason, startTestSshServer } from '../test/host/support/sshd.js';
import { ipBatch, measure, PREFIX, removeLab, report } from './support.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const BYTES = 1_000_000_000;
const ROUNDS = 3;

/** A pipeline that feeds BYTES zeros to `command` and counts what comes out; fails unless all came through. */
async function throughCat(command: string[]): Promise<void> {
  const line = `head -c ${BYTES} /dev/zero | ${shellCommand(command)} | wc -c`;
  const { stdout } = await execa('bash', ['-o', 'pipefail', '-c', line]);
  if (Number(stdout.trim()) !== BYTES) throw new Error(`${command.join(' ')} passed ${stdout.trim()} bytes of ${BYTES}`);
}

/** The peak resident memory (kB) of the netns-lab process while it runs `args` on 1 GB. */
async function peakMemoryKb(args: string[], folder: string): Promise<number> {
  const file = join(folder, 'peak');
  const line = `head -c ${BYTES} /dev/zero | /usr/bin/time -f %M -o ${file} ${shellCommand([process.execPath, CLI, ...args])} | wc -c`;
  await execa('bash', ['-o', 'pipefail', '-c', line]);
  return Number(readFileSync(file, 'utf8').trim().split('\n').pop());
}

/** The cells' path: a started command whose output this process reads and drops. */
async function throughThisProcess(host: LocalHost, namespace: string): Promise<void> {
  const command = await host.start(['ip', 'netns', 'exec', namespace, 'head', '-c', String(BYTES), '/dev/zero']);
  let count = 0;
  command.stdout.on('data', (chunk: Buffer) => (count += chunk.length));
  command.stderr.resume();
  await command.exit;
  if (count !== BYTES) throw new Error(`the cells' path passed ${count} bytes`);
}

function afterStart(medians: Map<string, number>, name: string, startMs: number): string {
  const seconds = (medians.get(name)! - startMs) / 1000;
  return `${(BYTES / 1e6 / seconds).toFixed(0)} MB/s`;
}

export async function benchmarkExec(): Promise<void> {
  const namespace = `${PREFIX}x`;
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-bench-exec-'));
  const host = new LocalHost();
  await ipBatch([`netns add ${namespace}`]);
  try {
    const ours = 'netns-lab exec NS -- cat';
    const local = await measure(
      [
        { name: ours, run: () => throughCat([process.execPath, CLI, 'exec', namespace, '--', 'cat']) },
        { name: 'ip netns exec NS cat', run: () => throughCat(['ip', 'netns', 'exec', namespace, 'cat']) },
        { name: "the cells' path (through this process), out only", run: () => throughThisProcess(host, namespace) },
      ],
      ROUNDS,
    );
    report(`1 GB through cat on this machine (median of ${ROUNDS})`, local, ours, { 'ip netns exec NS cat': '>= 0.8x of its throughput' });
    const start = await measure([{ name: 'netns-lab exec NS -- true', run: () => execa(process.execPath, [CLI, 'exec', namespace, '--', 'true']) }], 5);
    const startMs = start.get('netns-lab exec NS -- true')!;
    console.log(`  start-up of netns-lab exec: ${startMs.toFixed(0)} ms; after it: ours ${afterStart(local, ours, startMs)}, direct ${afterStart(local, 'ip netns exec NS cat', 0)}`);
    console.log(`  peak memory of netns-lab exec for 1 GB: ${((await peakMemoryKb(['exec', namespace, '--', 'cat'], folder)) / 1024).toFixed(0)} MB (target: < 150 MB)`);
    await benchmarkOverSsh(namespace, folder);
  } finally {
    await host.dispose();
    rmSync(folder, { recursive: true, force: true });
    await removeLab();
  }
}

async function benchmarkOverSsh(namespace: string, folder: string): Promise<void> {
  const missing = sshdMissingReason();
  if (missing) return console.log(`\nexec over SSH: skipped (${missing})`);
  const server = await startTestSshServer();
  try {
    const target = ['--ssh-config', server.configFile, '--target', server.alias];
    const ours = 'netns-lab --target T exec NS -- cat';
    const medians = await measure(
      [
        { name: ours, run: () => throughCat([process.execPath, CLI, ...target, 'exec', namespace, '--', 'cat']) },
        { name: 'ssh T ip netns exec NS cat', run: () => throughCat(['ssh', '-F', server.configFile, server.alias, 'ip', 'netns', 'exec', namespace, 'cat']) },
      ],
      ROUNDS,
    );
    report(`1 GB through cat over SSH (median of ${ROUNDS})`, medians, ours, { 'ssh T ip netns exec NS cat': '>= 0.8x of its throughput' });
    console.log(`  peak memory of netns-lab exec over SSH for 1 GB: ${((await peakMemoryKb([...target, 'exec', namespace, '--', 'cat'], folder)) / 1024).toFixed(0)} MB (target: < 150 MB)`);
  } finally {
    await server.stop();
  }
}
