/**
 * The editor benchmark, run inside the real VS Code host by bench/editor/run.mjs: activation time, the first
 * paint of the Namespaces view (its top level and the target's namespace children, with a TreeItem for each) with
 * many namespaces on the machine, and the expansion of one namespace whose veths lead to the root namespace and to
 * a neighbour; then the capture panel (capture.ts): the latency from a packet on the wire to its row on the screen,
 * locally and over SSH, and 100,000 packets in it; then the Topology panel (topology.ts): its first picture of a
 * 100- and a 500-namespace lab and its update after an `ip` change (with NETNS_LAB_BENCH_ONLY=topology, only these).
 * Prints a plain text report; fails only when something goes wrong, not when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { TreeNode } from '../../src/ext/view-model/tree-nodes.js';
import { hundredThousand, ipBatch, wireToScreen, wireToScreenOverSsh, type Figure } from './capture.js';
import { topologyFigures } from './topology.js';

const EXTENSION_ID = 'netns-lab.netns-lab';
const ACTIVATION_TARGET_MS = 50;
const FIRST_PAINT_TARGET_MS = 100;
const EXPANSION_TARGET_MS = 30;
const WARM_PAINTS = 5;
const WIRE_TO_SCREEN_TARGET_MS = 200;
/** The machine counts as quiet once this share of CPU time is idle over one sample. */
const QUIET_IDLE_SHARE = 0.8;
const QUIET_SAMPLE_MS = 500;
const QUIET_WAIT_LIMIT_MS = 30_000;

export async function run(): Promise<void> {
  const prefix = process.env.NETNS_LAB_BENCH_PREFIX ?? '';
  const count = Number(process.env.NETNS_LAB_BENCH_COUNT ?? '500');
  if (!/^b[0-9a-z]{5}$/u.test(prefix)) throw new Error(`NETNS_LAB_BENCH_PREFIX must be b + 5 base-36 digits, not ${JSON.stringify(prefix)}`);
  // The workbench is still starting (on a small machine it takes every CPU): measure after it has settled, as
  // onStartupFinished activation would.
  const quiet = await waitForQuietMachine();
  const extension = vscode.extensions.getExtension<NetnsLabApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const activeBefore = extension.isActive;
  const activateStart = performance.now();
  const api = await extension.activate();
  const activateCallMs = performance.now() - activateStart;

  if (process.env.NETNS_LAB_BENCH_ONLY === 'topology') {
    const topology = [...(await topologyFigures(prefix, 100)), ...(await topologyFigures(prefix, 500))];
    return report({ prefix, count: 0, others: 0, createMs: 0, activeBefore, quiet, figures: topology });
  }
  const names = Array.from({ length: count }, (_, index) => `${prefix}-${String(index).padStart(4, '0')}`);
  try {
    const createMs = ipBatch(names.map((name) => `netns add ${name}`));
    const quietAgain = await waitForQuietMachine();
    const first = await paint(api);
    const shown = first.namespaces.filter((name) => name.startsWith(`${prefix}-`)).length;
    if (shown !== count) throw new Error(`the first paint showed ${shown} of the ${count} namespaces`);
    const warm: number[] = [];
    for (let round = 0; round < WARM_PAINTS; round++) warm.push((await paint(api)).ms);
    // One namespace with a veth to the root namespace and one to a neighbour, as in a lab: expanding it names both peers.
    const [expanded, neighbour] = [names[0]!, names[1]!];
    ipBatch([
      `link add name ${prefix}r type veth peer name eth0 netns ${expanded}`,
      `link add name ${prefix}x type veth peer name left netns ${neighbour}`,
      `link set dev ${prefix}x netns ${expanded}`,
    ]);
    const expansions: number[] = [];
    for (let round = 0; round <= WARM_PAINTS; round++) expansions.push(await expand(api, expanded, { [`${prefix}x`]: `${neighbour}/left`, eth0: `(root)/${prefix}r` }));
    const screen = await wireToScreen(names[2]!, names[3]!, 'eth1', '10.250.0');
    const overSsh = await wireToScreenOverSsh(names[4]!, names[5]!, 'eth1', '10.250.1');
    const big = await hundredThousand(names[6]!, names[7]!, 'eth2', '10.250.2', (values) => ({ median: median(values), p95: percentile(values, 0.95), max: Math.max(...values) }));
    const topology = [...(await topologyFigures(prefix, 100)), ...(await topologyFigures(prefix, 500))];
    report({
      prefix,
      count,
      others: first.namespaces.length - count,
      createMs,
      activeBefore,
      quiet: `${quiet}; before the first paint: ${quietAgain}`,
      figures: [
        { label: 'activation (activationMs: module loaded to end of activate)', ms: api.activationMs, targetMs: ACTIVATION_TARGET_MS },
        { label: `extension.activate() called first (load + VS Code's set-up + activate)${activeBefore ? ' [was already active]' : ''}`, ms: activateCallMs },
        { label: 'first tree paint (2 levels + getTreeItem, cold host)', ms: first.ms, targetMs: FIRST_PAINT_TARGET_MS },
        { label: `later paints, median of ${WARM_PAINTS} (warm host)`, ms: median(warm) },
        { label: 'first expansion of a namespace with two veths (interfaces, peers named)', ms: expansions[0]!, targetMs: EXPANSION_TARGET_MS },
        { label: `later expansions, median of ${WARM_PAINTS}`, ms: median(expansions.slice(1)), targetMs: EXPANSION_TARGET_MS },
        { label: `capture panel, wire to screen, median of ${screen.length} packets (two interfaces)`, ms: median(screen), targetMs: WIRE_TO_SCREEN_TARGET_MS },
        { label: 'capture panel, wire to screen, 95th percentile', ms: percentile(screen, 0.95), targetMs: WIRE_TO_SCREEN_TARGET_MS },
        { label: 'capture panel, wire to screen, slowest packet', ms: Math.max(...screen), targetMs: WIRE_TO_SCREEN_TARGET_MS },
        { label: `over SSH (sshd on 127.0.0.1), wire to screen, median of ${overSsh.length} packets`, ms: median(overSsh), targetMs: WIRE_TO_SCREEN_TARGET_MS },
        { label: 'over SSH, wire to screen, 95th percentile', ms: percentile(overSsh, 0.95), targetMs: WIRE_TO_SCREEN_TARGET_MS },
        { label: 'over SSH, wire to screen, slowest packet', ms: Math.max(...overSsh), targetMs: WIRE_TO_SCREEN_TARGET_MS },
        ...big,
        ...topology,
      ],
    });
  } finally {
    ipBatch([`link delete ${prefix}r`], { ignoreErrors: true });
    ipBatch(
      names.map((name) => `netns delete ${name}`),
      { ignoreErrors: true },
    );
    // Reading the list once more lets the extension forget the deleted namespaces.
    await api.tree.provider.getChildren().catch(() => []);
  }
}

