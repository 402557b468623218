/**
 * Check cells (```` ```check ````): their YAML is checks, run against the notebook's host instead of a shell. The
 * cell passes when every check passes; its output is one line per check, and its results travel as data for the
 * editor's renderer (CHECKS_MIME).
 */
import type { Writable } from 'node:stream';
import { type ChecksPayload, checksPayload, type Check } from '../checks/model.js';
import { parseCheckBlock } from '../checks/parse-block.js';
import { checkResultLine } from '../checks/report.js';
import { runChecks } from '../checks/run.js';
import type { TopologyDiagnostic } from '../diagnostic.js';
import type { Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';
import { cellNamespace } from './cell-namespace.js';
import type { Notebook, NotebookCell } from './model.js';
import { isCheckLanguage } from './options.js';

/** True for a check cell. */
export function isCheckCell(cell: Pick<NotebookCell, 'kind' | 'language'>): boolean {
  return cell.kind === 'code' && cell.language !== undefined && isCheckLanguage(cell.language);
}

/** How a check cell went: exit status 0 when every check passed, 1 otherwise. */
export interface CheckCellRun {
  exitCode: number;
  durationMs: number;
  failure?: string;
  checks?: ChecksPayload;
}

export interface CheckCellOptions {
  signal?: AbortSignal;
  /** Where the result lines go, as text. Never ended. */
  stdout?: Writable;
  timeoutMs?: number;
}

/** Runs a check cell's checks; `namespace` is the one its checks name by default (the cell's). */
export async function runCheckCell(host: Host, cell: Pick<NotebookCell, 'source'>, namespace: NamespaceName, options: CheckCellOptions = {}): Promise<CheckCellRun> {
  const started = performance.now();
  const parsed = parseCheckBlock(cell.source, namespace);
  if (!parsed.checks) {
    const lines = parsed.diagnostics.map((diagnostic) => `line ${diagnostic.line}, column ${diagnostic.column}: ${diagnostic.message}`);
    await write(options.stdout, lines.map((line) => `${line}\n`).join(''));
    return { exitCode: 1, durationMs: performance.now() - started, failure: `the check block is not valid: ${lines[0]}` };
  }
  const results = await runChecks(host, parsed.checks, { signal: options.signal, timeoutMs: options.timeoutMs });
  await write(options.stdout, results.map((result) => `${checkResultLine(result)}\n`).join(''));
  const payload = checksPayload(results);
  const firstFailure = results.find((result) => !result.passed);
  return { exitCode: payload.failed === 0 ? 0 : 1, durationMs: performance.now() - started, checks: payload, ...(firstFailure ? { failure: firstFailure.message } : {}) };
}

function write(sink: Writable | undefined, text: string): Promise<void> {
  if (!sink || text === '' || sink.destroyed) return Promise.resolve();
  return new Promise((resolve) => sink.write(text, () => resolve()));
}

/** The checks of every check cell of a notebook, or every problem at its line and column in the file. */
export interface NotebookChecks {
  cells: { cell: NotebookCell; checks: Check[] }[];
  diagnostics: TopologyDiagnostic[];
}

/** Parses every check cell (its default namespace as it would run) with positions in the file. */
export function parseNotebookChecks(notebook: Notebook, namespaceOverride?: NamespaceName): NotebookChecks {
  const result: NotebookChecks = { cells: [], diagnostics: [] };
  const options = notebook.frontMatter?.options ?? {};
  let line = 1 + lineBreaks((notebook.frontMatter?.text ?? '') + (notebook.leading ?? ''));
  for (const cell of notebook.cells) {
    if (isCheckCell(cell)) {
      const parsed = parseCheckBlock(cell.source, cellNamespace(cell, options, namespaceOverride));
      // The body starts on the line after the opening fence, each line behind the container's indentation.
      const shift = { lines: line, columns: cell.origin?.fence?.indent.length ?? 0 };
      result.diagnostics.push(...parsed.diagnostics.map((diagnostic) => moved(diagnostic, shift)));
      for (const check of parsed.checks ?? []) if (check.line !== undefined) check.line += shift.lines;
      if (parsed.checks) result.cells.push({ cell, checks: parsed.checks });
    }
    line += lineBreaks((cell.origin?.text ?? '') + (cell.origin?.trailing ?? ''));
  }
  return result;
}

function moved(diagnostic: TopologyDiagnostic, shift: { lines: number; columns: number }): TopologyDiagnostic {
  return {
    message: diagnostic.message,
    line: diagnostic.line + shift.lines,
    column: diagnostic.column + shift.columns,
    endLine: diagnostic.endLine + shift.lines,
    endColumn: diagnostic.endColumn + shift.columns,
  };
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/gu)?.length ?? 0;
}
