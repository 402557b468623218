/**
 * Options in a lab notebook: a code cell's info string (```` ```sh {netns=red timeout=30} ````) and the notebook's
 * YAML front matter. Both are checked strictly: a typo must fail with its line and column, not be ignored, because
 * an ignored `netns` runs the cell in the wrong namespace. Front matter keys of other tools are ignored.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { InvalidArgumentError } from '../errors.js';
import { MAX_TIMEOUT_MS } from '../host/running-command.js';
import { endpointLabel, parseCaptureEndpoint } from '../capture/endpoints.js';
import { namespaceNameProblem } from '../names.js';
import { parsePictureOption, pictureOptionValue } from './picture-option.js';
import { intendedOptionName, NOTEBOOK_OPTION_NAMES, type NotebookOptionName } from './front-matter-keys.js';
import type { CellOptions, NotebookOptions } from './model.js';

/** Where something is in a notebook file; line and column are 1-based. */
export interface FormatPosition {
  line: number;
  column: number;
  fileName?: string;
}

/** A notebook that cannot be read as written, with the 1-based line and column of the fault. */
export class NotebookFormatError extends InvalidArgumentError {
  readonly line: number;
  readonly column: number;
  readonly fileName: string | undefined;
  /** The message without the position. */
  readonly reason: string;

  constructor(reason: string, position: FormatPosition) {
    const where = position.fileName === undefined ? `line ${position.line}, column ${position.column}` : `${position.fileName}:${position.line}:${position.column}`;
    super(`${where}: ${reason}`);
    this.line = position.line;
    this.column = position.column;
    this.fileName = position.fileName;
    this.reason = reason;
  }
}

const CELL_LANGUAGES = new Set(['sh', 'bash', 'shell', '']);
const CELL_OPTION_NAMES = 'netns, timeout, diff, capture, picture';

/** True when a fence with this language word is a shell cell: `sh`, `bash`, `shell`, or none (a bare fence). */
export function isCellLanguage(language: string): boolean {
  return CELL_LANGUAGES.has(language.toLowerCase());
}

/** True when a fence with this language word is a check cell: ```` ```check ```` holds checks in YAML, not commands. */
export function isCheckLanguage(language: string): boolean {
  return language.toLowerCase() === 'check';
}

/** The language word of a fence's info string: its first word, which ends at a space or a `{`. */
export function infoLanguage(info: string): string {
  return /^[^\s{]*/.exec(info.trimStart())?.[0] ?? '';
}

/** A parsed info string. */
export interface InfoString {
  language: string;
  options: CellOptions;
}

/**
 * Parses a code cell's info string: the language word, then optionally options in braces. `start` is where the
 * info string's first character is in the file, so that errors point into the file.
 */
export function parseInfoString(info: string, start: FormatPosition = { line: 1, column: 1 }): InfoString {
  const fail = (index: number, reason: string): never => {
    throw new NotebookFormatError(reason, { ...start, column: start.column + index });
  };
  let index = skipSpaces(info, 0);
  const language = infoLanguage(info);
  index = skipSpaces(info, index + language.length);
  if (index === info.length) return { language, options: {} };
  if (info[index] !== '{') {
    fail(index, 'expected cell options in braces after the language, like {netns=red timeout=30}');
  }
  const { options, end } = parseBraces(info, index + 1, fail);
  const after = skipSpaces(info, end);
  if (after < info.length) fail(after, `unexpected text after the cell options: ${JSON.stringify(info.slice(after))}`);
  return { language, options };
}

/** The options of an info string such as `sh {netns=red timeout=30}`; throws NotebookFormatError (line 1). */
export function parseCellOptions(info: string): CellOptions {
  return parseInfoString(info).options;
}

type Fail = (index: number, reason: string) => never;

function parseBraces(info: string, from: number, fail: Fail): { options: CellOptions; end: number } {
  const options: CellOptions = {};
  const seen = new Set<string>();
  let index = skipSpaces(info, from);
  while (info[index] !== '}') {
    if (index >= info.length) fail(index, 'expected "}" to close the cell options');
    const key = /^[A-Za-z][\w-]*/.exec(info.slice(index))?.[0];
    if (key === undefined) fail(index, `expected a cell option (${CELL_OPTION_NAMES}) or "}"`);
    const keyIndex = index;
    index += key.length;
    if (info[index] !== '=') fail(index, `expected "=" after cell option "${key}", like ${key}=…`);
    if (seen.has(key)) fail(keyIndex, `cell option "${key}" is given twice`);
    seen.add(key);
    const value = readValue(info, index + 1, fail);
    setCellOption(options, key, value.text, (reason) => fail(keyIndex, reason));
    index = value.end;
    if (index < info.length && !/[\s}]/.test(info[index]!)) fail(index, 'expected a space or "}" after the value');
    index = skipSpaces(info, index);
  }
  return { options, end: index + 1 };
}

