// Cell options (info strings): what is accepted, and that every refusal says what is expected at the line and
// column of the fault. Front matter is in options-front-matter.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError } from '../../../../src/core/errors.js';
import { NotebookFormatError, formatCellOptions, isCellLanguage, parseCellOptions, parseNotebook } from '../../../../src/core/notebook/index.js';

/** Asserts that parsing fails with a NotebookFormatError at line:column whose message matches. */
function failsAt(parse: () => unknown, line: number, column: number, pattern: RegExp): void {
  assert.throws(parse, (error: unknown) => {
    assert.ok(error instanceof NotebookFormatError, `expected NotebookFormatError, got ${String(error)}`);
    assert.deepEqual([error.line, error.column], [line, column], error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('cell options', () => {
  test('the longest timeout a timer holds is taken', () => {
    assert.deepEqual(parseCellOptions('sh {timeout=2147483}'), { timeoutSeconds: 2147483 });
  });

  test('netns and timeout are read from the braces after the language', () => {
    assert.deepEqual(parseCellOptions('sh {netns=red timeout=30}'), { netns: 'red', timeoutSeconds: 30 });
  });

  test('diff=true and diff=false turn the diff of a cell on and off, and are written back', () => {
    assert.deepEqual([parseCellOptions('sh {diff=true}'), parseCellOptions('sh {netns=red diff=false}')], [{ diff: true }, { netns: 'red', diff: false }]);
    assert.equal(formatCellOptions({ netns: 'red', diff: true }), '{netns=red diff=true}');
  });

  test('diff takes only true or false, and says so', () => {
    for (const value of ['yes', '1', 'TRUE', '"$(reboot)"', '']) {
      assert.throws(() => parseCellOptions(`sh {diff=${value}}`), /expected diff=true or diff=false$/);
    }
  });

  test('capture takes NS:IF words (IF alone: the root namespace), and is written back as read', () => {
    const options = parseCellOptions('sh {netns=red capture="red:veth0 blue:veth1 eth0"}');
    assert.deepEqual(options.capture, [
      { namespace: 'red', interfaceName: 'veth0' },
      { namespace: 'blue', interfaceName: 'veth1' },
      { namespace: null, interfaceName: 'eth0' },
    ]);
    assert.equal(formatCellOptions(options), '{netns=red capture="red:veth0 blue:veth1 eth0"}');
    assert.equal(formatCellOptions({ capture: [{ namespace: 'red', interfaceName: 'veth0' }] }), '{capture=red:veth0}');
  });

  test('capture refuses bad and repeated interfaces, and an empty list, at the option', () => {
    failsAt(() => parseCellOptions('sh {capture="red:veth0 red:veth0"}'), 1, 5, /capture names red:veth0 twice/);
    failsAt(() => parseCellOptions('sh {capture="red:averyverylongname0"}'), 1, 5, /bad interface "red:averyverylongname0" for capture: .*; write NS:IF/);
    failsAt(() => parseCellOptions('sh {capture=a/b:veth0}'), 1, 5, /bad interface "a\/b:veth0" for capture/);
    failsAt(() => parseCellOptions('sh {capture=""}'), 1, 5, /capture needs interfaces, like capture="ns1:veth0 ns2:veth1"/);
  });

  test('netns=/ is the root namespace', () => {
    assert.deepEqual(parseCellOptions('sh {netns=/}'), { netns: null });
  });

  test('a namespace called root is a namespace, not the root namespace', () => {
    assert.deepEqual(parseCellOptions('sh {netns=root}'), { netns: 'root' });
  });

  test('double-quoted values hold spaces, quotes and escapes', () => {
    assert.deepEqual(parseCellOptions('sh {netns="lab one \\"q\\" \\\\ \\n"}'), { netns: 'lab one "q" \\ \n' });
  });

  test('single-quoted values are taken literally', () => {
    assert.deepEqual(parseCellOptions('bash {netns=\'a\\b "c"\'}'), { netns: 'a\\b "c"' });
  });

  test("an info string without braces, or a bare fence's empty one, has no options", () => {
    assert.deepEqual(parseCellOptions('sh'), {});
    assert.deepEqual(parseCellOptions(''), {});
  });

  test('a bare fence may carry options without a language', () => {
    assert.deepEqual(parseNotebook('```{timeout=1.5}\nsleep 1\n```\n').cells[0]!.options, { timeoutSeconds: 1.5 });
  });

  test('options are written back in braces, with names quoted only when they need it', () => {
    assert.equal(formatCellOptions({ netns: 'red', timeoutSeconds: 30 }), '{netns=red timeout=30}');
    assert.equal(formatCellOptions({ netns: null }), '{netns=/}');
    assert.equal(formatCellOptions({ netns: 'lab one' }), '{netns="lab one"}');
    assert.equal(formatCellOptions({}), '');
  });

  test('every odd but valid namespace name survives formatting and parsing', () => {
    const names = ['lab one', 'with "quotes"', "it's", 'back\\slash', 'new\nline', 'tab\there', '{braces}', 'ünïcødé-名前', '$(touch x)', 'a=b'];
    for (const name of names) {
      assert.deepEqual(parseCellOptions(`sh ${formatCellOptions({ netns: name })}`), { netns: name }, name);
    }
  });

  test('sh, bash, shell and no language are cell languages, in any case; others are not', () => {
    assert.deepEqual(['sh', 'bash', 'shell', '', 'BASH'].map(isCellLanguage), [true, true, true, true, true]);
    assert.deepEqual(['yaml', 'json', 'text', 'console', 'zsh', 'shell-session'].map(isCellLanguage), [false, false, false, false, false, false]);
  });

  test('a fence with yaml language and braces stays Markdown and its braces are not checked', () => {
    const notebook = parseNotebook('```yaml {nets=red}\na: 1\n```\n');
    assert.deepEqual(
      notebook.cells.map((cell) => cell.kind),
      ['markdown'],
    );
  });

  test('an unknown option is an error with file, line and column that names the options', () => {
    const text = '# Lab\n\n```sh {nets=red}\nip a\n```\n';
    failsAt(() => parseNotebook(text, 'notebook.netns.md'), 3, 8, /^notebook\.netns\.md:3:8: unknown cell option "nets"; the options are netns, timeout, diff, capture, picture$/);
  });

  test('without a file name the message gives the line and column in words', () => {
    failsAt(() => parseNotebook('```sh {nets=red}\n```\n'), 1, 8, /^line 1, column 8: unknown cell option "nets"/);
  });

  test('a bad option in a fence inside a list item points at its column in the file', () => {
    failsAt(() => parseNotebook('1. Step\n\n   ```bash {timeout=soon}\n   sleep 1\n   ```\n'), 3, 13, /bad value "soon" for timeout; expected a number of seconds above 0/);
  });

  test('a NotebookFormatError is an InvalidArgumentError', () => {
    assert.throws(() => parseCellOptions('sh {x=1}'), InvalidArgumentError);
  });

  const refusals: Array<[string, string, number, RegExp]> = [
    ['a namespace name with a slash', 'sh {netns=a/b}', 5, /bad value "a\/b" for netns: a namespace name must not contain "\/"/],
    ['an empty namespace name', 'sh {netns=}', 5, /a namespace name must not be empty/],
    ['the namespace name ..', 'sh {netns=".."}', 5, /must not be "\." or "\.\."/],
    ['a timeout of zero', 'sh {timeout=0}', 5, /bad value "0" for timeout/],
    ['a timeout longer than a timer holds', 'sh {timeout=99999999999}', 5, /timeout=99999999999 is longer than the longest timeout, 2147483 seconds/],
    ['an option given twice', 'sh {netns=a netns=b}', 13, /cell option "netns" is given twice/],
    ['an option without "="', 'sh {netns}', 10, /expected "=" after cell option "netns"/],
    ['an unterminated quote', 'sh {netns="lab}', 11, /unterminated quoted value; expected a closing "/],
    ['braces that are not closed', 'sh {netns=red', 14, /expected "}" to close the cell options/],
    ['text after the braces', 'sh {netns=red} more', 16, /unexpected text after the cell options: "more"/],
    ['words instead of braces', 'sh title="x"', 4, /expected cell options in braces after the language/],
    ['a quote glued to a value', 'sh {netns=red"x"}', 14, /expected a space or "}" after the value/],
    ['a value without a name', 'sh {=x}', 5, /expected a cell option \(netns, timeout, diff, capture, picture\) or "}"/],
  ];
  for (const [what, info, column, pattern] of refusals) {
    test(`${what} is refused at its column`, () => {
      failsAt(() => parseCellOptions(info), 1, column, pattern);
    });
  }
});
