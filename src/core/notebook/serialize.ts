/**
 * Writes a notebook back as `*.netns.md` text. A cell whose source (and, for code, language and options) still
 * equals what was parsed is written as its exact original text, so an unedited notebook comes back byte for byte.
 * An edited code cell keeps its fence lines and container prefix; an edited Markdown cell is its new text; a new
 * cell gets a fresh fence, set off by blank lines. Nothing but the cells' own text is ever written.
 */
import type { CellOptions, CellOrigin, Notebook, NotebookCell } from './model.js';
import { formatCellOptions, parseInfoString, type InfoString } from './options.js';

type LineEnding = Notebook['lineEnding'];
type Fence = NonNullable<CellOrigin['fence']>;

/** The text of a `*.netns.md` file for the notebook; `serializeNotebook(parseNotebook(text)) === text`. */
export function serializeNotebook(notebook: Notebook): string {
  // The mark goes before everything, and is not text that a first cell would need a line break after.
  return (notebook.byteOrderMark ? '\uFEFF' : '') + notebookText(notebook);
}

function notebookText(notebook: Notebook): string {
  const lineEnding = notebook.lineEnding;
  let text = (notebook.frontMatter?.text ?? '') + (notebook.leading ?? '');
  let previousIsNew = false;
  for (const cell of notebook.cells) {
    const isNew = cell.origin === undefined;
    // Cells are whole lines: after a cell moved away from the end of the file, or an edit without a final line
    // break, start a new line; around new cells, leave a blank line as a person would.
    if (text !== '') text = endLine(text, lineEnding, isNew || previousIsNew);
    text += cellText(cell, lineEnding);
    previousIsNew = isNew;
  }
  return text;
}

function cellText(cell: NotebookCell, notebookEnding: LineEnding): string {
  const origin = cell.origin;
  if (!origin) {
    if (cell.kind === 'code') return newFence(cell, notebookEnding);
    return cell.source === '' ? '' : endLine(withLineEnding(cell.source, notebookEnding), notebookEnding, false);
  }
  const trailing = origin.trailing ?? '';
  if (isUnedited(cell, origin)) return origin.text + trailing;
  // Edited text takes the line ending its cell had, so a file of mixed endings changes only where it was edited.
  const lineEnding = lineEndingOf(origin.text) ?? notebookEnding;
  if (cell.kind === 'markdown') return withLineEnding(cell.source, lineEnding) + trailing;
  if (!origin.fence) return newFence(cell, lineEnding) + trailing;
  const finalBreak = /(?:\r\n|\r|\n)$/.exec(origin.text)?.[0] ?? '';
  return editedFence(cell, origin.fence, lineEnding) + finalBreak + trailing;
}

function isUnedited(cell: NotebookCell, origin: CellOrigin): boolean {
  if (cell.source !== origin.source) return false;
  if (cell.kind === 'markdown') return origin.fence === undefined;
  return origin.fence !== undefined && infoFor(cell, origin.fence) === undefined;
}

/**
 * The info string to write when the cell's language or options differ from those of its opening line, else
 * undefined. Absent language or options on the cell mean "as parsed", so a cell rebuilt without them loses nothing.
 */
function infoFor(cell: NotebookCell, fence: Fence): string | undefined {
  const parsed = parseInfoString(splitFenceLine(fence.opening).info);
  const languageChanged = cell.language !== undefined && cell.language !== parsed.language;
  const optionsChanged = cell.options !== undefined && !sameOptions(cell.options, parsed.options);
  if (!languageChanged && !optionsChanged) return undefined;
  return formatInfo({ language: cell.language ?? parsed.language, options: cell.options ?? parsed.options });
}

function sameOptions(a: CellOptions, b: CellOptions): boolean {
  return a.netns === b.netns && a.timeoutSeconds === b.timeoutSeconds && a.diff === b.diff;
}

function formatInfo(info: InfoString): string {
  return [info.language, formatCellOptions(info.options)].filter((part) => part !== '').join(' ');
}

/** A new code cell: ```` ```sh {options} ````, its source, ```` ``` ````, each line ended. */
function newFence(cell: NotebookCell, lineEnding: LineEnding): string {
  const info = formatInfo({ language: cell.language ?? 'sh', options: cell.options ?? {} });
  const body = sourceLines(cell.source);
  const markup = fitMarkup('```', info, body);
  return [markup + info, ...body, markup].join(lineEnding) + lineEnding;
}

/** An edited code cell: its own opening and closing lines, each body line behind the container's prefix. */
function editedFence(cell: NotebookCell, fence: Fence, lineEnding: LineEnding): string {
  const opening = splitFenceLine(fence.opening);
  const info = infoFor(cell, fence) ?? opening.info;
  const body = sourceLines(cell.source);
  const markup = fitMarkup(opening.markup, info, body);
  const closing = markup === opening.markup || fence.closing === '' ? fence.closing : replaceMarkup(fence.closing, markup);
  // An empty line gets the prefix without its trailing spaces: `>` keeps it inside a quote, and no line ends in blanks.
  const indented = body.map((line) => (line === '' ? fence.indent.trimEnd() : fence.indent + line));
  const lines = [opening.prefix + markup + info, ...indented];
  if (closing !== '') lines.push(closing);
  return lines.join(lineEnding);
}

/**
 * The fence markup to use: the given one, unless a backtick in the info string needs tildes (backtick fences may
 * not have one), or a body line would close the fence early, which needs a longer one.
 */
function fitMarkup(markup: string, info: string, body: string[]): string {
  const char = info.includes('`') ? '~' : markup[0]!;
  let length = char === markup[0] ? markup.length : 3;
  for (const line of body) {
    const run = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
    if (run && run[0] === char && run.length >= length) length = run.length + 1;
  }
  return char.repeat(length);
}

function splitFenceLine(line: string): { prefix: string; markup: string; info: string } {
  const match = /`{3,}|~{3,}/.exec(line);
  if (!match) return { prefix: line, markup: '```', info: '' };
  return { prefix: line.slice(0, match.index), markup: match[0], info: line.slice(match.index + match[0].length) };
}

function replaceMarkup(line: string, markup: string): string {
  const { prefix, info } = splitFenceLine(line);
  return prefix + markup + info;
}

/** A source's lines; `''` has none, so an empty cell is a fence with no body. */
function sourceLines(source: string): string[] {
  return source === '' ? [] : source.split(/\r\n|\r|\n/);
}

function withLineEnding(text: string, lineEnding: LineEnding): string {
  return text.replace(/\r\n|\r|\n/g, lineEnding);
}

function lineEndingOf(text: string): LineEnding | undefined {
  const found = /\r\n|\r|\n/.exec(text)?.[0];
  return found === undefined ? undefined : found === '\r\n' ? '\r\n' : '\n';
}

/** Ends the text's last line, and with `blankLine`, makes sure a blank line ends it. */
function endLine(text: string, lineEnding: LineEnding, blankLine: boolean): string {
  let result = /(?:\r\n|\r|\n)$/.test(text) ? text : text + lineEnding;
  if (blankLine && !endsWithBlankLine(result)) result += lineEnding;
  return result;
}

/** True when the line before the text's final line break is blank (tested without the break: `\r\n` is one). */
function endsWithBlankLine(text: string): boolean {
  return /(?:^|\r\n|\r|\n)[ \t]*$/.test(text.replace(/(?:\r\n|\r|\n)$/, ''));
}