/** A bare value runs to a space or `}`; a quoted one ("…" with \" \\ \n \t escapes, or '…' literally) may hold anything. */
function readValue(info: string, from: number, fail: Fail): { text: string; end: number } {
  const quote = info[from];
  if (quote !== '"' && quote !== "'") {
    const text = /^[^\s}"']*/.exec(info.slice(from))![0];
    return { text, end: from + text.length };
  }
  let text = '';
  for (let index = from + 1; index < info.length; index++) {
    const char = info[index]!;
    if (char === quote) return { text, end: index + 1 };
    if (char === '\\' && quote === '"' && index + 1 < info.length) {
      index++;
      text += ESCAPES[info[index]!] ?? info[index];
    } else {
      text += char;
    }
  }
  return fail(from, `unterminated quoted value; expected a closing ${quote}`);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

function setCellOption(options: CellOptions, key: string, value: string, fail: (reason: string) => never): void {
  if (key === 'netns') {
    // "/" can never be a namespace name (it holds no "/"), so it can stand for the root namespace unambiguously.
    if (value === '/') {
      options.netns = null;
      return;
    }
    const problem = namespaceNameProblem(value);
    if (problem) fail(`bad value ${JSON.stringify(value)} for netns: ${problem}; netns=/ is the root namespace`);
    options.netns = value;
  } else if (key === 'timeout') {
    const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(seconds > 0)) fail(`bad value ${JSON.stringify(value)} for timeout; expected a number of seconds above 0, like timeout=30`);
    // Node's timers hold at most 2^31 - 1 ms; a longer one would fire at once and stop the cell straight away.
    if (seconds * 1000 > MAX_TIMEOUT_MS) fail(`timeout=${value} is longer than the longest timeout, ${MAX_TIMEOUT_SECONDS} seconds (about 24 days)`);
    options.timeoutSeconds = seconds;
  } else if (key === 'diff') {
    if (value !== 'true' && value !== 'false') fail(`bad value ${JSON.stringify(value)} for diff; expected diff=true or diff=false`);
    options.diff = value === 'true';
  } else if (key === 'capture') {
    options.capture = captureEndpoints(value, fail);
  } else if (key === 'picture') {
    const subject = parsePictureOption(value, fail);
    if (subject) options.picture = subject;
  } else {
    fail(`unknown cell option ${JSON.stringify(key)}; the options are ${CELL_OPTION_NAMES}`);
  }
}

/** `capture="ns1:veth0 ns2:veth1"`: interfaces as NS:IF (IF alone in the root namespace), separated by spaces. */
function captureEndpoints(value: string, fail: (reason: string) => never): NonNullable<CellOptions['capture']> {
  const words = value.split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0) fail('capture needs interfaces, like capture="ns1:veth0 ns2:veth1"');
  const endpoints = words.map((word) => {
    try {
      return parseCaptureEndpoint(word);
    } catch (error) {
      return fail(`bad interface ${JSON.stringify(word)} for capture: ${(error as Error).message}; write NS:IF, like capture="ns1:veth0 ns2:veth1"`);
    }
  });
  const labels = endpoints.map(endpointLabel);
  const twice = labels.find((label, index) => labels.indexOf(label) !== index);
  if (twice !== undefined) fail(`capture names ${twice} twice; name each interface once`);
  return endpoints;
}

const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMEOUT_MS / 1000);

