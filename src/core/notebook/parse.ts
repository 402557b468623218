/**
 * Reads a `*.netns.md` file into cells. markdown-it finds the block structure (so a fence inside a list item or a
 * block quote is found exactly where CommonMark says it is); the cells' text is then cut from the file's own lines,
 * never rebuilt, so that writing an unedited notebook back gives the same bytes.
 *
 * How the file is cut: the front matter's lines, then whole lines. A code cell owns the lines of its fence, from
 * the opening line (with its container prefix, such as `1. ` or `> `) to the closing line and its line break.
 * The lines between two code cells are one Markdown cell when they hold something to show; blank stretches (only
 * whitespace and `>` markers, such as the blank line between two fences) are no cell: they ride along as the
 * preceding code cell's `origin.trailing`, or as the notebook's `leading` before the first cell.
 */
import MarkdownIt from 'markdown-it';
import type { Notebook, NotebookCell, NotebookOptions } from './model.js';
import { NotebookFormatError, infoLanguage, isCellLanguage, isCheckLanguage, parseFrontMatterOptions, parseInfoString } from './options.js';

// Only the block rules: inline parsing is not needed, and the normalize rule would turn NUL into U+FFFD (this
// parser splits lines itself, so markdown-it's lines and the file's lines stay the same lines).
const markdown = new MarkdownIt({ html: true });
markdown.core.ruler.enableOnly(['block']);

const LINE_BREAK = /\r\n|\r|\n/;
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Parses the text of a `*.netns.md` file (a leading byte order mark, U+FEFF, is accepted and kept). Throws
 * NotebookFormatError (with line and column, and `fileName` in the message when given) for bad front matter or bad
 * cell options. Files are read into text with `decodeNotebookBytes` (or `readNotebookFile`), never otherwise.
 */
export function parseNotebook(text: string, fileName?: string): Notebook {
  // A byte order mark is no text of the notebook: left in, it would hide the front matter (and with it the target
  // and namespace the cells must run in). It is kept aside and written back.
  const byteOrderMark = text.startsWith(BYTE_ORDER_MARK);
  const lines = splitLines(byteOrderMark ? text.slice(BYTE_ORDER_MARK.length) : text);
  const lineEnding = LINE_BREAK.exec(text)?.[0] === '\r\n' ? '\r\n' : '\n';
  const frontMatter = readFrontMatter(lines, fileName);
  const bodyStart = frontMatter?.lineCount ?? 0;
  const fences = findCellFences(lines, bodyStart, fileName);
  const { leading, cells } = assembleCells(lines, bodyStart, fences);
  const notebook: Notebook = { cells, lineEnding };
  if (frontMatter) notebook.frontMatter = { text: frontMatter.text, options: frontMatter.options };
  if (leading !== '') notebook.leading = leading;
  if (byteOrderMark) notebook.byteOrderMark = true;
  return notebook;
}

/** The file's lines, each with its own line break (`\r\n`, `\n` or a lone `\r`); the last may have none. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function withoutBreak(line: string): string {
  return line.replace(/(?:\r\n|\r|\n)$/, '');
}

interface FrontMatter {
  text: string;
  options: NotebookOptions;
  lineCount: number;
}

/** Front matter is a first line `---`, YAML, and a line `---` (or `...`, YAML's own end of document). */
function readFrontMatter(lines: string[], fileName: string | undefined): FrontMatter | undefined {
  if (lines.length === 0 || !/^---[ \t]*$/.test(withoutBreak(lines[0]!))) return undefined;
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(withoutBreak(line)));
  if (end < 0) {
    // A file that opens with "---" and never closes it is far more likely a broken front matter than a Markdown
    // thematic break, and silently ignoring the target or namespace would run cells in the wrong place.
    const reason = 'the front matter that starts here is not closed; end it with a line "---"';
    throw new NotebookFormatError(reason, { fileName, line: 1, column: 1 });
  }
  // YAML breaks lines at \n and \r\n only, so a lone \r (a line break here) would end up inside a value: "red\r" as
  // the namespace. It becomes \n, one character for one, so that YAML's positions stay the file's.
  const yamlText = lines
    .slice(1, end)
    .join('')
    .replace(/\r(?!\n)/g, '\n');
  const options = parseFrontMatterOptions(yamlText, { fileName, line: 2, column: 1 });
  return { text: lines.slice(0, end + 1).join(''), options, lineCount: end + 1 };
}

/** A code cell and the lines [start, end) of the file it came from. */
interface CellFence {
  start: number;
  end: number;
  cell: NotebookCell;
}

