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
import { IP_TABLE_MIME } from '../../core/notebook/ip-output.js';
import { BoundedOutput, describeSize } from '../../core/notebook/output-budget.js';

type StreamName = 'stdout' | 'stderr';

/** Where whole outputs that were too long to show are written; removed when the extension stops. */
let spoolFolder: string | undefined;

export function removeSpooledOutputs(): void {
  if (spoolFolder) rmSync(spoolFolder, { recursive: true, force: true });
  spoolFolder = undefined;
}

export class CellOutputs {
  readonly stdout: Writable;
  readonly stderr: Writable;
  private readonly outputs = new Map<StreamName, vscode.NotebookCellOutput>();
  private readonly bounded = { stdout: new BoundedOutput(), stderr: new BoundedOutput() };
  private readonly spools = new Map<StreamName, { stream: WriteStream; path: string }>();
  private readonly head = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  private queue: Thenable<void> = Promise.resolve();
  /** Text waiting for the append under way to finish, by stream. */
  private readonly waitingText = new Map<StreamName, string>();

  constructor(
    private readonly execution: vscode.NotebookCellExecution,
    private readonly cellLabel: string,
  ) {
    this.stdout = this.sink('stdout');
    this.stderr = this.sink('stderr');
  }

  /** Appends what was kept from the end of long outputs, with a note of what was left out and where it all is. */
  async finish(): Promise<void> {
    for (const name of ['stdout', 'stderr'] as const) {
      const { omittedBytes, tail } = this.bounded[name].finish();
      if (omittedBytes === 0) {
        if (tail) this.append(name, tail);
        continue;
      }
      const spool = await this.closeSpool(name);
      const total = describeSize(this.bounded[name].total);
      this.append(name, `\n… ${describeSize(omittedBytes)} of ${total} left out here; the whole output is in ${spool} …\n${tail}`);
    }
    await this.queue;
  }

  /**
   * The cell's standard output as a table, with the plain text inside the table's payload (the renderer's "Text"
   * switch shows it): one item only, so that no choice of presentation sticks to every later table.
   */
  async addTable(run: CellRun): Promise<void> {
    await this.queue;
    const table = { ...run.table!, text: run.stdout };
    const items = [vscode.NotebookCellOutputItem.json(table, IP_TABLE_MIME[table.kind])];
    const output = this.outputs.get('stdout');
    if (output) await this.execution.replaceOutputItems(items, output);
    else await this.execution.appendOutput(new vscode.NotebookCellOutput(items));
  }

  private sink(name: StreamName): Writable {
    return new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        const text = this.bounded[name].push(chunk);
        if (text) this.append(name, text);
        const spooled = this.spoolOrRemember(name, chunk);
        // The cell waits while its text is still to be shown, and past the head while the file catches up.
        if (text) this.queue.then(() => done(), done);
        else spooled.then(() => done(), done);
      },
    });
  }

  /**
   * Keeps the head in memory until the output proves long; from then on everything goes to a file. Resolves
   * when the file can take more.
   */
  private async spoolOrRemember(name: StreamName, chunk: Buffer): Promise<void> {
    const spool = this.spools.get(name);
    if (spool) return spool.stream.write(chunk) ? undefined : drained(spool.stream);
    if (!this.bounded[name].truncated) return void this.head[name].push(chunk);
    spoolFolder ??= mkdtempSync(join(tmpdir(), 'netns-lab-output-'));
    const path = join(spoolFolder, `${this.cellLabel}-${Date.now()}.${name}`);
    const stream = createWriteStream(path);
    stream.on('error', () => undefined); // a full disk loses the copy, not the cell
    for (const part of this.head[name].splice(0)) stream.write(part);
    stream.write(chunk);
    this.spools.set(name, { stream, path });
  }

  private closeSpool(name: StreamName): Promise<string> {
    const spool = this.spools.get(name)!;
    return new Promise((resolve) => spool.stream.end(() => resolve(spool.path)));
  }

  /**
   * Appends text to the stream's output. Text that comes while an append is under way waits and goes in the next
   * one: each append makes the editor draw the output again, so fewer, larger appends keep a fast cell fast.
   */
  private append(name: StreamName, text: string): void {
    const waiting = this.waitingText.get(name);
    this.waitingText.set(name, (waiting ?? '') + text);
    if (waiting !== undefined) return;
    this.queue = this.queue.then(() => this.appendWaiting(name));
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
