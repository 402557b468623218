/**
 * Drift marks of the labs in the tree. Inspecting a lab reads each of its namespaces, so it runs only for a lab
 * node the view shows expanded, once, and again only when something says the result is stale: a change seen in
 * one of the lab's namespaces, the lab's record changing (other namespaces, a new deploy), or an explicit refresh.
 * A whole-view refresh (someone else's namespace appearing) does not re-inspect anything.
 */
import * as vscode from 'vscode';
import { inspectLab, isInSync } from '../../core/labs/inspect.js';
import { loadTopologyFile } from '../../core/topology/load.js';
import type { LabDrift } from '../labs/describe.js';
import type { Services } from '../services.js';
import type { LabNode } from './nodes.js';

interface Check {
  drift: LabDrift;
  /** What the lab was when checked: a record with other namespaces or another deploy time needs a new check. */
  fingerprint: string;
  stale: boolean;
  running: boolean;
}

export class LabDriftChecks implements vscode.Disposable {
  private readonly checks = new Map<string, Check>();
  private readonly changed = new vscode.EventEmitter<{ targetId: string; lab: string }>();
  /** A check finished: the lab's node shows something new. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {}

  /** What is known of the lab's drift; undefined when it has no file to check against or was not checked yet. */
  driftOf(node: LabNode): LabDrift | undefined {
    return node.file ? this.checks.get(checkKey(node.targetId, node.lab))?.drift : undefined;
  }

  /** Starts a check of the lab unless a current one is there or running. */
  check(node: LabNode): void {
    if (!node.file) return;
    const key = checkKey(node.targetId, node.lab);
    const fingerprint = JSON.stringify([node.file, node.namespaces, node.deployedAt]);
    const previous = this.checks.get(key);
    if (previous?.running) {
      if (previous.fingerprint !== fingerprint) previous.stale = true;
      return;
    }
    if (previous && !previous.stale && previous.fingerprint === fingerprint) return;
    const entry: Check = { drift: previous?.drift ?? { state: 'checking' }, fingerprint, stale: false, running: true };
    this.checks.set(key, entry);
    void this.inspect(node, node.file).then((drift) => {
      entry.drift = drift;
      entry.running = false;
      this.changed.fire({ targetId: node.targetId, lab: node.lab });
    });
  }

  /** Marks checks stale: of the labs `which` accepts, or every lab of the target; returns the labs marked. */
  invalidate(targetId: string, which?: (lab: string) => boolean): string[] {
    const invalidated: string[] = [];
    for (const [key, entry] of this.checks) {
      const [target, lab] = JSON.parse(key) as [string, string];
      if (target !== targetId || (which && !which(lab))) continue;
      entry.stale = true;
      invalidated.push(lab);
    }
    return invalidated;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async inspect(node: LabNode, file: string): Promise<LabDrift> {
    try {
      const topology = await loadTopologyFile(file);
      if (topology.lab !== node.lab) return { state: 'unknown', reason: `${file} now declares lab ${topology.lab}, not this one` };
      const inspection = await inspectLab(this.services.host(node.targetId), topology);
      return isInSync(inspection) ? { state: 'inSync' } : { state: 'drifted', inspection };
    } catch (error) {
      this.services.log.error(`Could not check lab ${node.lab} against ${file}`, error);
      return { state: 'unknown', reason: `Not checked against its file: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

function checkKey(targetId: string, lab: string): string {
  return JSON.stringify([targetId, lab]);
}
