/** A lab's name read from a topology file's text, also when the file has problems elsewhere (destroy needs only it). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { labNameOfText, readableLabName } from '../../../../src/core/labs/lab-name.js';

const VALID = 'lab: demo\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n';

describe("a topology file's lab name", () => {
  test('is the lab of a valid file', () => {
    assert.equal(labNameOfText(VALID), 'demo');
  });

  test('is read from a file with problems elsewhere: an unknown key, a link to an undeclared namespace', () => {
    assert.equal(labNameOfText(`${VALID}colour: blue\n`), 'demo');
    assert.equal(labNameOfText(`${VALID}  - [red:eth1, purple:eth0]\n`), 'demo');
  });

  test('is not guessed when the YAML does not parse, lab: is given twice, or is not a name', () => {
    assert.equal(labNameOfText('lab: demo\nnamespaces: [red\n'), undefined);
    assert.equal(labNameOfText('lab: demo\nlab: other\nnamespaces: [red]\n'), undefined);
    assert.equal(labNameOfText('lab: [demo]\nnamespaces: [red]\n'), undefined);
    assert.equal(labNameOfText('lab: "de/mo"\nnamespaces: [red]\n'), undefined);
    assert.equal(labNameOfText('- lab: demo\n'), undefined);
  });

  test('of a file with no lab: key is not there', () => {
    assert.equal(readableLabName('namespaces: [red]\n'), undefined);
  });
});
