/**
 * A running cell's output in the editor: standard output and standard error as two outputs, each made at its
 * first bytes and appended to after that, in order. Each keeps a bounded amount (the first part as it streams,
 * then the last part, see BoundedOutput); what was left out is said, and the whole output is written to a file
 * the note names. The cell waits while the editor catches up: writes finish only when their text is appended.
 */
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as vscode from 'vscode';
import type { CellRun } from '../../core/notebook/execute.js';
import { CHECKS_MIME } from '../../core/checks/model.js';
import { IP_TABLE_MIME } from '../../core/notebook/ip-output.js';
import { PACKETS_MIME, packetSummaryLines } from '../../core/notebook/cell-capture.js';
import { picturePayload, TOPOLOGY_MIME } from '../../core/notebook/cell-picture.js';
import { toMermaid } from '../../core/graph/mermaid.js';
import { BoundedOutput, describeSize } from '../../core/notebook/output-budget.js';
import { DIFF_MIME, stateDiffLines } from '../../core/state/diff.js';

type StreamName = 'stdout' | 'stderr';

/** Where whole outputs that were too long to show are written; removed when the extension stops. */
let spoolFolder: string | undefined;

/** The file of each cell's last long output, so that the next run of the cell removes it. */
const spoolByCell = new Map<string, string>();

/** At most this much of one output is kept in its file: a cell that runs `yes` must not fill the disk. */
const SPOOL_LIMIT_BYTES = 256 * 1024 * 1024;

export function removeSpooledOutputs(): void {
  if (spoolFolder) rmSync(spoolFolder, { recursive: true, force: true });
  spoolFolder = undefined;
  spoolByCell.clear();
}

export class CellOutputs {
  readonly stdout: Writable;
  readonly stderr: Writable;
  private readonly outputs = new Map<StreamName, vscode.NotebookCellOutput>();
  private readonly bounded = { stdout: new BoundedOutput(), stderr: new BoundedOutput() };
  private readonly spools = new Map<StreamName, { stream: WriteStream; path: string; bytes: number }>();
  private readonly head = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  private queue: Thenable<void> = Promise.resolve();
  /** Text waiting for the append under way to finish, by stream. */
  private readonly waitingText = new Map<StreamName, string>();

  /**
   * @param cellLabel names the file of a long output (`cell-3`).
   * @param cellKey tells the cell apart across notebooks, so that a run removes the file of its previous run.
   */
  constructor(
    private readonly execution: vscode.NotebookCellExecution,
    private readonly cellLabel: string,
    private readonly cellKey: string,
  ) {
    this.stdout = this.sink('stdout');
    this.stderr = this.sink('stderr');
  }

  /** Appends what was kept from the end of long outputs, with a note of what was left out and where it all is. */
  async finish(): Promise<void> {
    for (const name of ['stdout', 'stderr'] as const) {
      // Writes still waiting in the sink come first: an empty write is done only when they are.
      await new Promise<void>((resolve) => this[name].write(Buffer.alloc(0), () => resolve()));
      const { omittedBytes, tail } = this.bounded[name].finish();
      const spool = this.spools.has(name) ? await this.closeSpool(name) : undefined;
      if (omittedBytes === 0) {
        if (spool) rmSync(spool.path, { force: true }); // all of it is shown: the copy is not needed
        if (tail) this.append(name, tail);
        continue;
      }
      const total = describeSize(this.bounded[name].total);
      const where = spool!.complete ? `the whole output is in ${spool!.path}` : `its first ${describeSize(SPOOL_LIMIT_BYTES)} are in ${spool!.path}`;
      this.append(name, `\n… ${describeSize(omittedBytes)} of ${total} left out here; ${where} …\n${tail}`);
    }
    await this.queue;
  }

  /**
   * The cell's standard output as a table, with the plain text inside the table's payload (the renderer's "Text"
   * switch shows it): one item only, so that no choice of presentation sticks to every later table.
   */
  async addTable(run: CellRun): Promise<void> {
    const table = { ...run.table!, text: run.stdout };
    await this.replaceStdout(vscode.NotebookCellOutputItem.json(table, IP_TABLE_MIME[table.kind]));
  }

  /** A check cell's results as the renderer's table, in place of their lines of text (the table says the same). */
  async addChecks(run: CellRun): Promise<void> {
    await this.replaceStdout(vscode.NotebookCellOutputItem.json(run.checks!, CHECKS_MIME));
  }

