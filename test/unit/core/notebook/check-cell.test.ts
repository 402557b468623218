// Check cells in a notebook file: a ```check fence is a check cell (not a shell cell, not Markdown), the file is
// written back byte for byte, and a bad check is reported at its line and column in the file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isCheckCell, parseNotebook, parseNotebookChecks, serializeNotebook } from '../../../../src/core/index.js';

const NOTEBOOK = [
  '---',
  'netns: lab-red',
  '---',
  '# Proof',
  '',
  '```sh',
  'ip link set eth0 up',
  '```',
  '',
  '1. The two reach each other:',
  '',
  '   ```check',
  '   - reach: 10.0.0.2',
  '   - link: eth0',
  '     in: lab-blue',
  '   ```',
  '',
].join('\n');

describe('check cells', () => {
  test('a check fence is a check cell, and the file is written back unchanged', () => {
    const notebook = parseNotebook(NOTEBOOK);
    const code = notebook.cells.filter((cell) => cell.kind === 'code');
    assert.deepEqual(
      code.map((cell) => [cell.language, isCheckCell(cell)]),
      [
        ['sh', false],
        ['check', true],
      ],
    );
    assert.equal(code[1]!.source, '- reach: 10.0.0.2\n- link: eth0\n  in: lab-blue');
    assert.equal(serializeNotebook(notebook), NOTEBOOK);
  });

  test('its checks name the lines of the file, and default to the notebook namespace', () => {
    const { cells, diagnostics } = parseNotebookChecks(parseNotebook(NOTEBOOK));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      cells[0]!.checks.map((check) => [check.kind, check.line, check.kind === 'reach' ? check.from : check.kind === 'link' ? check.namespace : undefined]),
      [
        ['reach', 13, 'lab-red'],
        ['link', 14, 'lab-blue'],
      ],
    );
  });

  test('the cell option netns is the default of its checks', () => {
    const { cells } = parseNotebookChecks(parseNotebook('```check {netns=lab-x}\n- forwarding: true\n```\n'));
    assert.deepEqual(cells[0]!.checks, [{ kind: 'forwarding', namespace: 'lab-x', enabled: true, family: 'ipv4', line: 2 }]);
  });

  test('a problem in a check block is at its line and column in the file, indentation included', () => {
    const broken = NOTEBOOK.replace('     in: lab-blue', '     in: lab-blue\n     colour: red');
    const { diagnostics } = parseNotebookChecks(parseNotebook(broken));
    assert.equal(diagnostics.length, 1);
    assert.deepEqual([diagnostics[0]!.line, diagnostics[0]!.column], [16, 6]);
    assert.match(diagnostics[0]!.message, /unknown key "colour" in a link check/u);
  });

  test('other languages stay Markdown', () => {
    const notebook = parseNotebook('```yaml\nreach: 1\n```\n');
    assert.deepEqual(
      notebook.cells.map((cell) => cell.kind),
      ['markdown'],
    );
  });
});
