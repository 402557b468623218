// A notebook file means the same in the editor and on the command line: both read its bytes through
// decodeNotebookBytes, a byte order mark does not hide the front matter and is written back, a file that is not
// UTF-8 is refused in both with the same line, column and byte offset, and a fence that is never closed is a cell
// marked with its problem in both.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError } from '../../../../src/core/errors.js';
import { NotebookFormatError, decodeNotebookBytes, encodeNotebookText, parseNotebook, readNotebookFile, serializeNotebook, type Notebook } from '../../../../src/core/notebook/index.js';
import { notebookCorpus, type CorpusEntry, type Expected } from '../../support/notebook-corpus.js';

const folder = mkdtempSync(join(tmpdir(), 'netns-lab-notebook-encoding-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const fixtures = new URL('../../../../../test/fixtures/notebooks/', import.meta.url);
const fixtureEntries = readdirSync(fixtures)
  .filter((name) => name.endsWith('.netns.md'))
  .map((name) => ({ name: `fixture ${name}`, bytes: new Uint8Array(readFileSync(new URL(name, fixtures))) }));

type Outcome = { notebook: Notebook } | { error: { reason: string; line: number; column: number } };

async function outcomeOf(read: () => Notebook | Promise<Notebook>): Promise<Outcome> {
  try {
    return { notebook: await read() };
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    return { error: { reason: error.reason, line: error.line, column: error.column } };
  }
}

/** What the editor's serializer does with a file's bytes before mapping the notebook to cells. */
function editorRead(bytes: Uint8Array): Notebook {
  return parseNotebook(decodeNotebookBytes(bytes));
}

function fileOf(entry: { name: string; bytes: Uint8Array }, index: number): string {
  const path = join(folder, `${index}.netns.md`);
  writeFileSync(path, entry.bytes);
  return path;
}

function assertAsExpected(outcome: Outcome, expected: Expected): void {
  if ('error' in expected) {
    assert.ok('error' in outcome, 'expected a refusal, but the notebook was read');
    assert.match(outcome.error.reason, expected.error);
    assert.deepEqual([outcome.error.line, outcome.error.column], [expected.line, expected.column]);
    return;
  }
  assert.ok('notebook' in outcome, `expected a notebook, got ${'error' in outcome ? outcome.error.reason : ''}`);
  const { notebook } = outcome;
  assert.deepEqual(notebook.frontMatter?.options, expected.options);
  const code = notebook.cells.filter((cell) => cell.kind === 'code');
  assert.deepEqual(
    code.map((cell) => cell.source),
    expected.code,
  );
  assert.equal(notebook.byteOrderMark === true, expected.byteOrderMark === true);
  const problems = expected.problems ?? code.map(() => undefined);
  assert.equal(code.length, problems.length, 'one expected problem (or undefined) per code cell');
  code.forEach((cell, index) => {
    const problem = problems[index];
    if (problem === undefined) assert.equal(cell.problem, undefined, `code cell ${index + 1}`);
    else assert.match(cell.problem ?? '(none)', problem, `code cell ${index + 1}`);
  });
}

describe('the shared corpus, read as the editor reads it', () => {
  for (const entry of notebookCorpus) {
    test(`${entry.name}: the notebook is what a reader sees in the file`, async () => {
      assertAsExpected(await outcomeOf(() => editorRead(entry.bytes)), entry.expected);
    });
  }
});

describe('the editor and the command line read every file of the corpus the same way', () => {
  const entries: Array<Pick<CorpusEntry, 'name' | 'bytes'>> = [...notebookCorpus, ...fixtureEntries];
  entries.forEach((entry, index) => {
    test(`${entry.name}: readNotebookFile gives what the editor gets`, async () => {
      const path = fileOf(entry, index);
      assert.deepEqual(await outcomeOf(() => readNotebookFile(path)), await outcomeOf(() => editorRead(entry.bytes)));
    });

    test(`${entry.name}: saved unedited, the file comes back byte for byte`, async () => {
      const outcome = await outcomeOf(() => editorRead(entry.bytes));
      if ('error' in outcome) return; // refused files are never written
      assert.deepEqual(encodeNotebookText(serializeNotebook(outcome.notebook)), entry.bytes);
    });
  });

  // The command line read files with readFile(file, 'utf8'), which keeps the mark; the parser must accept it there.
  test("text read with Node's utf8 decoding parses as the editor reads the same UTF-8 file", async () => {
    for (const [index, entry] of [...notebookCorpus, ...fixtureEntries].entries()) {
      const editor = await outcomeOf(() => editorRead(entry.bytes));
      if ('error' in editor && /UTF-/.test(editor.error.reason)) continue;
      const path = fileOf(entry, 1000 + index);
      assert.deepEqual(await outcomeOf(() => parseNotebook(readFileSync(path, 'utf8'))), editor, entry.name);
    }
  });

  test('the command line names the file in its message, the editor gives the line and column in words', async () => {
    const entry = notebookCorpus.find((candidate) => candidate.name === 'a byte that is not UTF-8 in the fourth line')!;
    const path = fileOf(entry, 2000);
    await assert.rejects(readNotebookFile(path), (error: Error) => error.message.startsWith(`${path}:4:3: the file is not valid UTF-8`));
    assert.throws(
      () => editorRead(entry.bytes),
      (error: Error) => error.message.startsWith('line 4, column 3: the file is not valid UTF-8'),
    );
  });

  test('a missing notebook file is a NotFoundError that names it', async () => {
    const path = join(folder, 'missing.netns.md');
    await assert.rejects(readNotebookFile(path), (error: Error) => error instanceof NotFoundError && error.message === `Notebook file ${path} does not exist`);
  });
});

describe('byte order mark', () => {
  test('the mark is kept aside: no cell holds it and the front matter text starts at ---', () => {
    const notebook = parseNotebook('\uFEFF---\nnetns: red\n---\n# Title\n');
    assert.equal(notebook.frontMatter?.text, '---\nnetns: red\n---\n');
    assert.equal(notebook.cells[0]?.source, '# Title\n');
  });

  test('an edited notebook with the mark keeps it at the start, before front matter', () => {
    const notebook = parseNotebook('\uFEFF---\nnetns: red\n---\n```sh\necho old\n```\n');
    notebook.cells[0]!.source = 'echo new';
    assert.equal(serializeNotebook(notebook), '\uFEFF---\nnetns: red\n---\n```sh\necho new\n```\n');
  });

  test('a new cell in a notebook that is only the mark follows it directly, with no blank line', () => {
    const notebook = parseNotebook('\uFEFF');
    notebook.cells.push({ kind: 'code', source: 'echo first' });
    assert.equal(serializeNotebook(notebook), '\uFEFF```sh\necho first\n```\n');
  });

  test('the mark is written as the three bytes EF BB BF', () => {
    assert.deepEqual([...encodeNotebookText(serializeNotebook(parseNotebook('\uFEFFx')))], [0xef, 0xbb, 0xbf, 0x78]);
  });

  test('errors after a mark are at the same line and column as without it', () => {
    const position = (text: string): unknown => {
      try {
        parseNotebook(text);
      } catch (error) {
        return error instanceof NotebookFormatError ? [error.line, error.column] : error;
      }
      return 'no error';
    };
    assert.deepEqual(position('\uFEFF```sh {nets=red}\n```\n'), [1, 8]);
    assert.deepEqual(position('```sh {nets=red}\n```\n'), [1, 8]);
  });
});

describe('bytes that are not UTF-8', () => {
  /** The byte offset named in the refusal of `bytes`, or undefined when they are read. */
  function refusedOffset(bytes: Uint8Array): number | undefined {
    try {
      decodeNotebookBytes(bytes);
      return undefined;
    } catch (error) {
      assert.ok(error instanceof NotebookFormatError, String(error));
      return Number(/at offset (\d+)/.exec(error.reason)?.[1]);
    }
  }

  const cases: Array<[string, number[], number]> = [
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong NUL (C0 80)', [0x61, 0x62, 0xc0, 0x80], 2],
    ['an overlong slash (E0 80 AF)', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate (ED A0 80)', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5, which never starts a sequence', [0x61, 0x0a, 0xf5], 2],
    ['a sequence cut short by the end of the file', [0x61, 0xe2, 0x82], 1],
    ['a sequence cut short by ASCII', [0xe2, 0x82, 0x28, 0x61], 0],
    ['a stray continuation after a complete sequence', [0xe2, 0x82, 0xac, 0x80], 3],
  ];
  for (const [what, bytes, offset] of cases) {
    test(`${what} is refused at offset ${offset}`, () => {
      assert.equal(refusedOffset(Uint8Array.from(bytes)), offset);
    });
  }

  test('the largest code point, noncharacters and an encoded U+FFFD are read', () => {
    assert.equal(decodeNotebookBytes(Uint8Array.from([0xf4, 0x8f, 0xbf, 0xbf, 0xef, 0xbf, 0xbe, 0xef, 0xbf, 0xbd])), '\u{10FFFF}\uFFFE\uFFFD');
  });

  test('on random bytes, the refusal agrees with the platform decoder and names the first byte it cannot read', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const lenient = new TextDecoder('utf-8');
    let seed = 12345;
    // mulberry32: the same bytes on every run, so a failure can be reproduced.
    const random = (limit: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
      return ((value ^ (value >>> 14)) >>> 0) % limit;
    };
    // Mostly well-formed text, now and then an odd byte or a lead byte with bytes from the continuation range (which
    // hits the edges of the ranges: overlong forms, surrogates, too large), so refusals happen at every depth.
    const pieces = ['a', '\n', '\r\n', 'é', '€', '😀', '\uFEFF'].map((piece) => [...new TextEncoder().encode(piece)]);
    const piece = (): number[] => {
      const kind = random(8);
      if (kind === 0) return [random(256)];
      if (kind === 1) return [0xc0 + random(64), ...Array.from({ length: 1 + random(3) }, () => (random(4) ? 0x80 + random(64) : random(256)))];
      return pieces[random(pieces.length)]!;
    };
    for (let round = 0; round < 20000; round++) {
      const bytes = Uint8Array.from(Array.from({ length: random(8) }, piece).flat());
      const offset = refusedOffset(bytes);
      let platformRefuses = false;
      try {
        fatal.decode(bytes);
      } catch {
        platformRefuses = true;
      }
      assert.equal(offset !== undefined, platformRefuses, `bytes ${[...bytes].join(' ')}`);
      if (offset === undefined) continue;
      // The bytes before the offset are well-formed, and the byte at it is where U+FFFD would first stand.
      const before = fatal.decode(bytes.subarray(0, offset));
      assert.ok(lenient.decode(bytes).startsWith(`${before}\uFFFD`), `bytes ${[...bytes].join(' ')}, offset ${offset}`);
    }
  });
});

/** The TypeScript sources under a folder of src/, with their paths relative to it. */
function sourcesUnder(folder: string): Array<{ name: string; text: string }> {
  const root = new URL(`../../../../../src/${folder}/`, import.meta.url);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(new URL(name, root), 'utf8') }));
}

