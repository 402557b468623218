/**
 * One capture in an editor panel: starts the core's capture (live, or a saved file read back), streams its
 * packets' rows to the page in batches, answers the page's requests (a packet's details, pause, stop, clear, save,
 * Wireshark), and stops the capture when the panel closes. The packets themselves stay in the core's ring
 * (bounded); the page keeps only rows. A capture that fails, at its start or later, says why in the panel.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Capture, CapturedPacket } from '../../core/capture/capture.js';
import type { Log } from '../log.js';
import { capturePageHtml } from '../view-model/capture-page.js';
import { isPageMessage, packetDetails, packetRow, type CaptureRunState, type PacketRow, type PageToPanel, type PanelToPage } from '../view-model/capture-rows.js';
import { writePcap } from './pcap-export.js';
import { findOnPath, type WiresharkFiles } from './wireshark.js';

/** Packets kept, in the core's ring and in the page's list: 100,000 stay smooth in the list. */
export const CAPTURE_PANEL_LIMIT = 100_000;
/** Rows wait this long to go to the page together: one message per batch, not per packet. */
const BATCH_MS = 30;
const DRAWN_KEPT = 1_000;

/** What the page shows, as it answers a `report` (for tests and the latency benchmark). */
export interface CapturePageReport {
  rows: number;
  matching: number;
  summaries: string[];
  filter: string;
  /** The state beside the buttons: `Capturing`, `Stopped: 12 packets`, `The capture failed`. */
  status: string;
  /** The error line where the packets would be ('' when there is none). */
  error: string;
}

/** Where a panel's packets come from: a live capture on a target, or a saved file read back. */
export interface CaptureSource {
  kind: 'live' | 'file';
  /** The panel's title: `Capture ns1:veth0 on lab1`, `ping.pcap`. */
  title: string;
  /** Starts the capture; it keeps `keepRecent` packets and calls `onPacket` with each, in order. */
  start(keepRecent: number, onPacket: (packet: CapturedPacket) => void): Promise<Capture>;
}

export interface CapturePanelOptions {
  source: CaptureSource;
  extensionUri: vscode.Uri;
  log: Log;
  wiresharkFiles: WiresharkFiles;
}

