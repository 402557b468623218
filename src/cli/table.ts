/** Plain aligned text tables for the terminal. */
import { displayName } from '../core/display.js';

/** Renders rows under a header, each column as wide as its widest cell, two spaces apart; no trailing blanks. */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column] ?? ''))));
  const lines = [header, ...rows].map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(cell.length + widths[column]! - width(cell))))
      .join('  ')
      .trimEnd(),
  );
  return lines.join('\n') + '\n';
}

/** Display width, counting code points (good enough for names; no East Asian wide handling). */
function width(text: string): number {
  return [...text].length;
}

/**
 * Shows a name that may hold hidden characters (a newline, a no-break space) on one line, unambiguously: the core's
 * displayName, so listings and messages agree.
 */
export function printable(text: string): string {
  return displayName(text);
}
