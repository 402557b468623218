/**
 * Recognising a notebook cell that is one `ip` show command (addresses, links, routes, neighbours), and turning
 * ip's JSON for the same selection into the payload the notebook renderer draws as a table. The recognition follows
 * ip's own rules (iproute2 6.1 `ip.c` and each object's command table): options and words are matched by prefix in
 * ip's order, so `ip a`, `ip ro l` and `ip -br addr sh dev x` are read as ip reads them. Anything not certain is
 * not a query, and the cell simply keeps its plain text output.
 */
import type { LinkInfo, NeighbourInfo, RouteInfo } from '../model.js';
import { ParseError, parseLinks, parseNeighbours, parseRoutes } from '../iproute2/parse.js';

/** The kinds of `ip` output drawn as a table. */
export type IpTableKind = 'link' | 'addr' | 'route' | 'neigh';

/** The output MIME type of each table kind; the notebook renderer `netns-lab.tables` draws these. */
export const IP_TABLE_MIME = {
  link: 'application/vnd.netns-lab.link+json',
  addr: 'application/vnd.netns-lab.addr+json',
  route: 'application/vnd.netns-lab.route+json',
  neigh: 'application/vnd.netns-lab.neigh+json',
} as const satisfies Record<IpTableKind, string>;

/** A cell recognised as one `ip` show command. */
export interface IpQuery {
  kind: IpTableKind;
  /** Whether the command itself asked for JSON (`-j`/`-json`): its standard output is then ip's JSON. */
  json: boolean;
  /** The namespace named with `-n`/`-netns`, if any (ip switches to it itself; `jsonArgv` keeps the option). */
  namespace?: string;
  /** The same command as an argv that prints the same selection as ip's full JSON (`-j`, and `-d` for link/addr). */
  jsonArgv: string[];
}

/** What the renderer receives: the parsed model of one `ip -j` output. `addr` and `link` both give `links`. */
export interface IpTablePayload {
  kind: IpTableKind;
  links?: LinkInfo[];
  routes?: RouteInfo[];
  neighbours?: NeighbourInfo[];
  /**
   * The cell's output as text, shown by the renderer's "Text" switch. It travels inside the table's own output
   * item: offered as a second item beside it, a user's one choice of plain text would become VS Code's lasting
   * preference for every later table of every notebook.
   */
  text?: string;
}

/**
 * The `ip` show command a cell consists of, or undefined when the cell is anything else: more than one line, shell
 * syntax beyond plain words and quotes, another program, another object, or a command that changes state.
 */
export function detectIpQuery(source: string): IpQuery | undefined {
  const line = source.trim();
  if (line === '' || /[\r\n]/u.test(line)) return undefined;
  const words = splitShellWords(line);
  if (!words || words[0] !== 'ip') return undefined;
  const options = readGlobalOptions(words);
  if (!options) return undefined;
  const objectWord = words[options.next];
  const kind = objectWord === undefined ? undefined : objectKind(objectWord);
  if (kind === undefined) return undefined;
  const rest = words.slice(options.next + 1);
  // ip lists only with no words at all, or with a list verb first: `ip a dev x` is an error, `ip link s` is `set`.
  if (rest.length > 0 && !isListVerb(kind, rest[0]!)) return undefined;
  const added = [...(options.json ? [] : ['-j']), ...(needsDetails(kind) && !options.details ? ['-d'] : [])];
  const query: IpQuery = { kind, json: options.json, jsonArgv: ['ip', ...options.kept, ...added, objectWord!, ...rest] };
  if (options.namespace !== undefined) query.namespace = options.namespace;
  return query;
}

/**
 * Parses the output of the `jsonArgv` of a query (or of the cell itself when it used `-j`) into the table payload.
 * @throws ParseError when the text is not JSON (ip stopped half way, or printed nothing) or not of ip's shape.
 */
