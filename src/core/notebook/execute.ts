/**
 * Running one notebook cell: its source as a shell script inside its namespace on the notebook's host, output
 * streamed as it comes, the real exit status, a timeout and cancellation that end the cell's whole process group.
 * Each cell runs in a fresh shell: nothing (variables, current folder) carries from one cell to the next, so a
 * cell means the same whatever ran before it, and re-running one cell is safe.
 */
import { namespaceExecArgv } from '../changes/operations.js';
import type { Readable, Writable } from 'node:stream';
import { CancelledError, NetnsLabError, TimeoutError } from '../errors.js';
import type { BackgroundProcesses } from '../host/background.js';
import type { Host } from '../host/host.js';
import { isLocalTarget } from '../host/ssh-target.js';
import type { LinkInfo, NamespaceName } from '../model.js';
import { readNamespace } from '../state/read.js';
import { detectIpQuery, ipTablePayload, type IpTablePayload } from './ip-output.js';
import { cellNamespace } from './cell-namespace.js';
import { isCheckCell, runCheckCell } from './check-cell.js';
import { CellCapture, type CellPacketsPayload } from './cell-capture.js';
import type { NotebookCell, NotebookOptions } from './model.js';
import type { ChecksPayload } from '../checks/model.js';
import type { StateDiff } from '../state/diff.js';
import { diffSinceBaseline, readDiffBaseline } from './cell-diff.js';
import { readCellPicture, type CellPicture } from './cell-picture.js';

export { cellNamespace } from './cell-namespace.js';

export interface CellRun {
  exitCode: number;
  /**
   * The start of standard output as text (at most TABLE_SOURCE_LIMIT bytes), for the table; the whole output
   * went to the `stdout` sink.
   */
  stdout: string;
  durationMs: number;
  /** Why the cell failed when its exit status alone does not say it: it timed out, its shell died, it was refused. */
  failure?: string;
  /** When the cell showed interfaces, addresses, routes or neighbours with `ip`: the same as structured data. */
  table?: IpTablePayload;
  /** A check cell's results (its output is one line per check; the cell fails when one fails). */
  checks?: ChecksPayload;
  /** What the cell changed in the namespaces it touched, when its diff was asked for (CellRunOptions.diff, `diff=`). */
  diff?: StateDiff;
  /** What the cell's `capture` option caught while it ran. */
  packets?: CellPacketsPayload;
  /** The network its `picture` option names, read after it ran. */
  picture?: CellPicture;
}

export interface CellRunOptions {
  signal?: AbortSignal;
  /** Where the cell's standard output goes, as bytes; the cell waits for it (backpressure). Never ended. */
  stdout?: Writable;
  /** Where the cell's standard error goes, as bytes. Never ended. */
  stderr?: Writable;
  /** Output of processes the cell left in the background, after it ended. */
  onLateOutput?: (stream: 'stdout' | 'stderr', bytes: Buffer) => void;
  /** Follows what the cell leaves running in the background, so its owner can end it. */
  background?: BackgroundProcesses;
  /** Overrides the namespace of every cell (the command line's --netns). */
  namespaceOverride?: NamespaceName;
  /** Check cells: how long a check without its own timeout retries, in milliseconds. */
  checkTimeoutMs?: number;
  /** Whether cells show what they changed when their `diff=` option does not say (default: no). */
  diff?: boolean;
  /** The notebook file's folder, which its front matter's `topology:` is relative to (for `picture=true`). */
  notebookDirectory?: string;
}

/** How much of a cell's standard output is kept as text for its table; larger outputs get no table. */
export const TABLE_SOURCE_LIMIT = 1024 * 1024;

/** The exit status of a cell that failed without an exit status of its own (timed out, shell died, refused). */
export const FAILED_WITHOUT_STATUS = 255;

/**
 * Refuses to run a notebook whose front matter names another host on this machine: its cells would change the
 * wrong machine. Callers that run it on the named target's host skip this check.
 */
