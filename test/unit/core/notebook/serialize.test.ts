// Writing an edited notebook: an edit changes only what was edited, new cells get a fresh fence set off by blank
// lines, deleted cells take exactly their text with them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseNotebook, serializeNotebook, type Notebook, type NotebookCell } from '../../../../src/core/notebook/index.js';

const corpus = new URL('../../../../../test/fixtures/notebooks/', import.meta.url);

function readFixture(name: string): string {
  return readFileSync(new URL(name, corpus), 'utf8');
}

function codeCell(notebook: Notebook, startOfSource: string): NotebookCell {
  const cell = notebook.cells.find((each) => each.kind === 'code' && each.source.startsWith(startOfSource));
  assert.ok(cell, `no code cell starting with ${JSON.stringify(startOfSource)}`);
  return cell;
}

/** Replaces exactly one occurrence of `from` in `text`, failing when it is not there exactly once. */
function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `${JSON.stringify(from)} must occur exactly once`);
  return text.replace(from, () => to);
}

describe('editing cells', () => {
  test('editing a code cell inside a list item keeps its fence and indentation and changes only its body', () => {
    const text = readFixture('bare-fences-in-numbered-list.netns.md');
    const notebook = parseNotebook(text);
    codeCell(notebook, 'ip netns add red').source = 'ip netns add green\n\nip netns add yellow';
    const expected = replaceOnce(text, '   ip netns add red\n   ip netns add blue\n', '   ip netns add green\n\n   ip netns add yellow\n');
    assert.equal(serializeNotebook(notebook), expected);
  });

  test('an edited cell in a list item reads back as the edited source', () => {
    const notebook = parseNotebook(readFixture('bare-fences-in-numbered-list.netns.md'));
    codeCell(notebook, 'ip -n red link set').source = 'ip -n red link set veth-red up\nip -n red link';
    const reread = parseNotebook(serializeNotebook(notebook));
    assert.equal(codeCell(reread, 'ip -n red link set').source, 'ip -n red link set veth-red up\nip -n red link');
    assert.equal(reread.cells.length, notebook.cells.length);
  });

  test('editing a code cell in a block quote writes each line behind "> " and an empty line as ">"', () => {
    const text = readFixture('fences-in-block-quotes.netns.md');
    const notebook = parseNotebook(text);
    codeCell(notebook, 'ip route').source = 'ip route\n\nip -6 route';
    assert.equal(serializeNotebook(notebook), replaceOnce(text, '> ip route\n', '> ip route\n>\n> ip -6 route\n'));
  });

  test('editing a code cell of a CRLF file writes CRLF', () => {
    const text = readFixture('crlf.netns.md');
    const notebook = parseNotebook(text);
    codeCell(notebook, 'ip link').source = 'ip -br link\nip -br addr';
    assert.equal(serializeNotebook(notebook), replaceOnce(text, '   ip link\r\n', '   ip -br link\r\n   ip -br addr\r\n'));
  });

  test('editing the last cell of a file without a final newline adds none', () => {
    const text = readFixture('only-one-fence-no-final-newline.netns.md');
    const notebook = parseNotebook(text);
    notebook.cells[0]!.source = 'ip -br addr show dev lo';
    assert.equal(serializeNotebook(notebook), '~~~bash\nip -br addr show dev lo\n~~~');
  });

  test('editing an unclosed fence keeps it unclosed', () => {
    const notebook = parseNotebook('```sh\nip a');
    notebook.cells[0]!.source = 'ip r';
    assert.equal(serializeNotebook(notebook), '```sh\nip r');
  });

  test('an edited body line that would close the fence makes the fence longer', () => {
    const text = 'Intro\n\n```sh\necho\n```\n\nOutro\n';
    const notebook = parseNotebook(text);
    notebook.cells[1]!.source = "cat <<'EOF'\n```\nEOF";
    const written = serializeNotebook(notebook);
    assert.equal(written, "Intro\n\n````sh\ncat <<'EOF'\n```\nEOF\n````\n\nOutro\n");
    assert.equal(parseNotebook(written).cells[1]!.source, "cat <<'EOF'\n```\nEOF");
  });

  test("changing a cell's options rewrites only the info string of its opening line", () => {
    const text = readFixture('options.netns.md');
    const notebook = parseNotebook(text);
    codeCell(notebook, 'ip addr').options = { netns: 'lab one', timeoutSeconds: 30 };
    assert.equal(serializeNotebook(notebook), replaceOnce(text, '```sh {netns=red timeout=30}\n', '```sh {netns="lab one" timeout=30}\n'));
  });

  test('a code cell given without language or options keeps the info string it had', () => {
    const text = readFixture('options.netns.md');
    const notebook = parseNotebook(text);
    const cell = codeCell(notebook, 'ip addr');
    delete cell.options;
    delete cell.language;
    assert.equal(serializeNotebook(notebook), text);
  });

  test("an edited Markdown cell is written as its new text with the file's line endings", () => {
    const text = readFixture('crlf.netns.md');
    const notebook = parseNotebook(text);
    notebook.cells[0]!.source = '# CRLF, edited\n\nNew words.\n\n';
    assert.equal(serializeNotebook(notebook), replaceOnce(text, '# CRLF\r\n\r\n1. Step\r\n\r\n', '# CRLF, edited\r\n\r\nNew words.\r\n\r\n'));
  });

  test('an edited Markdown cell without a final newline still leaves the next fence on its own line', () => {
    const notebook = parseNotebook('Intro\n```sh\nls\n```\n');
    notebook.cells[0]!.source = 'Intro, edited';
    assert.equal(serializeNotebook(notebook), 'Intro, edited\n```sh\nls\n```\n');
  });
});

