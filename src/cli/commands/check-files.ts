/**
 * What `netns-lab check` runs per file: a topology's `checks:` against its deployed lab, or a notebook's check
 * cells, each after the cells above it have run (as `netns-lab run` would run them), so that a check sees the
 * lab the notebook has built by then.
 */
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import type { Check, CheckResult } from '../../core/checks/model.js';
import { runChecks } from '../../core/checks/run.js';
import { checkSubject } from '../../core/checks/subjects.js';
import { TopologyFileError } from '../../core/errors.js';
import type { Host } from '../../core/host/host.js';
import { isCheckCell, parseNotebookChecks } from '../../core/notebook/check-cell.js';
import type { NotebookCell } from '../../core/notebook/model.js';
import { readNotebookFile } from '../../core/notebook/notebook-file.js';
import { runNotebook } from '../../core/notebook/run-notebook.js';
import { loadTopologyFile } from '../../core/topology/load.js';
import type { CliContext } from '../context.js';

export interface FileCheckOptions {
  timeoutMs?: number;
  /** Called with each result as its cell (or file) is done. */
  onResults: (results: CheckResult[]) => void;
}

/** A topology file's checks, against the lab as deployed on the host. */
export async function checkTopologyFile(file: string, host: Host, context: CliContext, options: FileCheckOptions): Promise<CheckResult[]> {
  const topology = await loadTopologyFile(file);
  if (!topology.checks || topology.checks.length === 0) throw noChecks(file, 'a "checks:" section');
  const results = await runChecks(host, topology.checks, { timeoutMs: options.timeoutMs, signal: context.interrupts.signal });
  options.onResults(results);
  return results;
}

/** A notebook's check cells, each after the cells above it; checks below a failed cell are failed as not run. */
export async function checkNotebookFile(file: string, host: Host, context: CliContext, options: FileCheckOptions): Promise<CheckResult[]> {
  const notebook = await readNotebookFile(file);
  const parsed = parseNotebookChecks(notebook);
  if (parsed.diagnostics.length > 0) throw new TopologyFileError(`${file} has check blocks that are not valid`, file, parsed.diagnostics);
  if (parsed.cells.length === 0) throw noChecks(file, 'check cells (```check)');
  const checksOf = new Map<NotebookCell, Check[]>(parsed.cells.map(({ cell, checks }) => [cell, checks]));
  const results: CheckResult[] = [];
  const output = new CellOutputTail();
  let failedCell: string | undefined;
  const ran = new Set<NotebookCell>();
  await runNotebook(host, notebook, {
    onTargetHost: true,
    signal: context.interrupts.signal,
    notebookDirectory: dirname(file),
    destroyLabIfMade: true,
    checkTimeoutMs: options.timeoutMs,
    onLabProgress: context.progress,
    stdout: output.sink,
    stderr: output.sink,
    onCellStart: () => output.clear(),
    onCellEnd(cell, position, run) {
      if (isCheckCell(cell)) {
        ran.add(cell);
        const lines = (checksOf.get(cell) ?? []).map((check) => check.line);
        const own = (run.checks?.results ?? []).map((result, index) => ({ ...result, ...(lines[index] === undefined ? {} : { line: lines[index] }) }));
        results.push(...own);
        options.onResults(own);
      } else if (run.exitCode !== 0) {
        failedCell = `cell ${position.number} failed (${run.failure ?? `exit status ${run.exitCode}`})${output.lastLine() ? `: ${output.lastLine()}` : ''}`;
      }
    },
  });
  const missing = parsed.cells.filter(({ cell }) => !ran.has(cell)).flatMap(({ checks }) => checks.map((check) => notRunResult(check, failedCell)));
  if (missing.length > 0) options.onResults(missing);
  return [...results, ...missing];
}

function notRunResult(check: Check, failedCell: string | undefined): CheckResult {
  const message = `not run: ${failedCell ?? 'an earlier cell failed'}`;
  return { kind: check.kind, subject: checkSubject(check), passed: false, message, attempts: 0, durationMs: 0, ...(check.line === undefined ? {} : { line: check.line }) };
}

function noChecks(file: string, what: string): TopologyFileError {
  return new TopologyFileError(`${file} has no ${what}: nothing to check`, file, [{ message: `this file has no ${what}; add some to check it`, line: 1, column: 1, endLine: 1, endColumn: 1 }]);
}

/** Keeps the end of the running cell's output (bounded), to say why a shell cell failed. */
class CellOutputTail {
  private kept = '';
  readonly sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.kept = (this.kept + chunk.toString('utf8')).slice(-4096);
      done();
    },
  });

  clear(): void {
    this.kept = '';
  }

  lastLine(): string {
    return this.kept.trim().split('\n').pop()?.trim() ?? '';
  }
}
