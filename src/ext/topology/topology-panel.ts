/**
 * One picture in an editor panel: reads it (the core's `GraphReader`), sends it to the page whole and then as patches when
 * its target changes, keeps where the user dragged nodes (`positions-store.ts`), and does what the page asks: reveal
 * a selection in the tree, run a command on a node, connect two namespaces.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { GraphReader, GraphReading } from '../../core/graph/read.js';
import type { NamespaceName } from '../../core/model.js';
import type { HostChange, Services } from '../services.js';
import type { TopologySubject } from '../view-model/topology-arguments.js';
import { subjectTitle } from '../view-model/topology-arguments.js';
import { diffTopology, isEmptyPatch } from '../view-model/topology-diff.js';
import { topologyElements, type TopologyElement, type TopologyNodeData } from '../view-model/topology-elements.js';
import { isTopologyPageMessage, TOPOLOGY_ACTION_COMMANDS, type TopologyPageReport, type TopologyPageToPanel, type TopologyPanelToPage } from '../view-model/topology-messages.js';
import { topologyPageHtml } from '../view-model/topology-page.js';
import { PictureFollower } from './follow.js';
import type { PositionsStore } from './positions-store.js';
import { prepareStartingPositions, startingPositions } from '../view-model/topology-start-positions.js';
import { bannerOf } from './banner.js';

/** How long the first read waits for the watch of changes to listen (it takes milliseconds where Python runs). */
const FOLLOW_START_LIMIT_MS = 500;
/** Changes that come together are read together. */
const CHANGE_BATCH_MS = 20;

export interface TopologyPanelOptions {
  services: Services;
  subject: TopologySubject;
  source: GraphReader;
  positions: PositionsStore;
  extensionUri: vscode.Uri;
  /** The user selected a namespace or interface in the picture; says how selecting it in the tree went. */
  onSelected: (panel: TopologyPanel, node: TopologyNodeData) => Promise<string>;
  /** The user asked for a veth pair between two nodes' namespaces. */
  onConnect: (panel: TopologyPanel, from: TopologyNodeData, to: TopologyNodeData) => void;
}

