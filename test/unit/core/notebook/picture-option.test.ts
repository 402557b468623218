/** The cell option `picture`: the notebook's lab, every namespace, or a lab by name; bad values refused with where. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatCellOptions, NotebookFormatError, parseCellOptions } from '../../../../src/core/notebook/options.js';
import { parseInfoString } from '../../../../src/core/notebook/options.js';

describe('the picture cell option', () => {
  test("picture=true is the notebook's lab, picture=host every namespace, picture=NAME a lab, picture=false none", () => {
    assert.deepEqual(parseCellOptions('sh {picture=true}').picture, { kind: 'notebook-lab' });
    assert.deepEqual(parseCellOptions('sh {picture=host}').picture, { kind: 'host' });
    assert.deepEqual(parseCellOptions('sh {picture=lab6}').picture, { kind: 'lab', lab: 'lab6' });
    assert.deepEqual(parseCellOptions('sh {picture="lab6"}').picture, { kind: 'lab', lab: 'lab6' });
    assert.equal('picture' in parseCellOptions('sh {picture=false}'), false);
  });

  test('is written back as read, beside the other options', () => {
    for (const info of ['{netns=red picture=true}', '{picture=host}', '{timeout=5 picture=lab6}']) assert.equal(formatCellOptions(parseCellOptions(`sh ${info}`)), info);
  });

  test('a value that is no lab name is refused at the option, saying what would do', () => {
    for (const [info, reason] of [
      ['sh {picture=a/b}', /bad value "a\/b" for picture: .*"\/".*; write picture=true \(the notebook's lab\), picture=host \(every namespace\) or picture=LAB/u],
      ['sh {picture=""}', /bad value "" for picture: it is empty/u],
    ] as const) {
      assert.throws(
        () => parseInfoString(info, { line: 4, column: 4 }),
        (error: unknown) => error instanceof NotebookFormatError && error.line === 4 && error.column === 8 && reason.test(error.message),
        info,
      );
    }
  });

  test('an unknown option names picture among the options', () => {
    assert.throws(() => parseCellOptions('sh {pictures=true}'), /the options are netns, timeout, diff, capture, picture/u);
  });
});