function skipSpaces(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

/** The info-string form of cell options, `{netns=red timeout=30}`, or `''` when there are none. */
export function formatCellOptions(options: CellOptions): string {
  const parts: string[] = [];
  if (options.netns !== undefined) parts.push(`netns=${options.netns === null ? '/' : quoteValue(options.netns)}`);
  if (options.timeoutSeconds !== undefined) parts.push(`timeout=${options.timeoutSeconds}`);
  if (options.diff !== undefined) parts.push(`diff=${options.diff}`);
  if (options.capture !== undefined) parts.push(`capture=${quoteValue(options.capture.map(captureWord).join(' '))}`);
  if (options.picture !== undefined) parts.push(`picture=${quoteValue(pictureOptionValue(options.picture))}`);
  return parts.length === 0 ? '' : `{${parts.join(' ')}}`;
}

function captureWord(endpoint: { namespace: string | null; interfaceName: string }): string {
  return endpoint.namespace === null ? endpoint.interfaceName : `${endpoint.namespace}:${endpoint.interfaceName}`;
}

function quoteValue(value: string): string {
  if (value !== '' && !/[\s"'{}\\]/.test(value)) return value;
  const escaped = value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return `"${escaped}"`;
}

/**
 * Parses the YAML between the front matter's `---` lines. `start` is where the YAML's first character is in the
 * file. The values of target, netns and topology must be strings; other keys are ignored, unless one looks like a
 * slip for one of these (`nets`, `Target`, `namespace`): that is an error that says which was meant.
 */
export function parseFrontMatterOptions(yamlText: string, start: FormatPosition): NotebookOptions {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const at = (offset: number): FormatPosition => {
    const position = lineCounter.linePos(offset);
    const column = position.line === 1 ? start.column + position.col - 1 : position.col;
    return { fileName: start.fileName, line: start.line + position.line - 1, column };
  };
  const error = document.errors[0];
  if (error) throw new NotebookFormatError(`bad YAML in the front matter: ${firstLine(error.message)}`, at(error.pos[0]));
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return {};
  if (!isMap(contents)) {
    throw new NotebookFormatError(`the front matter must be a YAML mapping with the keys ${NOTEBOOK_OPTION_NAMES.join(', ')}`, at(offsetOf(contents) ?? 0));
  }
  const options: NotebookOptions = {};
  for (const pair of contents.items) {
    const key = ownKey(pair.key, at);
    if (key !== undefined) setNotebookOption(options, key, pair.value, at(offsetOf(pair.value) ?? offsetOf(pair.key) ?? 0));
  }
  return options;
}

/** Our option a front matter key names, or undefined for another tool's key; throws for a key that looks like a slip. */
function ownKey(node: unknown, at: (offset: number) => FormatPosition): NotebookOptionName | undefined {
  // `: red` (no key at all) is a broken line, not another tool's key.
  if (node === null || (isScalar(node) && node.value === null)) {
    throw new NotebookFormatError(`a key that is no name; the keys are ${NOTEBOOK_OPTION_NAMES.join(', ')}`, at(offsetOf(node) ?? 0));
  }
  const key = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  if (key === undefined) return undefined;
  if ((NOTEBOOK_OPTION_NAMES as readonly string[]).includes(key)) return key as NotebookOptionName;
  const meant = intendedOptionName(key);
  if (meant === undefined) return undefined;
  const reason = `front matter key ${JSON.stringify(key)} is not one of ${NOTEBOOK_OPTION_NAMES.join(', ')}; did you mean "${meant}"?`;
  throw new NotebookFormatError(reason, at(offsetOf(node) ?? 0));
}

function setNotebookOption(options: NotebookOptions, key: keyof NotebookOptions, node: unknown, where: FormatPosition): void {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'string') {
    throw new NotebookFormatError(`expected a string for "${key}" in the front matter (quote it if it looks like a number)`, where);
  }
  if (key === 'netns') {
    if (value === '/') return; // the root namespace, which is also what an absent netns means
    const problem = namespaceNameProblem(value);
    if (problem) throw new NotebookFormatError(`bad value ${JSON.stringify(value)} for netns: ${problem}`, where);
  }
  options[key] = value;
}

function offsetOf(node: unknown): number | undefined {
  return (node as YamlNode | null)?.range?.[0];
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