export function checkTargetIsLocal(notebook: NotebookOptions, where = 'here'): void {
  if (isLocalTarget(notebook.target)) return;
  throw new NetnsLabError(
    `This notebook's target is ${JSON.stringify(notebook.target)}, and it cannot run ${where}: run it with netns-lab run (which connects to the target), or remove "target" from its front matter`,
  );
}

/** The argv that runs a cell: `sh -c` for sh cells, bash for the others, inside the namespace. */
function cellArgv(cell: Pick<NotebookCell, 'source' | 'language'>, namespace: NamespaceName): string[] {
  const shell = cell.language === 'sh' ? 'sh' : 'bash';
  return namespaceExecArgv(namespace, [shell, '-c', cell.source, `netns-lab-cell`]);
}

/**
 * Runs one code cell in a shell of its own and resolves with its exit status, decided when that shell exits,
 * whoever still holds its output: a failed cell (non-zero, timed out, its shell killed) is not an exception.
 * Only cancellation rejects, with CancelledError.
 */
export async function runCell(host: Host, cell: NotebookCell, notebook: NotebookOptions, options: CellRunOptions = {}): Promise<CellRun> {
  const run = await runCellItself(host, cell, notebook, options);
  const subject = cell.options?.picture;
  if (subject === undefined || cell.problem) return run;
  try {
    run.picture = await readCellPicture(host, subject, notebook, options.notebookDirectory);
  } catch (error) {
    if (!(error instanceof NetnsLabError)) throw error;
    // The cell asked for a picture it cannot have (a lab not deployed, a typo): that fails it, with the reason.
    run.failure ??= `its picture could not be read: ${error.message}`;
    if (run.exitCode === 0) run.exitCode = FAILED_WITHOUT_STATUS;
  }
  return run;
}

/** Runs a cell without its picture: see runCell. */
async function runCellItself(host: Host, cell: NotebookCell, notebook: NotebookOptions, options: CellRunOptions): Promise<CellRun> {
  if (cell.problem) return { exitCode: FAILED_WITHOUT_STATUS, stdout: '', durationMs: 0, failure: cell.problem };
  const namespace = cellNamespace(cell, notebook, options.namespaceOverride);
  if (isCheckCell(cell)) return { stdout: '', ...(await runCheckCell(host, cell, namespace, { signal: options.signal, stdout: options.stdout, timeoutMs: options.checkTimeoutMs })) };
  const endpoints = cell.options?.capture;
  if (endpoints === undefined || endpoints.length === 0) return runShellCell(host, cell, namespace, options);
  let capture: CellCapture;
  try {
    capture = await CellCapture.start(host, endpoints);
  } catch (error) {
    if (!(error instanceof NetnsLabError)) throw error;
    return { exitCode: FAILED_WITHOUT_STATUS, stdout: '', durationMs: 0, failure: `its capture could not start: ${error.message}` };
  }
  try {
    const run = await runShellCell(host, cell, namespace, options);
    run.packets = await capture.finish();
    return run;
  } finally {
    await capture.stop();
  }
}