export class CapturePanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private capture: Capture | undefined;
  private state: CaptureRunState = 'starting';
  private stateMessage: string | undefined;
  private pending: PacketRow[] = [];
  private batchTimer: NodeJS.Timeout | undefined;
  /** Packets up to this number were cleared from the view, and are neither shown nor saved. */
  private clearedThrough = 0;
  private wireshark: string | undefined;
  /** The page's answers still awaited (`shown`, `scrolled`), by the id of the question. */
  private readonly answers = new Map<number, (answer: PageToPanel) => void>();
  private nextReport = 1;
  private readonly pageReady: Promise<void>;
  private disposed = false;
  /** When recent batches of rows were on screen (for the latency benchmark), at most DRAWN_KEPT of them. */
  private readonly drawn: Array<{ first: number; last: number; at: number }> = [];
  /** Messages posted before the page listens are lost: rows wait for it. */
  private pageListening = false;

  constructor(private readonly options: CapturePanelOptions) {
    this.panel = vscode.window.createWebviewPanel('netnsLab.capture', options.source.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(options.extensionUri, 'dist')],
    });
    const webview = this.panel.webview;
    const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, 'dist', 'capture-view.js')).toString();
    webview.html = capturePageHtml({ cspSource: webview.cspSource, scriptUri, nonce: randomBytes(18).toString('hex'), limit: CAPTURE_PANEL_LIMIT });
    this.pageReady = new Promise((resolve) => {
      webview.onDidReceiveMessage((message: unknown) => {
        if (!isPageMessage(message)) return;
        if (message.type === 'ready') {
          this.pageListening = true;
          resolve();
        }
        void this.onPageMessage(message);
      });
    });
    this.panel.onDidDispose(() => void this.dispose());
  }

  /**
   * Starts capturing. A failure to start (no tcpdump, no such interface, a filter tcpdump refuses, root refused)
   * stays in the panel, in one line where the packets would be, and is thrown to the command, which shows it in a
   * notification; one later (tcpdump ends with an error) is shown in both here.
   */
  async start(): Promise<void> {
    this.wireshark = await findOnPath('wireshark');
    this.sendState();
    try {
      this.capture = await this.options.source.start(CAPTURE_PANEL_LIMIT, (packet) => this.onPacket(packet));
      await this.capture.ready;
    } catch (error) {
      this.setState('failed', oneLine(error));
      throw error;
    }
    if (this.disposed) return void (await this.capture.stop());
    const file = this.options.source.kind === 'file';
    this.setState(file ? 'reading' : 'capturing');
    this.capture.done.then(
      (end) => this.setState('stopped', file ? `${end.packets} packets read${end.packets > CAPTURE_PANEL_LIMIT ? `, the last ${CAPTURE_PANEL_LIMIT} kept` : ''}` : `${end.packets} packets`),
      (error: unknown) => {
        this.options.log.error(`${this.options.source.title} failed`, error);
        this.setState('failed', oneLine(error));
        void vscode.window.showErrorMessage(`${this.options.source.title}: ${oneLine(error)}`);
      },
    );
  }

  /** What the page shows now, once the rows sent so far have arrived and been drawn. */
  async pageReport(): Promise<CapturePageReport> {
    await this.pageReady;
    this.flush();
    const id = this.nextReport++;
    const answer = new Promise<PageToPanel>((resolve) => this.answers.set(id, resolve));
    await this.post({ type: 'report', id });
    const { type, id: _, ...report } = (await answer) as Extract<PageToPanel, { type: 'shown' }>;
    return report;
  }

  /**
   * Has the page scroll its list by itself, `rowsPerFrame` rows a frame for `frames` frames, and returns the
   * milliseconds between its frames (for the smoothness benchmark), with the page's JS heap when it tells.
   */
  async scrollFrames(frames: number, rowsPerFrame: number): Promise<{ frameMs: number[]; heapBytes?: number }> {
    await this.pageReady;
    this.flush();
    const id = this.nextReport++;
    const answer = new Promise<PageToPanel>((resolve) => this.answers.set(id, resolve));
    await this.post({ type: 'scroll', id, frames, rowsPerFrame });
    const { frameMs, heapBytes } = (await answer) as Extract<PageToPanel, { type: 'scrolled' }>;
    return heapBytes === undefined ? { frameMs } : { frameMs, heapBytes };
  }

  /** Selects a packet in the list, as a click would: the page then shows its fields and bytes. */
  async select(number: number): Promise<void> {
    await this.pageReady;
    this.flush();
    await this.post({ type: 'select', number });
  }

  /** For each kept packet whose row the page reported drawn: milliseconds from its capture timestamp to the screen. */
  wireToScreenMs(): number[] {
    const wire = new Map(this.packets().map((packet) => [packet.number, packet.seconds * 1000 + packet.nanoseconds / 1e6]));
    return this.drawn.flatMap(({ first, last, at }) => {
      const delays: number[] = [];
      for (let number = first; number <= last; number++) {
        const seen = wire.get(number);
        if (seen !== undefined) delays.push(at - seen);
      }
      return delays;
    });
  }

  /** Writes the kept packets (those not cleared) to a pcap file. */
  async savePcap(path: string): Promise<number> {
    const packets = this.packets();
    await writePcap(path, packets);
    return packets.length;
  }

  async stop(): Promise<void> {
    await this.capture?.stop();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.batchTimer);
    this.pending = [];
    this.panel.dispose();
    await this.capture?.stop();
    // Its ring goes too, even if something still holds on to the closed panel.
    this.capture = undefined;
  }

  private onPacket(packet: CapturedPacket): void {
    this.pending.push(packetRow(packet));
    if (this.pending.length > CAPTURE_PANEL_LIMIT) this.pending.splice(0, this.pending.length - CAPTURE_PANEL_LIMIT);
    this.batchTimer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    if (this.pending.length === 0 || this.disposed || !this.pageListening) return;
    const rows = this.pending;
    this.pending = [];
    void this.post({ type: 'rows', rows });
  }

  private async onPageMessage(message: PageToPanel): Promise<void> {
    try {
      await this.answer(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.options.log.info(`Capture panel: ${text}`);
      void vscode.window.showErrorMessage(text);
    }
  }

  /** Does what the page asked (its buttons, a selection); public so that a program can press the buttons too. */
  async answer(message: PageToPanel): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.sendState();
        return this.flush();
      case 'select': {
        const packet = message.number > this.clearedThrough ? this.capture?.packet(message.number) : undefined;
        return void (await this.post({ type: 'details', details: packet && packetDetails(packet) }));
      }
      case 'pause':
        this.capture?.pause();
        return this.setState('paused');
      case 'resume':
        this.capture?.resume();
        return this.setState(this.options.source.kind === 'file' ? 'reading' : 'capturing');
      case 'stop':
        this.capture?.resume();
        return this.stop();
      case 'clear':
        this.clearedThrough = this.capture?.recent().at(-1)?.number ?? 0;
        this.pending = [];
        return void (await this.post({ type: 'clear' }));
      case 'save':
        return this.saveAs();
      case 'wireshark':
        return void (await this.showInWireshark());
      case 'drawn':
        this.drawn.push({ first: message.first, last: message.last, at: message.at });
        if (this.drawn.length > DRAWN_KEPT) this.drawn.shift();
        return;
      case 'shown':
      case 'scrolled':
        this.answers.get(message.id)?.(message);
        this.answers.delete(message.id);
        return;
    }
  }

  private async saveAs(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `capture-${new Date().toISOString().replace(/[:.]/gu, '-').slice(0, 19)}.pcap`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { 'Packet capture': ['pcap'] },
      title: 'Save the capture as pcap',
    });
    if (!target) return;
    const count = await this.savePcap(target.fsPath);
    void vscode.window.showInformationMessage(`Saved ${count} packets to ${vscode.workspace.asRelativePath(target)}`);
  }

  /** Hands the kept packets to Wireshark in a file of our private folder; resolves with its path (for tests). */
  async showInWireshark(): Promise<string> {
    if (!this.wireshark) throw new Error('wireshark is not on the PATH: install it (apt-get install wireshark) to open captures in it');
    return this.options.wiresharkFiles.open(this.wireshark, (file) => this.savePcap(file));
  }

  /** The packets kept (the capture's ring, less those cleared), oldest first. */
  packets(): CapturedPacket[] {
    return (this.capture?.recent() ?? []).filter((packet) => packet.number > this.clearedThrough);
  }

  private setState(state: CaptureRunState, message?: string): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    this.state = state;
    this.stateMessage = message;
    this.flush();
    this.sendState();
  }

  private sendState(): void {
    const file = this.options.source.kind === 'file';
    const titles: Record<CaptureRunState, string> = {
      starting: 'Starting',
      capturing: 'Capturing',
      reading: 'Reading',
      paused: 'Paused',
      stopped: file ? 'Read' : 'Stopped',
      failed: file ? 'Cannot read the file' : 'The capture failed',
    };
    void this.post({ type: 'state', state: this.state, title: titles[this.state], message: this.stateMessage, wireshark: this.wireshark !== undefined });
  }

  private async post(message: PanelToPage): Promise<void> {
    if (!this.disposed) await this.panel.webview.postMessage(message);
  }
}

/** An error's first line: a panel and a notification show one line (the log keeps the rest). */
function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