function findCellFences(lines: string[], bodyStart: number, fileName: string | undefined): CellFence[] {
  const bodyLines = lines.slice(bodyStart);
  // A final line break starts one more (empty) line for markdown-it too, so that its line numbers are ours.
  const finalBreak = LINE_BREAK.test(bodyLines[bodyLines.length - 1] ?? '') ? '\n' : '';
  const body = bodyLines.map(withoutBreak).join('\n') + finalBreak;
  const fences: CellFence[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type !== 'fence' || !token.map) continue;
    const start = bodyStart + token.map[0];
    const end = bodyStart + token.map[1];
    const opening = withoutBreak(lines[start]!);
    // The container prefix (spaces, tabs, `>`, list markers) holds no backtick or tilde, so the first run of the
    // fence's markup on the line is the fence itself.
    const infoIndex = opening.indexOf(token.markup) + token.markup.length;
    const info = opening.slice(infoIndex);
    const fenceLanguage = infoLanguage(info);
    if (!isCellLanguage(fenceLanguage) && !isCheckLanguage(fenceLanguage)) continue;
    const { language, options } = parseInfoString(info, { fileName, line: start + 1, column: infoIndex + 1 });
    const cell = codeCell(lines.slice(start, end), token.content, { language, options });
    if (cell.origin?.fence?.closing === '') cell.problem = unclosedFenceProblem(start, Math.min(end, lines.length), lines.length, token.markup);
    fences.push({ start, end, cell });
  }
  return fences;
}

/**
 * Builds a code cell from its lines in the file and markdown-it's content (the body with the container's
 * indentation removed, one `\n` per line).
 */
function codeCell(fenceLines: string[], content: string, info: { language: string; options: NotebookCell['options'] }): NotebookCell {
  const contentLines = content === '' ? [] : content.replace(/\n$/, '').split('\n');
  // An unclosed fence runs to the end of its container: then there is no closing line.
  const closed = contentLines.length === fenceLines.length - 2;
  const bodyLines = fenceLines.slice(1, 1 + contentLines.length).map(withoutBreak);
  const source = contentLines.join('\n');
  const opening = withoutBreak(fenceLines[0]!);
  const closing = closed ? withoutBreak(fenceLines[fenceLines.length - 1]!) : '';
  const indent = bodyIndent(bodyLines, contentLines, opening, closing);
  return {
    kind: 'code',
    source,
    language: info.language,
    options: info.options,
    origin: { text: fenceLines.join(''), source, fence: { opening, closing, indent } },
  };
}

/**
 * Why a fence that is never closed must not run: CommonMark makes it run to the end of its container (the file, or
 * the list item or quote it is in), so the prose after it would be run as commands, as root. `start` and `end` are
 * the fence's lines [start, end).
 */
function unclosedFenceProblem(start: number, end: number, lineCount: number, markup: string): string {
  const reach = end >= lineCount ? 'the end of the file' : `the end of the list item or quote it is in (line ${end})`;
  return `This code fence (line ${start + 1}) is never closed, so it runs to ${reach}; close it with ${markup} to run this cell.`;
}

/**
 * The prefix to put before each line of an edited body: the one the first non-empty body line had in the file;
 * with no such line, the closing line's prefix; failing that, the opening line's with list markers as spaces.
 */
function bodyIndent(bodyLines: string[], contentLines: string[], opening: string, closing: string): string {
  for (let index = 0; index < bodyLines.length; index++) {
    const raw = bodyLines[index]!;
    const line = contentLines[index]!;
    // A line whose tabs markdown-it expanded no longer ends with its content: it cannot tell the prefix.
    if (line !== '' && raw.endsWith(line)) return raw.slice(0, raw.length - line.length);
  }
  if (closing !== '') return closing.slice(0, closing.search(/[`~]/));
  return opening.slice(0, opening.search(/[`~]/)).replace(/[^\s>]/g, ' ');
}

/** Cuts the lines around the code cells into Markdown cells and blank stretches (see the file comment). */
function assembleCells(lines: string[], bodyStart: number, fences: CellFence[]): { leading: string; cells: NotebookCell[] } {
  const cells: NotebookCell[] = [];
  let leading = '';
  const addStretch = (text: string): void => {
    if (text === '') return;
    const last = cells[cells.length - 1];
    if (!isBlankStretch(text)) cells.push(markdownCell(text));
    else if (last?.origin) last.origin.trailing = text;
    else leading = text;
  };
  let cursor = bodyStart;
  for (const fence of fences) {
    addStretch(lines.slice(cursor, fence.start).join(''));
    cells.push(fence.cell);
    cursor = fence.end;
  }
  addStretch(lines.slice(cursor).join(''));
  return { leading, cells };
}

/** Nothing to show: only whitespace and block-quote markers (`>` on its own continues a quote, and shows nothing). */
function isBlankStretch(text: string): boolean {
  return /^[\s>]*$/.test(text);
}

/** A Markdown cell's source is its text with `\n` line breaks; its origin keeps the text exactly. */
function markdownCell(text: string): NotebookCell {
  const source = text.replace(/\r\n|\r/g, '\n');
  return { kind: 'markdown', source, origin: { text, source } };
}
