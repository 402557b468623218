/**
 * Running one notebook cell: its source as a shell script inside its namespace on the notebook's host, output
 * streamed as it comes, the real exit status, a timeout and cancellation that end the cell's whole process group.
 * Each cell runs in a fresh shell: nothing (variables, current folder) carries from one cell to the next, so a
 * cell means the same whatever ran before it, and re-running one cell is safe.
 */
import { namespaceExecArgv } from '../changes/operations.js';
import { NetnsLabError } from '../errors.js';
import type { Host } from '../host/host.js';
import { isLocalTarget } from '../host/ssh-target.js';
import type { LinkInfo, NamespaceName } from '../model.js';
import { readNamespace } from '../state/read.js';
import { detectIpQuery, ipTablePayload, type IpTablePayload } from './ip-output.js';
import type { CellOptions, NotebookCell, NotebookOptions } from './model.js';

export interface CellRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** When the cell showed interfaces, addresses, routes or neighbours with `ip`: the same as structured data. */
  table?: IpTablePayload;
}

export interface CellRunOptions {
  signal?: AbortSignal;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Overrides the namespace of every cell (the command line's --netns). */
  namespaceOverride?: NamespaceName;
}

/** The namespace a cell runs in: its own option, else the notebook's default, else the root namespace. */
export function cellNamespace(cell: { options?: CellOptions }, notebook: NotebookOptions, override?: NamespaceName): NamespaceName {
  if (override !== undefined) return override;
  if (cell.options?.netns !== undefined) return cell.options.netns;
  return notebook.netns ?? null;
}

/**
 * Refuses to run a notebook whose front matter names another host on this machine: its cells would change the
 * wrong machine. Callers that run it on the named target's host skip this check.
 */
export function checkTargetIsLocal(notebook: NotebookOptions, where = 'here'): void {
  if (isLocalTarget(notebook.target)) return;
  throw new NetnsLabError(`This notebook's target is ${JSON.stringify(notebook.target)}, and it cannot run ${where}: run it with netns-lab run (which connects to the target), or remove "target" from its front matter`);
}

/** The argv that runs a cell: `sh -c` for sh cells, bash for the others, inside the namespace. */
function cellArgv(cell: Pick<NotebookCell, 'source' | 'language'>, namespace: NamespaceName): string[] {
  const shell = cell.language === 'sh' ? 'sh' : 'bash';
  return namespaceExecArgv(namespace, [shell, '-c', cell.source, `netns-lab-cell`]);
}

/** Runs one code cell and resolves with its exit status (non-zero is a failed cell, not an exception). */
export async function runCell(host: Host, cell: NotebookCell, notebook: NotebookOptions, options: CellRunOptions = {}): Promise<CellRun> {
  const namespace = cellNamespace(cell, notebook, options.namespaceOverride);
  const timeoutSeconds = cell.options?.timeoutSeconds;
  const result = await host.run(cellArgv(cell, namespace), {
    signal: options.signal,
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    onStdout: options.onStdout,
    onStderr: options.onStderr,
  });
  const run: CellRun = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, durationMs: result.durationMs };
  if (result.exitCode === 0) run.table = await tableFor(host, cell.source, namespace, result.stdout);
  return run;
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