  /** What the cell changed, as the renderer's table, with its lines as plain text for other viewers. */
  async addDiff(run: CellRun): Promise<void> {
    await this.queue;
    const text = stateDiffLines(run.diff!).join('\n');
    await this.execution.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(run.diff!, DIFF_MIME), vscode.NotebookCellOutputItem.text(text)]));
  }

  private async replaceStdout(item: vscode.NotebookCellOutputItem): Promise<void> {
    await this.queue;
    const items = [item];
    const output = this.outputs.get('stdout');
    if (output) await this.execution.replaceOutputItems(items, output);
    else await this.execution.appendOutput(new vscode.NotebookCellOutput(items));
  }

  /** What the cell's capture caught, as its own output: a packet table, with the summary lines as plain text. */
  async addPackets(run: CellRun): Promise<void> {
    await this.queue;
    const items = [vscode.NotebookCellOutputItem.json(run.packets!, PACKETS_MIME), vscode.NotebookCellOutputItem.text(packetSummaryLines(run.packets!))];
    await this.execution.appendOutput(new vscode.NotebookCellOutput(items));
  }

  /** The picture the cell asked for, laid out here so the renderer only draws it; Mermaid text for other viewers. */
  async addPicture(run: CellRun): Promise<void> {
    const payload = await picturePayload(run.picture!);
    await this.queue;
    const items = [vscode.NotebookCellOutputItem.json(payload, TOPOLOGY_MIME), vscode.NotebookCellOutputItem.text(toMermaid(payload.graph))];
    await this.execution.appendOutput(new vscode.NotebookCellOutput(items));
  }

  private sink(name: StreamName): Writable {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        const text = this.bounded[name].push(chunk);
        if (text) this.append(name, text);
        const spooled = this.spoolOrRemember(name, chunk);
        // The cell waits while its text is still to be shown, and past the head while the file catches up.
        if (text)
          this.queue.then(
            () => done(),
            () => done(),
          );
        else
          spooled.then(
            () => done(),
            () => done(),
          );
      },
    });
    sink.on('error', () => undefined); // nothing to report: a lost append loses its text only
    return sink;
  }

  /**
   * Keeps the head in memory until the output proves long; from then on everything goes to a file. Resolves
   * when the file can take more.
   */
  private async spoolOrRemember(name: StreamName, chunk: Buffer): Promise<void> {
    const spool = this.spools.get(name) ?? (this.bounded[name].truncated ? this.openSpool(name) : undefined);
    if (!spool) return void this.head[name].push(chunk);
    if (spool.bytes >= SPOOL_LIMIT_BYTES) return;
    spool.bytes += chunk.length;
    return spool.stream.write(chunk) ? undefined : drained(spool.stream);
  }

  /** The file for the whole of a long output, with the head kept so far; the cell's previous one is removed. */
  private openSpool(name: StreamName): { stream: WriteStream; path: string; bytes: number } {
    spoolFolder ??= mkdtempSync(join(tmpdir(), 'netns-lab-output-'));
    const path = join(spoolFolder, `${this.cellLabel}-${Date.now()}.${name}`);
    const key = `${this.cellKey}\0${name}`;
    const previous = spoolByCell.get(key);
    if (previous) rmSync(previous, { force: true });
    spoolByCell.set(key, path);
    const stream = createWriteStream(path);
    stream.on('error', () => undefined); // a full disk loses the copy, not the cell
    const spool = { stream, path, bytes: 0 };
    for (const part of this.head[name].splice(0)) {
      spool.bytes += part.length;
      stream.write(part);
    }
    this.spools.set(name, spool);
    return spool;
  }

  private closeSpool(name: StreamName): Promise<{ path: string; complete: boolean }> {
    const spool = this.spools.get(name)!;
    this.spools.delete(name);
    return new Promise((resolve) => spool.stream.end(() => resolve({ path: spool.path, complete: spool.bytes < SPOOL_LIMIT_BYTES })));
  }

  /**
   * Appends text to the stream's output. Text that comes while an append is under way waits and goes in the next
   * one: each append makes the editor draw the output again, so fewer, larger appends keep a fast cell fast.
   */
  private append(name: StreamName, text: string): void {
    const waiting = this.waitingText.get(name);
    this.waitingText.set(name, (waiting ?? '') + text);
    if (waiting !== undefined) return;
    // An append the editor refuses (the cell was ended meanwhile) loses that text, not the ones after it.
    this.queue = this.queue.then(() => this.appendWaiting(name)).then(undefined, () => undefined);
  }

  private async appendWaiting(name: StreamName): Promise<void> {
    const text = this.waitingText.get(name) ?? '';
    this.waitingText.delete(name);
    const item = name === 'stdout' ? vscode.NotebookCellOutputItem.stdout(text) : vscode.NotebookCellOutputItem.stderr(text);
    const output = this.outputs.get(name);
    if (output) return this.execution.appendOutputItems(item, output);
    const created = new vscode.NotebookCellOutput([item]);
    this.outputs.set(name, created);
    return this.execution.appendOutput(created);
  }
}

/** Resolves when a file stream's buffer has room again (or it failed: a full disk loses the copy, not the cell). */
function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}