describe('adding and deleting cells', () => {
  test('a new code cell at the end is a sh fence after a blank line', () => {
    const notebook = parseNotebook('# Lab\n\nSome text.\n');
    notebook.cells.push({ kind: 'code', source: 'ip netns add red\nip netns list' });
    assert.equal(serializeNotebook(notebook), '# Lab\n\nSome text.\n\n```sh\nip netns add red\nip netns list\n```\n');
  });

  test('a new code cell between two cells is set off by blank lines and leaves the rest unchanged', () => {
    const text = 'Intro\n\n```sh\nip a\n```\nOutro\n';
    const notebook = parseNotebook(text);
    notebook.cells.splice(1, 0, { kind: 'code', source: 'ip r' });
    assert.equal(serializeNotebook(notebook), 'Intro\n\n```sh\nip r\n```\n\n```sh\nip a\n```\nOutro\n');
  });

  test('a new code cell in a CRLF notebook is written with CRLF', () => {
    const notebook = parseNotebook('Intro\r\n');
    notebook.cells.push({ kind: 'code', source: 'ip a\nip r' });
    assert.equal(serializeNotebook(notebook), 'Intro\r\n\r\n```sh\r\nip a\r\nip r\r\n```\r\n');
  });

  test('a new code cell after a file without a final newline starts on a new line after a blank one', () => {
    const notebook = parseNotebook('```sh\nip a\n```');
    notebook.cells.push({ kind: 'code', source: 'ip r' });
    assert.equal(serializeNotebook(notebook), '```sh\nip a\n```\n\n```sh\nip r\n```\n');
  });

  test('a new code cell in an empty notebook is just its fence', () => {
    const notebook = parseNotebook('');
    notebook.cells.push({ kind: 'code', source: 'ip a' });
    assert.equal(serializeNotebook(notebook), '```sh\nip a\n```\n');
  });

  test('a new code cell after front matter is set off by a blank line', () => {
    const notebook = parseNotebook('---\nnetns: red\n---\n');
    notebook.cells.push({ kind: 'code', source: 'ip a' });
    assert.equal(serializeNotebook(notebook), '---\nnetns: red\n---\n\n```sh\nip a\n```\n');
  });

  test('a new code cell with options writes them into its info string, quoting names that need it', () => {
    const notebook = parseNotebook('');
    notebook.cells.push({ kind: 'code', source: 'ip a', language: 'bash', options: { netns: 'lab one', timeoutSeconds: 10 } });
    notebook.cells.push({ kind: 'code', source: 'ip r', options: { netns: null } });
    assert.equal(serializeNotebook(notebook), '```bash {netns="lab one" timeout=10}\nip a\n```\n\n```sh {netns=/}\nip r\n```\n');
  });

  test('a new code cell whose namespace holds a backtick gets a tilde fence, and reads back', () => {
    const notebook = parseNotebook('');
    notebook.cells.push({ kind: 'code', source: 'ip a', options: { netns: 'odd`name' } });
    const written = serializeNotebook(notebook);
    assert.equal(written, '~~~sh {netns=odd`name}\nip a\n~~~\n');
    assert.deepEqual(parseNotebook(written).cells[0]!.options, { netns: 'odd`name' });
  });

  test('a new Markdown cell is written as its text after a blank line', () => {
    const notebook = parseNotebook('```sh\nip a\n```\n');
    notebook.cells.push({ kind: 'markdown', source: '## Next\n\nMore words.' });
    assert.equal(serializeNotebook(notebook), '```sh\nip a\n```\n\n## Next\n\nMore words.\n');
  });

  test('deleting a code cell removes exactly its text and the blank lines that trailed it', () => {
    const text = 'Intro\n\n```sh\none\n```\n\n```sh\ntwo\n```\n\nOutro\n';
    const notebook = parseNotebook(text);
    notebook.cells.splice(1, 1);
    assert.equal(serializeNotebook(notebook), 'Intro\n\n```sh\ntwo\n```\n\nOutro\n');
  });

  test('deleting a Markdown cell between two fences removes exactly its text', () => {
    const text = '```sh\none\n```\nBetween.\n```sh\ntwo\n```\n';
    const notebook = parseNotebook(text);
    notebook.cells.splice(1, 1);
    assert.equal(serializeNotebook(notebook), '```sh\none\n```\n```sh\ntwo\n```\n');
  });

  test('deleting every cell leaves the front matter and the leading blank lines', () => {
    const notebook = parseNotebook('---\ntarget: h\n---\n\n```sh\nip a\n```\n');
    notebook.cells = [];
    assert.equal(serializeNotebook(notebook), '---\ntarget: h\n---\n\n');
  });

  test('moving the last cell of a file without a final newline to the front ends its line', () => {
    const notebook = parseNotebook('```sh\none\n```\n```sh\ntwo\n```');
    notebook.cells.reverse();
    assert.equal(serializeNotebook(notebook), '```sh\ntwo\n```\n```sh\none\n```\n');
  });
});