/** What VS Code does to show the view: the top level, then the target's children, and a TreeItem for each node. */
async function paint(api: NetnsLabApi): Promise<{ ms: number; namespaces: string[] }> {
  const { provider } = api.tree;
  const start = performance.now();
  const top = await provider.getChildren();
  for (const node of top) provider.getTreeItem(node);
  const target = top.find((node) => node.kind === 'target');
  if (!target) throw new Error('the tree shows no target');
  const children: TreeNode[] = await provider.getChildren(target);
  for (const node of children) provider.getTreeItem(node);
  const ms = performance.now() - start;
  return { ms, namespaces: children.flatMap((node) => (node.kind === 'namespace' && node.namespace !== null ? [node.namespace] : [])) };
}

/**
 * What VS Code does when a namespace is expanded: its children, and a TreeItem for each. Checks that each veth
 * shows the peer it has (`interface → "namespace/peer"`), so that a fast but wrong answer cannot count.
 */
async function expand(api: NetnsLabApi, namespace: string, peers: Record<string, string>): Promise<number> {
  const { provider } = api.tree;
  const target = (await provider.getChildren()).find((node) => node.kind === 'target');
  const node = (await provider.getChildren(target)).find((child) => child.kind === 'namespace' && child.namespace === namespace);
  if (!node) throw new Error(`${namespace} is not in the tree`);
  const start = performance.now();
  const children = await provider.getChildren(node);
  const items = children.map((child) => [child, provider.getTreeItem(child)] as const);
  const ms = performance.now() - start;
  for (const [name, peer] of Object.entries(peers)) {
    const shown = items.find(([child]) => child.kind === 'interface' && child.link.name === name)?.[1].description;
    if (typeof shown !== 'string' || !shown.includes(`peer: ${peer}`)) throw new Error(`${namespace}/${name} shows ${JSON.stringify(shown)}, not peer ${peer}`);
  }
  return ms;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Waits until the CPUs are mostly idle (or the limit passes); says how it ended. */
async function waitForQuietMachine(): Promise<string> {
  const start = performance.now();
  let before = cpuTimes();
  for (;;) {
    await sleep(QUIET_SAMPLE_MS);
    const after = cpuTimes();
    const idleShare = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    const waited = ((performance.now() - start) / 1000).toFixed(1);
    if (idleShare >= QUIET_IDLE_SHARE) return `CPUs ${Math.round(idleShare * 100)}% idle after ${waited} s`;
    if (performance.now() - start > QUIET_WAIT_LIMIT_MS) return `CPUs still busy (${Math.round(idleShare * 100)}% idle) after ${waited} s`;
    before = after;
  }
}

/** Idle and total jiffies of all CPUs, from /proc/stat. */
function cpuTimes(): { idle: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/u).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait count as idle.
  return { idle: fields[3]! + (fields[4] ?? 0), total: fields.slice(0, 8).reduce((sum, value) => sum + value, 0) };
}

function report(result: { prefix: string; count: number; others: number; createMs: number; activeBefore: boolean; quiet: string; figures: Figure[] }): void {
  const width = Math.max(...result.figures.map((figure) => figure.label.length));
  const lines = [
    result.count === 0
      ? `Netns Lab editor benchmark: VS Code ${vscode.version} (code-server), the Topology panel's figures only`
      : `Netns Lab editor benchmark: VS Code ${vscode.version} (code-server), ${result.count} namespaces ${result.prefix}-* ` +
        `(+${result.others} others on the machine; made with one ip -batch in ${result.createMs.toFixed(0)} ms)`,
    `  measured on a settled machine: before activation: ${result.quiet}`,
    ...result.figures.map((figure) => {
      const verdict = figure.targetMs === undefined ? '' : `   target <= ${figure.targetMs} ms: ${figure.ms <= figure.targetMs ? 'met' : 'MISSED'}`;
      return `  ${figure.label.padEnd(width)}  ${figure.ms.toFixed(1).padStart(7)} ${figure.unit ?? 'ms'}${verdict}`;
    }),
  ];
  console.log(lines.join('\n'));
}
