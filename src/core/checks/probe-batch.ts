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

/**
 * The script: every probe started in the background as a plain command (one fork and exec each, no subshell),
 * its exit status collected with `wait`; then the explanations of those that failed, the same way; then every
 * output printed with builtins only, framed as NUL STATUS NUL OUTPUT NUL STATUS NUL OUTPUT.
 */
function probeScript(probes: readonly Probe[]): string {
  const lines = ['d=$(mktemp -d) || exit 1', `trap 'rm -rf "$d"' EXIT`, `show() { if [ -e "$1" ]; then while IFS= read -r line || [ -n "$line" ]; do printf '%s\\n' "$line"; done <"$1"; fi; }`];
  const started = (index: number, argv: readonly string[], namespace: NamespaceName, suffix: string, pid: string): string =>
    `${shellCommand(inNamespace(namespace, argv))} >"$d/${index}${suffix}" 2>&1 </dev/null & ${pid}${index}=$!`;
  for (let first = 0; first < probes.length; first += PARALLEL) {
    const chunk = probes.slice(first, first + PARALLEL).map((probe, offset) => ({ probe, index: first + offset }));
    for (const { probe, index } of chunk) lines.push(started(index, probe.argv, probe.namespace, '', 'p'));
    for (const { index } of chunk) lines.push(`wait "$p${index}"; s${index}=$?; e${index}=`);
    const explained = chunk.filter(({ probe }) => probe.onFailure);
    for (const { probe, index } of explained) lines.push(`[ "$s${index}" -eq 0 ] || { ${started(index, probe.onFailure!, probe.namespace, '.e', 'q')}; }`);
    for (const { index } of explained) lines.push(`[ -z "$q${index}" ] || { wait "$q${index}"; e${index}=$?; }`);
  }
  probes.forEach((_probe, index) => lines.push(`printf '\\0%s\\0' "$s${index}"; show "$d/${index}"; printf '\\0%s\\0' "$e${index}"; show "$d/${index}.e"`));
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
