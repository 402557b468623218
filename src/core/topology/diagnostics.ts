/**
 * Diagnostics of a topology file: each problem is collected with the source offsets of the offending text and turned
 * into 1-based lines and columns once, so that the parser can report every problem it finds, not just the first.
 */
import type { LineCounter } from 'yaml';
import type { TopologyDiagnostic } from './model.js';

/** A stretch of the source text, as offsets: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Collects the problems of one file, in the order they are found; `list()` gives them in file order. */
export class DiagnosticList {
  private readonly found: TopologyDiagnostic[] = [];

  constructor(private readonly lineCounter: LineCounter) {}

  /** Reports `message` at `span`. */
  add(span: Span, message: string): void {
    const start = this.lineCounter.linePos(span.start);
    const end = this.lineCounter.linePos(Math.max(span.end, span.start));
    this.found.push({ message, line: start.line, column: start.col, endLine: end.line, endColumn: end.col });
  }

  /** The 1-based line of an offset, for messages such as "first declared at line 4". */
  lineOf(offset: number): number {
    return this.lineCounter.linePos(offset).line;
  }

  get count(): number {
    return this.found.length;
  }

  /** Every problem, sorted by position (problems found in one pass over the file are not always in file order). */
  list(): TopologyDiagnostic[] {
    return [...this.found].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

/** `FILE:LINE:COL: message` lines, the form compilers use, so terminals and editors can link them. */
export function formatDiagnostics(file: string, diagnostics: readonly TopologyDiagnostic[]): string {
  return diagnostics.map((diagnostic) => `${file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}`).join('\n');
}