export function ipTablePayload(kind: IpTableKind, jsonText: string): IpTablePayload {
  const context = `ip -j ${kind} show`;
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch (error) {
    throw new ParseError(`the output is not JSON: ${error instanceof Error ? error.message : String(error)}`, context);
  }
  switch (kind) {
    case 'link':
    case 'addr':
      return { kind, links: parseLinks(json) };
    case 'route':
      return { kind, routes: parseRoutes(json) };
    case 'neigh':
      return { kind, neighbours: parseNeighbours(json) };
  }
}

// Characters that mean nothing to the shell outside quotes. Anything else ($, `, *, ~, {, \, |, ;, &, <, >, #, …)
// could expand, redirect or chain, so a line holding one is not read as a plain command.
const PLAIN_CHARACTER = /^[A-Za-z0-9_\-.:/=+,@%]$/u;

/**
 * Splits one line into words as the shell would, for plain words, 'single' and "double" quotes only.
 * Undefined when the line holds anything whose meaning depends on the shell (expansions, escapes, operators) or an
 * unterminated quote.
 */
export function splitShellWords(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined; // undefined between words, so that '' still makes an (empty) word
  for (let position = 0; position < line.length;) {
    const character = line[position]!;
    if (character === ' ' || character === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
      position += 1;
    } else if (character === "'" || character === '"') {
      const end = line.indexOf(character, position + 1);
      const quoted = end < 0 ? undefined : line.slice(position + 1, end);
      // Inside double quotes $, ` and \ still act (and ! in an interactive shell).
      if (quoted === undefined || (character === '"' && /[$`\\!]/u.test(quoted))) return undefined;
      word = (word ?? '') + quoted;
      position = end + 1;
    } else if (PLAIN_CHARACTER.test(character)) {
      word = (word ?? '') + character;
      position += 1;
    } else {
      return undefined;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** What a global option does to the JSON argv; `refuse` marks options this reading is not sure of. */
type OptionEffect = 'keep' | 'drop' | 'json' | 'details' | 'netns' | 'family' | 'refuse';

// ip's global options in the order ip 6.1 tries them: the first whose name starts with the word wins, which is why
// `-b` is -batch and `-br` is -brief. `exact` ones are compared whole. -color has its own rule (see colorOption).
const GLOBAL_OPTIONS: readonly { name: string; effect: OptionEffect; exact?: boolean }[] = [
  { name: '-loops', effect: 'refuse' },
  { name: '-family', effect: 'family' },
  { name: '-4', effect: 'keep', exact: true },
  { name: '-6', effect: 'keep', exact: true },
  { name: '-0', effect: 'keep', exact: true },
  { name: '-M', effect: 'refuse', exact: true },
  { name: '-B', effect: 'refuse', exact: true },
  { name: '-human', effect: 'keep' },
  { name: '-human-readable', effect: 'keep' },
  { name: '-iec', effect: 'keep' },
  { name: '-stats', effect: 'keep' },
  { name: '-statistics', effect: 'keep' },
  { name: '-details', effect: 'details' },
  { name: '-resolve', effect: 'keep' },
  { name: '-oneline', effect: 'drop' },
  { name: '-timestamp', effect: 'keep' },
  { name: '-tshort', effect: 'keep' },
  { name: '-Version', effect: 'refuse' },
  { name: '-force', effect: 'refuse' },
  { name: '-batch', effect: 'refuse' },
  { name: '-brief', effect: 'drop' },
  { name: '-json', effect: 'json' },
  { name: '-pretty', effect: 'drop' },
  { name: '-rcvbuf', effect: 'refuse' },
  { name: '-color', effect: 'drop' },
  { name: '-help', effect: 'refuse' },
  { name: '-netns', effect: 'netns' },
  { name: '-Numeric', effect: 'keep' },
  { name: '-all', effect: 'refuse' },
];

// Families whose JSON the parsers read; -f mpls/bridge/… list other kinds of entries.
const READABLE_FAMILIES = new Set(['inet', 'inet6', 'link']);

interface GlobalOptions {
  /** The option words kept for the JSON argv, as written. */
  kept: string[];
  json: boolean;
  details: boolean;
  namespace?: string;
  /** The index of the first word after the options (the object). */
  next: number;
}

function readGlobalOptions(words: string[]): GlobalOptions | undefined {
  const options: GlobalOptions = { kept: [], json: false, details: false, next: 1 };
  while (options.next < words.length && words[options.next]!.startsWith('-')) {
    const word = words[options.next]!;
    // `--` ends ip's options; rare enough not to model (the added -j would have to go before it).
    if (word === '--') return undefined;
    const effect = optionEffect(word.startsWith('--') ? word.slice(1) : word);
    const argument = words[options.next + 1];
    if (effect === 'refuse') return undefined;
    if (effect === 'netns' || effect === 'family') {
      if (argument === undefined || (effect === 'family' && !READABLE_FAMILIES.has(argument))) return undefined;
      if (effect === 'netns') options.namespace = argument;
      options.kept.push(word, argument);
      options.next += 2;
      continue;
    }
    if (effect === 'json') options.json = true;
    if (effect === 'details') options.details = true;
    if (effect !== 'drop') options.kept.push(word);
    options.next += 1;
  }
  return options;
}

function optionEffect(option: string): OptionEffect {
  const found = GLOBAL_OPTIONS.find((candidate) => {
    if (candidate.name === '-color') return colorOption(option);
    return candidate.exact ? option === candidate.name : isPrefix(option, candidate.name);
  });
  return found?.effect ?? 'refuse';
}

// ip reads -c[olor][=always|auto|never]; with another value the word matches no option at all.
function colorOption(option: string): boolean {
  const equals = option.indexOf('=');
  const name = equals < 0 ? option : option.slice(0, equals);
  const value = equals < 0 ? '' : option.slice(equals + 1);
  return isPrefix(name, '-color') && ['', 'always', 'auto', 'never'].includes(value);
}

// ip's objects in its own order up to `link`, so that a prefix goes where ip sends it (`n` is neighbor, `nt` ntable).
const OBJECTS: readonly [string, IpTableKind | undefined][] = [
  ['address', 'addr'],
  ['addrlabel', undefined],
  ['maddress', undefined],
  ['route', 'route'],
  ['rule', undefined],
  ['neighbor', 'neigh'],
  ['neighbour', 'neigh'],
  ['ntable', undefined],
  ['ntbl', undefined],
  ['link', 'link'],
];

function objectKind(word: string): IpTableKind | undefined {
  return OBJECTS.find(([name]) => isPrefix(word, name))?.[1];
}

// Each object's commands in the order ip tries them, up to its list verbs; a word that first matches a changing
// command (`a` is add, `s` under link is set, `d` is delete) is not a list.
const LIST_VERBS = ['list', 'show', 'lst'];
const COMMANDS: Record<IpTableKind, readonly string[]> = {
  addr: ['add', 'change', 'replace', 'delete', ...LIST_VERBS],
  link: ['add', 'set', 'change', 'replace', 'delete', ...LIST_VERBS],
  route: ['add', 'change', 'replace', 'prepend', 'append', 'test', 'delete', ...LIST_VERBS],
  neigh: ['add', 'change', 'replace', 'delete', 'get', ...LIST_VERBS],
};

function isListVerb(kind: IpTableKind, word: string): boolean {
  const command = COMMANDS[kind].find((name) => isPrefix(word, name));
  return command !== undefined && LIST_VERBS.includes(command);
}

// Without -d, ip -j gives no `linkinfo`, and every link but lo would read as a plain device.
function needsDetails(kind: IpTableKind): boolean {
  return kind === 'link' || kind === 'addr';
}

/** ip's `matches()`: a non-empty word that starts the full name. */
function isPrefix(word: string, name: string): boolean {
  return word.length > 0 && name.startsWith(word);
}
