// Which editor language a cell gets from its fence, and which fence a cell gets back from its editor language.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CELL_LANGUAGE, CHECK_CELL_LANGUAGE, editorLanguageOf, fenceLanguageOf } from '../../../../src/ext/view-model/notebook-type.js';

describe('cell languages', () => {
  test('a check fence is shown as YAML, whatever its case', () => {
    assert.deepEqual([editorLanguageOf('check'), editorLanguageOf('Check')], [CHECK_CELL_LANGUAGE, CHECK_CELL_LANGUAGE]);
  });

  test('shell fences and bare fences are shown as shell script', () => {
    assert.deepEqual([editorLanguageOf('sh'), editorLanguageOf('bash'), editorLanguageOf(undefined)], [CELL_LANGUAGE, CELL_LANGUAGE, CELL_LANGUAGE]);
  });

  test('a cell shown as YAML keeps or becomes a check fence', () => {
    assert.deepEqual([fenceLanguageOf(CHECK_CELL_LANGUAGE, 'Check'), fenceLanguageOf(CHECK_CELL_LANGUAGE, 'sh'), fenceLanguageOf(CHECK_CELL_LANGUAGE, undefined)], ['Check', 'check', 'check']);
  });

  test('a check cell switched to shell script becomes a sh fence; a shell cell keeps its fence', () => {
    assert.deepEqual([fenceLanguageOf(CELL_LANGUAGE, 'check'), fenceLanguageOf(CELL_LANGUAGE, 'bash'), fenceLanguageOf(CELL_LANGUAGE, undefined)], ['sh', 'bash', undefined]);
  });
});