export class TopologyPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** When the page reported each picture or patch painted (its Date.now()), the first picture first. */
  readonly drawn: number[] = [];
  private elements: TopologyElement[] = [];
  private readonly follower: PictureFollower;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reports = new Map<number, (report: TopologyPageReport) => void>();
  private readonly drawnWaiters: Array<() => void> = [];
  private nextReport = 1;
  private pageReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.pageReady = resolve));
  /** Changes not read yet (`namespaces` undefined: anything); one read takes all that came meanwhile. */
  private pendingChange: { namespaces?: Set<NamespaceName>; since: number } | undefined;
  private changeTimer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();
  private disposed = false;
  /** When the panel was made (Date.now()), and how the page's loading went after it (for the log). */
  private readonly createdAt = Date.now();
  private pageLoading = '';

  constructor(private readonly options: TopologyPanelOptions) {
    const { services, subject, extensionUri } = options;
    this.panel = vscode.window.createWebviewPanel('netnsLab.topology', subjectTitle(subject, services.where(subject.targetId).suffix), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    });
    const webview = this.panel.webview;
    const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'topology-view.js')).toString();
    webview.html = topologyPageHtml({ cspSource: webview.cspSource, scriptUri, nonce: randomBytes(18).toString('hex') });
    this.follower = new PictureFollower(services, subject.targetId);
    this.disposables.push(
      this.follower,
      webview.onDidReceiveMessage((message: unknown) => {
        if (isTopologyPageMessage(message)) void this.answer(message);
      }),
      services.onDidChangeHost((change) => this.onHostChanged(change)),
    );
    this.panel.onDidDispose(() => this.dispose());
  }

  get subject(): TopologySubject {
    return this.options.subject;
  }

  /** Reads the picture and sends it whole once the page listens. */
  start(): Promise<void> {
    this.reading = this.sendFirst();
    return this.reading;
  }

  private async sendFirst(): Promise<void> {
    const start = performance.now();
    const loading = this.options.positions.load();
    const upcoming = await this.options.source.upcoming().catch(() => []);
    prepareStartingPositions(upcoming.length);
    // Following first: what changes from then on is seen, so the picture never has to be read twice.
    await this.follower.start(upcoming, FOLLOW_START_LIMIT_MS);
    const following = performance.now();
    const [reading, positions] = await Promise.all([this.readOrReport(), loading]);
    const read = performance.now();
    this.elements = reading ? this.elementsOf(reading) : [];
    const made = performance.now();
    // Laid out while the page may still be loading.
    const starting = reading ? await startingPositions(reading.graph, positions) : positions;
    const placed = performance.now();
    await this.ready;
    const ready = performance.now();
    await this.post({ type: 'graph', elements: this.elements, positions: starting, planned: reading?.planned ?? false, banner: reading ? bannerOf(this.subject, reading) : this.failure });
    const steps = reading ? `${stepTimes(reading.timings)}, ${reading.namespacesRead} namespaces` : 'failed';
    this.timings =
      `following after ${(following - start).toFixed(0)} ms, read in ${(read - following).toFixed(0)} ms (${steps}), elements ${(made - read).toFixed(0)} ms, starting positions ${(placed - made).toFixed(0)} ms, ` +
      `page ready after ${(ready - start).toFixed(0)} ms (after the panel was made: ${this.pageLoading}), posted after ${(performance.now() - start).toFixed(0)} ms`;
    this.follower.follow(this.options.source.namespaces());
  }

  /** Resolves at the next report of a painted picture; its time (the page's Date.now()). */
  nextDrawn(): Promise<number> {
    return new Promise((resolve) => this.drawnWaiters.push(() => resolve(this.drawn.at(-1)!)));
  }

  /** What the page draws now (for tests and the benchmark), after what was sent before has been applied. */
  async pageReport(): Promise<TopologyPageReport> {
    await this.ready;
    await this.reading;
    const id = this.nextReport++;
    const answer = new Promise<TopologyPageReport>((resolve) => this.reports.set(id, resolve));
    await this.post({ type: 'report', id });
    return answer;
  }

  /** Selects an element in the picture (from the tree). */
  select(id: string): void {
    void this.post({ type: 'select', id });
  }

  /** Fits the whole picture into the panel. */
  fit(): void {
    void this.post({ type: 'fit' });
  }

  /** True when the picture holds this element. */
  shows(id: string): boolean {
    return this.elements.some((element) => element.data.id === id);
  }

  /** A node of the picture, as last sent. */
  node(id: string): TopologyNodeData | undefined {
    const element = this.elements.find((candidate) => candidate.data.id === id);
    return element?.group === 'nodes' ? element.data : undefined;
  }

  get source(): GraphReader {
    return this.options.source;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.changeTimer);
    void this.options.positions.flush();
    vscode.Disposable.from(...this.disposables).dispose();
    this.panel.dispose();
  }

  private failure: string | undefined;
  /** How long the first picture's read and the page's loading took, for the log. */
  private timings = '';
  /** Where the first picture's time went (for the log and the benchmark). */
  firstPicture = '';
  /** How selecting the picture's last selection in the Namespaces view went (for tests). */
  treeSelection = '';
  /** Where the last update's time went (for the benchmark). */
  lastUpdate = '';

  private async readOrReport(changed?: NamespaceName[]): Promise<GraphReading | undefined> {
    try {
      const reading = await this.options.source.read(changed);
      this.failure = undefined;
      return reading;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.options.services.log.info(`Topology picture: ${text}`);
      this.failure = `Could not read the picture: ${text}`;
      return undefined;
    }
  }

  private elementsOf(reading: GraphReading): TopologyElement[] {
    return topologyElements(reading.graph, { groupLabs: this.subject.lab === undefined && this.subject.file === undefined });
  }

  private onHostChanged(change: HostChange): void {
    if (change.targetId !== this.subject.targetId || this.disposed) return;
    const pending = (this.pendingChange ??= { namespaces: new Set(), since: Date.now() });
    if (!change.namespaces) pending.namespaces = undefined;
    else for (const namespace of change.namespaces) pending.namespaces?.add(namespace);
    this.changeTimer ??= setTimeout(() => {
      this.changeTimer = undefined;
      // After the read under way: it takes every change that came meanwhile, so reads never queue up.
      this.reading = this.reading.then(() => this.applyPending());
    }, CHANGE_BATCH_MS);
  }

  private async applyPending(): Promise<void> {
    const change = this.pendingChange;
    this.pendingChange = undefined;
    if (change) await this.update(change.namespaces && [...change.namespaces], change.since);
  }

  /** Reads again and sends what changed; a failed read says so in the banner and keeps the picture. */
  private async update(changed: NamespaceName[] | undefined, since = Date.now()): Promise<void> {
    const start = performance.now();
    const waited = Date.now() - since;
    const reading = await this.readOrReport(changed);
    if (this.disposed) return;
    if (!reading) return void (await this.post({ type: 'patch', patch: { add: [], remove: [], update: [] }, planned: false, banner: this.failure }));
    const read = performance.now();
    const elements = this.elementsOf(reading);
    const patch = diffTopology(this.elements, elements);
    this.elements = elements;
    this.follower.follow(this.options.source.namespaces());
    const diffed = performance.now();
    this.lastUpdate = `heard at ${since}, waited ${waited} ms, read ${reading.namespacesRead} of ${changed?.length ?? 'all'} named namespaces in ${(read - start).toFixed(0)} ms (${stepTimes(reading.timings)}), elements and patch ${(diffed - read).toFixed(0)} ms`;
    if (isEmptyPatch(patch)) return;
    await this.post({ type: 'patch', patch, planned: reading.planned, banner: bannerOf(this.subject, reading) });
  }

  /** Does what the page asked; public so that a program (a test) can act as the page's user. */
  async answer(message: TopologyPageToPanel): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageLoading = Object.entries(message.loading ?? {})
          .map(([step, at]) => `${step} ${at - this.createdAt} ms`)
          .join(', ');
        return this.pageReady();
      case 'drawn':
        if (this.drawn.length === 0) {
          this.firstPicture = `${message.nodes} nodes: ${this.timings}; the page drew it in ${message.layoutMs.toFixed(0)} ms (${stepTimes(message.steps ?? {})})`;
          this.options.services.log.info(`Topology picture of ${this.firstPicture}`);
        }
        this.drawn.push(message.at);
        for (const waiter of this.drawnWaiters.splice(0)) waiter();
        return;
      case 'shown': {
        const { id, type: _type, ...report } = message;
        this.reports.get(id)?.(report);
        this.reports.delete(id);
        return;
      }
      case 'moved':
        return this.options.positions.save(message.positions);
      case 'selected': {
        const node = this.node(message.id);
        this.treeSelection = node ? await this.options.onSelected(this, node) : `${message.id}: not in the picture`;
        return;
      }
      case 'connect': {
        const [from, to] = [this.node(message.from), this.node(message.to)];
        if (from && to) this.options.onConnect(this, from, to);
        return;
      }
      case 'action':
        return this.runAction(message.command, message.id);
    }
  }

  /** Runs a command of the page's menu with the node as a tree node would give it. */
  private async runAction(command: string, id: string): Promise<void> {
    const node = this.node(id);
    if (!node || node.namespace === undefined || !(TOPOLOGY_ACTION_COMMANDS as readonly string[]).includes(command)) return;
    const { targetId } = this.subject;
    if (!this.source.has(node.namespace)) {
      void vscode.window.showInformationMessage(`${node.title} is not in the kernel yet: deploy the lab first`);
      return;
    }
    if (node.interface === undefined) return void (await vscode.commands.executeCommand(command, { kind: 'namespace', targetId, namespace: node.namespace }));
    const found = this.source.link(node.namespace, node.interface);
    if (!found) return void vscode.window.showInformationMessage(`${node.title} is not in the kernel`);
    await vscode.commands.executeCommand(command, { kind: 'interface', targetId, namespace: node.namespace, link: found.link, ports: found.ports });
  }

  private async post(message: TopologyPanelToPage): Promise<void> {
    if (!this.disposed) await this.panel.webview.postMessage(message);
  }
}

/** Steps' milliseconds as text: "labs 3 ms, namespaces 180 ms". */
function stepTimes(steps: Record<string, number>): string {
  return Object.entries(steps)
    .map(([step, ms]) => `${step} ${ms.toFixed(0)} ms`)
    .join(', ');
}
