/**
 * Shared pieces of the benchmarks: timing with medians, interleaved runs (so machine noise hits every variant
 * alike), and labs of many namespaces under a unique prefix that are always removed afterwards.
 */
import { execa } from 'execa';
import { readdir } from 'node:fs/promises';

export const PREFIX = `bn${process.pid.toString(36)}`;

/** Runs `ip -batch` (with -force, so cleanup goes on past a missing object) from lines. */
export async function ipBatch(lines: string[], namespace?: string): Promise<void> {
  if (lines.length === 0) return;
  const options = namespace ? ['-n', namespace] : [];
  await execa('ip', [...options, '-force', '-batch', '-'], { input: lines.join('\n') + '\n', reject: false });
}

/** Deletes every namespace and root link of this run's prefix. */
export async function removeLab(): Promise<void> {
  const names = (await readdir('/run/netns').catch(() => [] as string[])).filter((name) => name.startsWith(PREFIX));
  await ipBatch(names.map((name) => `netns delete ${name}`));
  const links = JSON.parse((await execa('ip', ['-j', 'link', 'show'])).stdout) as Array<{ ifname: string }>;
  await ipBatch(links.filter((link) => link.ifname.startsWith(PREFIX)).map((link) => `link delete dev ${link.ifname}`));
}

export interface Variant {
  name: string;
  run(): Promise<unknown>;
  /** Undone after each timed run, untimed (for variants that create things). */
  reset?(): Promise<unknown>;
}

/** Times each variant `rounds` times, interleaved, and returns the median milliseconds of each. */
export async function measure(variants: Variant[], rounds: number): Promise<Map<string, number>> {
  const samples = new Map(variants.map((variant) => [variant.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const started = performance.now();
      await variant.run();
      samples.get(variant.name)!.push(performance.now() - started);
      await variant.reset?.();
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Prints medians and the ratio of each variant to `ours`, with the target it is held to. */
export function report(title: string, medians: Map<string, number>, ours: string, targets: Record<string, string> = {}): void {
  const base = medians.get(ours)!;
  console.log(`\n${title}`);
  for (const [name, value] of medians) {
    const ratio = name === ours ? '' : `  ${(value / base).toFixed(2)}x the time of ${ours}`;
    console.log(`  ${name.padEnd(44)} ${value.toFixed(1).padStart(9)} ms${ratio}${targets[name] ? `  (target: ${targets[name]})` : ''}`);
  }
}
