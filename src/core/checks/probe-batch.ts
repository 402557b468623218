/**
 * Running many small probes (a ping, a TCP connect, a sysctl read) in their namespaces in one round trip: one shell
 * on the host starts them all in the background, waits, and prints their outputs framed with NUL bytes. Checks are
 * independent, so running them side by side costs about as much as the slowest one, not their sum.
 *
 * A probe enters its namespace with `nsenter --net`, which only joins the network namespace; `ip netns exec` also
 * makes a mount namespace and remounts /sys, which costs more than the ping itself and is not needed to probe.
 */
import type { Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';
import { shellCommand } from '../quote.js';

export interface Probe {
  namespace: NamespaceName;
  argv: readonly string[];
  /** Run after `argv` only when it fails: what explains the failure (the route `ip route get` picks). */
  onFailure?: readonly string[];
}

export interface ProbeOutput {
  exitCode: number;
  /** Standard output and error together. */
  output: string;
  /** The `onFailure` command's outcome, when it ran. */
  explanation?: { exitCode: number; output: string };
}

/** How many probes run at once: enough to hide each one's waiting, few enough not to swamp a small host. */
const PARALLEL = 64;

/** Runs the probes side by side in one shell on the host; the outputs are in the order of the probes. */
export async function runProbes(host: Host, probes: readonly Probe[], options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ProbeOutput[]> {
  if (probes.length === 0) return [];
  const result = await host.run(['sh', '-c', probeScript(probes), 'netns-lab-checks'], { signal: options.signal, timeoutMs: options.timeoutMs });
  if (result.exitCode !== 0) throw new Error(`the check probes could not run (exit status ${result.exitCode}): ${result.stderr.trim()}`);
  return parseProbeOutput(result.stdout, probes.length);
}

/** The argv of a command run in a namespace, for a probe. */
export function inNamespace(namespace: NamespaceName, argv: readonly string[]): string[] {
  return namespace === null ? [...argv] : ['nsenter', `--net=/run/netns/${namespace}`, ...argv];
}

function probeScript(probes: readonly Probe[]): string {
  const lines = [
    'd=$(mktemp -d) || exit 1',
    `trap 'rm -rf "$d"' EXIT`,
    // Builtins only, so that printing a hundred outputs starts no process.
    `show() { if [ -e "$1" ]; then while IFS= read -r line || [ -n "$line" ]; do printf '%s\\n' "$line"; done <"$1"; fi; }`,
  ];
  probes.forEach((probe, index) => {
    const command = shellCommand(inNamespace(probe.namespace, probe.argv));
    const explain = probe.onFailure ? shellCommand(inNamespace(probe.namespace, probe.onFailure)) : undefined;
    const out = `"$d/${index}"`;
    const onFailure = explain ? ` ${explain} >${out}.e 2>&1; echo $? >${out}.es;` : '';
    lines.push(`{ if ${command} >${out} 2>&1; then echo 0 >${out}.s; else echo $? >${out}.s;${onFailure} fi; } </dev/null &`);
    if ((index + 1) % PARALLEL === 0) lines.push('wait');
  });
  lines.push('wait');
  lines.push(`i=0; while [ "$i" -lt ${probes.length} ]; do`);
  lines.push(`  printf '\\0'; show "$d/$i.s"; printf '\\0'; show "$d/$i"; printf '\\0'; show "$d/$i.es"; printf '\\0'; show "$d/$i.e"`);
  lines.push('  i=$((i + 1))');
  lines.push('done');
  return lines.join('\n') + '\n';
}

function parseProbeOutput(stdout: string, count: number): ProbeOutput[] {
  const fields = stdout.split('\0').slice(1);
  const outputs: ProbeOutput[] = [];
  for (let index = 0; index < count; index++) {
    const [status = '', output = '', explainStatus = '', explanation = ''] = fields.slice(index * 4, index * 4 + 4);
    const probe: ProbeOutput = { exitCode: statusOf(status), output };
    if (explainStatus.trim() !== '') probe.explanation = { exitCode: statusOf(explainStatus), output: explanation };
    outputs.push(probe);
  }
  return outputs;
}

function statusOf(text: string): number {
  const value = Number.parseInt(text.trim(), 10);
  return Number.isNaN(value) ? 255 : value;
}
