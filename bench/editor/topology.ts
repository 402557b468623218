/**
 * The Topology panel's figures, inside the real VS Code host (bench/editor/suite.ts runs them): for a deployed lab
 * of N namespaces joined in a chain by veths, the time from the command to the page's report that the first picture
 * is painted, and from an `ip` change in one of its namespaces to the page's report that the change is painted. The
 * first panel of a window waits for VS Code to make its first webview ready; the picture opened a second time shows
 * what a window that has made one before costs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TopologyPanel } from '../../src/ext/topology/topology-panel.js';

const FIRST_PICTURE_TARGETS_MS: Record<number, number> = { 100: 1_000, 500: 3_000 };
const UPDATE_TARGET_MS = 300;
const UPDATES = 5;

export interface TopologyFigure {
  label: string;
  ms: number;
  targetMs?: number;
}

/** Deploys a lab of `count` namespaces, opens its picture, changes it `UPDATES` times; removes the lab after. */
export async function topologyFigures(prefix: string, count: number): Promise<TopologyFigure[]> {
  const lab = `${prefix}-t${count}`;
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-bench-topology-'));
  const file = join(folder, `${lab}.netns.yaml`);
  writeFileSync(file, chainLab(lab, count));
  let panel: TopologyPanel | undefined;
  try {
    await vscode.commands.executeCommand('netnsLab.lab.deploy', { file });
    let first: number;
    [panel, first] = await firstPicture(lab, count);
    const updates: number[] = [];
    for (let round = 0; round < UPDATES; round++) updates.push(await updateMs(panel, `${lab}-n${String(round + 1).padStart(4, '0')}`, `10.99.${round}.9/32`));
    panel.dispose();
    let again: number;
    [panel, again] = await firstPicture(lab, count);
    return [
      { label: `topology panel, command to first picture, ${count}-namespace lab`, ms: first, targetMs: FIRST_PICTURE_TARGETS_MS[count] },
      { label: `topology panel, the same opened again`, ms: again, targetMs: FIRST_PICTURE_TARGETS_MS[count] },
      { label: `topology panel, ip change to updated picture, median of ${UPDATES} (${count} namespaces)`, ms: median(updates), targetMs: UPDATE_TARGET_MS },
      { label: `topology panel, ip change to updated picture, slowest of ${UPDATES}`, ms: Math.max(...updates), targetMs: UPDATE_TARGET_MS },
    ];
  } finally {
    panel?.dispose();
    await vscode.commands.executeCommand('netnsLab.lab.destroy', { lab }).then(undefined, () => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Opens the lab's picture; the panel and the milliseconds from the command to its first picture painted. */
async function firstPicture(lab: string, count: number): Promise<[TopologyPanel, number]> {
  const start = Date.now();
  const panel = await vscode.commands.executeCommand<TopologyPanel>('netnsLab.topology.show', { targetId: 'local', lab });
  const drawnAt = panel.drawn[0] ?? (await panel.nextDrawn());
  const shown = (await panel.pageReport()).nodes.filter((node) => node.id.startsWith(`ns:${lab}-`)).length;
  if (shown !== count) throw new Error(`the first picture showed ${shown} of the ${count} namespaces`);
  console.log(`[bench-editor] topology panel, ${count}-namespace lab, first picture of ${panel.firstPicture}`);
  return [panel, drawnAt - start];
}

/** Adds a second address to eth0 of a namespace and waits for the painted picture whose label counts it (`+1`). */
async function updateMs(panel: TopologyPanel, namespace: string, address: string): Promise<number> {
  const start = Date.now();
  const added = spawnSync('ip', ['-n', namespace, 'address', 'add', address, 'dev', 'eth0'], { encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`ip address add failed: ${added.stderr}`);
  for (;;) {
    const next = panel.nextDrawn();
    const report = await panel.pageReport();
    const node = report.nodes.find((candidate) => candidate.id === `if:${namespace}/eth0`);
    // The page reports a patch painted before it answers a report that came after it: the last report is this one's.
    if (node?.label.endsWith(' +1')) {
      const ms = panel.drawn.at(-1)! - start;
      console.log(`[bench-editor] topology panel, update of ${namespace} in ${ms} ms (changed at ${start}); the last read: ${panel.lastUpdate}`);
      return ms;
    }
    await next;
  }
}

/** `count` namespaces, each joined to the next by a veth with a /30 of its own. */
function chainLab(lab: string, count: number): string {
  const names = Array.from({ length: count }, (_, index) => `n${String(index).padStart(4, '0')}`);
  const links = names.slice(1).map((name, index) => {
    const base = index * 4;
    const subnet = `10.${100 + Math.floor(base / 65536)}.${Math.floor(base / 256) % 256}`;
    return `  - [${names[index]}:eth0 ${subnet}.${(base % 256) + 1}/30, ${name}:eth1 ${subnet}.${(base % 256) + 2}/30]`;
  });
  return `lab: ${lab}\nnamespaces: [${names.join(', ')}]\nlinks:\n${links.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
