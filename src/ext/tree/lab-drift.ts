/**
 * Drift marks of the labs in the tree. Inspecting a lab reads each of its namespaces, so it runs only for a lab
 * node the view shows expanded, once, and again only when something says the result is stale: a change seen in
 * one of the lab's namespaces, the lab's record changing (other namespaces, a new deploy), or an explicit refresh.
 * A whole-view refresh (someone else's namespace appearing) does not re-inspect anything. An edit of a lab's file
 * (in its editor, or on disk) drops what was checked against the old text at once, so the tree never says "as the
 * file says" of a file that says something else now, or nothing valid.
 */
import * as vscode from 'vscode';
import { inspectLab, isInSync } from '../../core/labs/inspect.js';
import { readTopologyText } from '../../core/topology/load.js';
import { parseTopology } from '../../core/topology/parse.js';
import type { Topology } from '../../core/topology/model.js';
import { firstProblem, type LabDrift } from '../view-model/lab-describe.js';
import type { Services } from '../services.js';
import type { LabNode } from '../view-model/tree-nodes.js';

/** How long a file's edits may pause before its labs' marks are dropped and checked again. */
const FILE_SETTLE_MS = 250;

interface Check {
  /** The topology file checked against. */
  file: string;
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

  private readonly fileTimers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly services: Services) {
    vscode.workspace.onDidChangeTextDocument((event) => this.fileChangedSoon(event.document.uri), this, this.disposables);
    // Files changed outside the editor; one outside the workspace is seen again at the next Refresh.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.netns.yaml');
    this.disposables.push(watcher);
    for (const event of [watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete]) event((uri) => this.fileChangedSoon(uri), this, this.disposables);
  }

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
    const entry: Check = { file: node.file, drift: previous?.drift ?? { state: 'checking' }, fingerprint, stale: false, running: true };
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
    for (const timer of this.fileTimers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private fileChangedSoon(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const file = uri.fsPath;
    clearTimeout(this.fileTimers.get(file));
    this.fileTimers.set(
      file,
      setTimeout(() => this.fileChanged(file), FILE_SETTLE_MS),
    );
  }

  /** Forgets what was checked against the file, and says so: a lab shown expanded is then checked again. */
  private fileChanged(file: string): void {
    this.fileTimers.delete(file);
    for (const [key, entry] of this.checks) {
      if (entry.file !== file) continue;
      this.checks.delete(key);
      const [targetId, lab] = JSON.parse(key) as [string, string];
      this.changed.fire({ targetId, lab });
    }
  }

  private async inspect(node: LabNode, file: string): Promise<LabDrift> {
    try {
      const read = await readLabTopology(file);
      if (!read.topology) return { state: 'unknown', reason: `Not checked: ${read.problem}` };
      const { topology } = read;
      if (topology.lab !== node.lab) return { state: 'unknown', reason: `${file} now declares lab ${topology.lab}, not this one` };
      const inspection = await inspectLab(this.services.host(node.targetId), topology);
      return isInSync(inspection) ? { state: 'inSync' } : { state: 'drifted', inspection };
    } catch (error) {
      this.services.log.error(`Could not check lab ${node.lab} against ${file}`, error);
      return { state: 'unknown', reason: `Not checked against its file: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/**
 * The lab's topology as the user sees it (from its editor when it is open, unsaved edits included, as a deploy
 * would take it), or its first problem.
 */
async function readLabTopology(file: string): Promise<{ topology: Topology; problem?: undefined } | { topology?: undefined; problem: string }> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === file);
  const { topology, diagnostics } = parseTopology(open ? open.getText() : await readTopologyText(file));
  return topology ? { topology } : { problem: firstProblem(file, diagnostics) };
}

function checkKey(targetId: string, lab: string): string {
  return JSON.stringify([targetId, lab]);
}
