// The `*.netns.md` format: every file of the awkward corpus comes back byte for byte, and the cells found in it are
// the ones CommonMark says are there (fences in lists and quotes, tilde and longer fences, other languages left alone).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseNotebook, serializeNotebook, type Notebook } from '../../../../src/core/notebook/index.js';

const corpus = new URL('../../../../../test/fixtures/notebooks/', import.meta.url);
const corpusFiles = readdirSync(corpus)
  .filter((name) => name.endsWith('.netns.md'))
  .sort();

function readFixture(name: string): string {
  return readFileSync(new URL(name, corpus), 'utf8');
}

function roundTrip(text: string): string {
  return serializeNotebook(parseNotebook(text));
}

/** Each cell as [kind, language, source]: what a reader of the notebook sees. */
function cellsOf(notebook: Notebook): Array<[string, string | undefined, string]> {
  return notebook.cells.map((cell) => [cell.kind, cell.language, cell.source]);
}

describe('round trip of the corpus', () => {
  test('the corpus holds at least 15 awkward files', () => {
    assert.ok(corpusFiles.length >= 15, `only ${corpusFiles.length} files in ${corpus.pathname}`);
  });

  for (const name of corpusFiles) {
    test(`${name} comes back byte for byte`, () => {
      const text = readFixture(name);
      assert.equal(roundTrip(text), text);
    });

    test(`${name} with CRLF line endings comes back byte for byte`, () => {
      const text = readFixture(name).replace(/\r\n|\r|\n/g, '\r\n');
      assert.equal(roundTrip(text), text);
    });

    test(`${name} with trailing spaces on every line comes back byte for byte`, () => {
      const text = readFixture(name).replace(/\r\n|\r|\n/g, ' \t $&');
      assert.equal(roundTrip(text), text);
    });
  }

  test('every prefix of every corpus file without front matter, cut at a line break, comes back byte for byte', () => {
    for (const name of corpusFiles) {
      const text = readFixture(name);
      if (text.startsWith('---')) continue;
      for (const cut of text.matchAll(/\r\n|\r|\n/g)) {
        const prefix = text.slice(0, cut.index + cut[0].length);
        assert.equal(roundTrip(prefix), prefix, `${name} cut after offset ${cut.index}`);
      }
    }
  });
});