describe('the editor reads notebook files through the core', () => {
  const sources = sourcesUnder('ext');

  test('the serializer decodes and encodes with the core functions the command line uses, and no decoder of its own', () => {
    const serializer = sources.find((source) => source.name === join('notebook', 'serializer.ts'))!.text;
    assert.match(serializer, /decodeNotebookBytes\(/);
    assert.match(serializer, /encodeNotebookText\(/);
    assert.doesNotMatch(serializer, /TextDecoder|TextEncoder|toString\(/);
  });

  // Anything else that parses a notebook (a closed notebook's front matter, say) must not decode the file its own way.
  test('no other file of the editor parses notebook text of its own: files are read with readNotebookFile', () => {
    const parsing = sources.filter((source) => /parseNotebook\(/.test(source.text) && !source.name.endsWith('serializer.ts'));
    assert.deepEqual(
      parsing.map((source) => source.name),
      [],
    );
  });
});

describe('the command line reads notebook files through the core', () => {
  const sources = sourcesUnder('cli');

  test('it parses notebooks only through readNotebookFile, as the editor decodes them', () => {
    assert.deepEqual(
      sources.filter((source) => /parseNotebook\(/.test(source.text)).map((source) => source.name),
      [],
    );
    assert.ok(
      sources.some((source) => /readNotebookFile\(/.test(source.text)),
      'no file of the command line reads notebooks with readNotebookFile',
    );
  });
});