/** Runs a shell cell's source in its namespace: see runCell. */
async function runShellCell(host: Host, cell: NotebookCell, namespace: NamespaceName, options: CellRunOptions): Promise<CellRun> {
  const timeoutSeconds = cell.options?.timeoutSeconds;
  const started = performance.now();
  try {
    const baseline = (cell.options?.diff ?? options.diff) ? await readDiffBaseline(host, cell.source, namespace) : undefined;
    const command = await host.start(cellArgv(cell, namespace), {
      signal: options.signal,
      timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
      onLateOutput: options.onLateOutput,
    });
    options.background?.add(command);
    const head = keepHead(command.stdout, TABLE_SOURCE_LIMIT);
    // The copies are waited for even when the command failed: the cell ends only once its sinks have all of it.
    const [exit] = await Promise.allSettled([command.exit, copyInto(command.stdout, options.stdout), copyInto(command.stderr, options.stderr)]);
    if (exit.status === 'rejected') throw exit.reason;
    const run: CellRun = { exitCode: exit.value.exitCode, stdout: head.text(), durationMs: exit.value.durationMs };
    if (run.exitCode === 0 && !head.truncated()) run.table = await tableFor(host, cell.source, namespace, run.stdout);
    // A failed cell may have changed some things before it failed: its diff says which.
    if (baseline) run.diff = await diffSinceBaseline(host, baseline);
    return run;
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    const failure = error instanceof TimeoutError ? `timed out after ${timeoutSeconds} s; its processes were stopped` : error instanceof NetnsLabError ? error.message : undefined;
    if (failure === undefined) throw error;
    return { exitCode: FAILED_WITHOUT_STATUS, stdout: '', durationMs: performance.now() - started, failure };
  }
}

/**
 * Passes a stream's bytes on to `sink` (or drops them), waiting for the sink; resolves once the sink has taken
 * the last of them (an empty write after the end is done only when every write before it is).
 */
function copyInto(source: Readable, sink: Writable | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    source.once('end', () => (sink && !sink.destroyed ? sink.write(Buffer.alloc(0), () => resolve()) : resolve()));
    source.once('error', reject);
    // A sink that fails (a reader gone: EPIPE) is dropped, and the rest is drained, so the cell's end is still seen.
    sink?.once('error', () => {
      source.unpipe(sink);
      source.resume();
    });
    if (sink) source.pipe(sink, { end: false });
    else source.resume();
  });
}

/** Watches a stream and keeps its first `limit` bytes. */
function keepHead(source: Readable, limit: number): { text(): string; truncated(): boolean } {
  const chunks: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  source.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (kept >= limit) return;
    const part = chunk.subarray(0, limit - kept);
    chunks.push(part);
    kept += part.length;
  });
  return { text: () => Buffer.concat(chunks).toString('utf8'), truncated: () => seen > limit };
}

/**
 * The structured form of a cell that is one `ip` show command: parsed from its own output when it printed usable
 * JSON (the cell is not run again), otherwise read with the same selection as JSON (a read-only query), since
 * ip's text output is not meant to be parsed. Veth peers are named from a read of the namespace, because one
 * `ip -j` output only has the peer's nsid. Undefined when the cell is not such a command or a read fails.
 */
async function tableFor(host: Host, source: string, namespace: NamespaceName, stdout: string): Promise<IpTablePayload | undefined> {
  const query = detectIpQuery(source);
  if (!query) return undefined;
  try {
    const payload = (query.json ? parseOrUndefined(query.kind, stdout) : undefined) ?? (await readAsJson(host, namespace, query.kind, query.jsonArgv));
    if (payload?.links?.some((link) => link.linkNetnsId !== undefined)) await namePeers(host, query.namespace ?? namespace, payload.links);
    return payload;
  } catch {
    return undefined;
  }
}

function parseOrUndefined(kind: IpTablePayload['kind'], text: string): IpTablePayload | undefined {
  try {
    return ipTablePayload(kind, text);
  } catch {
    return undefined; // e.g. `ip -j -br a`: brief JSON lacks what the table needs
  }
}

async function readAsJson(host: Host, namespace: NamespaceName, kind: IpTablePayload['kind'], jsonArgv: string[]): Promise<IpTablePayload | undefined> {
  const result = await host.run(namespaceExecArgv(namespace, jsonArgv));
  return result.exitCode === 0 ? ipTablePayload(kind, result.stdout) : undefined;
}

async function namePeers(host: Host, namespace: NamespaceName, links: LinkInfo[]): Promise<void> {
  const state = await readNamespace(host, namespace);
  for (const link of links) link.peer = state.links.find((candidate) => candidate.name === link.name)?.peer ?? link.peer;
}
