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
        this.spoolOrRemember(name, chunk);
        this.queue.then(() => done(), done);
      },
    });
  }

  /** Keeps the head in memory until the output proves long; from then on everything goes to a file. */
  private spoolOrRemember(name: StreamName, chunk: Buffer): void {
    const spool = this.spools.get(name);
    if (spool) return void spool.stream.write(chunk);
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

  private append(name: StreamName, text: string): void {
    const item = name === 'stdout' ? vscode.NotebookCellOutputItem.stdout(text) : vscode.NotebookCellOutputItem.stderr(text);
    this.queue = this.queue.then(async () => {
      const output = this.outputs.get(name);
      if (output) return this.execution.appendOutputItems(item, output);
      const created = new vscode.NotebookCellOutput([item]);
      this.outputs.set(name, created);
      return this.execution.appendOutput(created);
    });
  }
}