describe('cells found in the corpus', () => {
  test('bare fences inside a numbered list are shell cells with the list indentation removed', () => {
    const notebook = parseNotebook(readFixture('bare-fences-in-numbered-list.netns.md'));
    const code = notebook.cells.filter((cell) => cell.kind === 'code');
    assert.deepEqual(
      code.map((cell) => [cell.language, cell.source]),
      [
        ['', 'ip netns add red\nip netns add blue'],
        ['', 'ip link add veth-red type veth peer name veth-blue\nip link set veth-red netns red\nip link set veth-blue netns blue'],
        ['', 'ip -n red addr add 10.0.0.1/24 dev veth-red'],
        ['shell', 'ip -n red link set veth-red up'],
      ],
    );
    assert.deepEqual(
      code.map((cell) => cell.origin?.fence?.indent),
      ['   ', '   ', '   ', '     '],
    );
  });

  test('a fence on the list marker line keeps the marker in its opening line', () => {
    const notebook = parseNotebook(readFixture('bare-fences-in-numbered-list.netns.md'));
    const fence = notebook.cells.find((cell) => cell.source.startsWith('ip -n red addr'))?.origin?.fence;
    assert.deepEqual(fence, { opening: '3. ```', closing: '   ```', indent: '   ' });
  });

  test('Markdown between code cells is one cell with its blank lines, and a text fence stays in it', () => {
    const notebook = parseNotebook(readFixture('bare-fences-in-numbered-list.netns.md'));
    const last = notebook.cells[notebook.cells.length - 1]!;
    assert.equal(last.kind, 'markdown');
    assert.equal(last.source, '\n4. Check it (this output is not a cell):\n\n   ```text\n   PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n   ```\n');
  });

  test('fences in block quotes, nested quotes and lists in quotes are cells without their > prefix', () => {
    const notebook = parseNotebook(readFixture('fences-in-block-quotes.netns.md'));
    const code = notebook.cells.filter((cell) => cell.kind === 'code');
    assert.deepEqual(
      code.map((cell) => [cell.source, cell.origin?.fence?.indent]),
      [
        ['ip netns list\n\nip -all netns exec ip -br link', '> '],
        ['ip route', '> '],
        ['no space after the marker', '>'],
        ['ip -n red link', '>    '],
        ['echo deep', '> > '],
      ],
    );
  });

  test("a quote line with only > between two fences is no Markdown cell but the first cell's trailing text", () => {
    const notebook = parseNotebook(readFixture('fences-in-block-quotes.netns.md'));
    assert.deepEqual(
      notebook.cells.slice(1, 3).map((cell) => cell.kind),
      ['code', 'code'],
    );
    assert.equal(notebook.cells[1]!.origin?.trailing, '>\n');
  });

  test('longer and tilde fences hold shorter fences of the other kind in their source', () => {
    const notebook = parseNotebook(readFixture('tilde-and-longer-fences.netns.md'));
    assert.deepEqual(cellsOf(notebook).slice(1), [
      ['code', 'sh', "cat > lab.md <<'EOF'\n```sh\nip netns add inner\n```\nEOF"],
      ['code', '', 'echo tilde fence\n```\nstill inside'],
      ['code', 'bash', '~~~\nalso inside\n~~~'],
      ['code', '', 'seven backticks'],
    ]);
  });

  test('fences in yaml, json, console, text and shell-session stay Markdown; Bash in capitals is a cell', () => {
    const notebook = parseNotebook(readFixture('other-languages-stay-markdown.netns.md'));
    assert.deepEqual(
      notebook.cells.map((cell) => cell.kind),
      ['markdown', 'code'],
    );
    assert.match(notebook.cells[0]!.source, /```yaml\nnamespaces: \[red, blue\]\n```/);
    assert.deepEqual(cellsOf(notebook)[1], ['code', 'Bash', 'echo capitalised language is a cell']);
  });

  test('a fence swallowed by an HTML block or comment is not a cell; one after a blank line is', () => {
    const notebook = parseNotebook(readFixture('html-blocks.netns.md'));
    assert.deepEqual(
      cellsOf(notebook).filter(([kind]) => kind === 'code'),
      [['code', 'sh', 'echo a real fence between HTML lines']],
    );
  });

  test('fences indented up to three spaces are cells and four spaces is indented code', () => {
    const notebook = parseNotebook(readFixture('indented-fences.netns.md'));
    const code = notebook.cells.filter((cell) => cell.kind === 'code');
    assert.deepEqual(
      code.map((cell) => cell.source),
      ['echo one space\n echo two spaces\necho no space', 'echo three spaces\n echo four'],
    );
  });

  test('an unclosed fence at the end of the file is a cell with no closing line', () => {
    const notebook = parseNotebook(readFixture('unclosed-fence-at-end.netns.md'));
    const last = notebook.cells[notebook.cells.length - 1]!;
    assert.equal(last.source, 'ip addr\n\nip route\n');
    assert.equal(last.origin?.fence?.closing, '');
    assert.deepEqual(last.options, { netns: 'red' });
  });

  test("blank lines before the first cell are the notebook's leading text and blank lines between fences trail a cell", () => {
    const notebook = parseNotebook(readFixture('adjacent-fences.netns.md'));
    assert.equal(notebook.leading, '\n\n');
    assert.deepEqual(
      notebook.cells.map((cell) => cell.kind),
      ['code', 'code', 'code', 'code'],
    );
    assert.deepEqual(
      notebook.cells.map((cell) => cell.origin?.trailing),
      [undefined, '\n\n', '  \n', '\n\n'],
    );
  });

  test("CRLF files give sources with \\n and keep CRLF as the notebook's line ending", () => {
    const notebook = parseNotebook(readFixture('crlf.netns.md'));
    assert.equal(notebook.lineEnding, '\r\n');
    assert.deepEqual(cellsOf(notebook), [
      ['markdown', undefined, '# CRLF\n\n1. Step\n\n'],
      ['code', 'sh', 'ip link'],
      ['code', '', 'echo quoted'],
    ]);
    assert.equal(notebook.frontMatter?.text, '---\r\ntarget: host\r\n---\r\n');
  });

  test('a lone CR is a line break too', () => {
    const notebook = parseNotebook(readFixture('mixed-line-endings.netns.md'));
    assert.equal(notebook.lineEnding, '\r\n');
    assert.deepEqual(
      cellsOf(notebook).map(([kind, , source]) => [kind, source]),
      [
        ['markdown', '# Mixed\n\nline with lone CR\n'],
        ['code', 'echo crlf'],
        ['markdown', '\nafter lone CR\n'],
        ['code', 'unclosed with mixed endings\n'],
      ],
    );
  });

  test('an empty file has no cells and comes back empty', () => {
    assert.deepEqual(parseNotebook(''), { cells: [], lineEnding: '\n' });
  });

  test('a file of only blank lines has no cells, only leading text', () => {
    const notebook = parseNotebook(readFixture('whitespace-only.netns.md'));
    assert.deepEqual(notebook.cells, []);
    assert.equal(notebook.leading, '\n  \n\t\n\n');
  });

  test('a file of only front matter has its options and no cells', () => {
    const notebook = parseNotebook(readFixture('front-matter-only.netns.md'));
    assert.deepEqual(notebook.frontMatter?.options, { target: 'lab-host', netns: 'red', topology: 'lab.netns.yaml' });
    assert.deepEqual(notebook.cells, []);
  });

  test('a file that is one fence is one code cell whose text is the whole file', () => {
    const text = readFixture('only-one-fence-no-final-newline.netns.md');
    const notebook = parseNotebook(text);
    assert.deepEqual(cellsOf(notebook), [['code', 'bash', 'ip -br addr']]);
    assert.equal(notebook.cells[0]!.origin?.text, text);
  });

  test('cell options in the corpus are read from the info strings', () => {
    const notebook = parseNotebook(readFixture('options.netns.md'));
    assert.deepEqual(
      notebook.cells.map((cell) => cell.options),
      [{ netns: 'red', timeoutSeconds: 30 }, { netns: null }, { netns: 'blue' }, { timeoutSeconds: 5, netns: 'with "quotes"' }],
    );
  });

  test('unicode namespace names and quoted names are read from options and front matter', () => {
    const notebook = parseNotebook(readFixture('unicode.netns.md'));
    assert.deepEqual(notebook.frontMatter?.options, { target: 'lab-☃', netns: 'rød' });
    assert.deepEqual(
      notebook.cells.filter((cell) => cell.kind === 'code').map((cell) => cell.options?.netns),
      ['lab one', '名前', 'back\\slash'],
    );
  });

  test('a parsed notebook is plain data: after a JSON round trip it still serializes to the same bytes', () => {
    const text = readFixture('fences-in-block-quotes.netns.md');
    const copy = JSON.parse(JSON.stringify(parseNotebook(text))) as Notebook;
    assert.equal(serializeNotebook(copy), text);
  });
});
