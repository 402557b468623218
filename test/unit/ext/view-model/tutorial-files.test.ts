/** Which files the Open Tutorial picker offers, what it calls them, and what a copy of a tutorial takes along. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tutorialCopyFiles, tutorialNotebooks, tutorialTitle } from '../../../../src/ext/view-model/tutorial-files.js';

const NOTEBOOKS = fileURLToPath(new URL('../../../../../notebooks/', import.meta.url));

describe('the tutorials offered by Open Tutorial', () => {
  test('are the notebooks of the folder, each once, in file-name order; topology files and others are not offered', () => {
    const names = ['02-b.netns.md', '01-a.netns.yaml', 'notes.md', '01-a.netns.md', '02-b.netns.md', 'lab.netns.md.bak'];
    assert.deepEqual(tutorialNotebooks(names), ['01-a.netns.md', '02-b.netns.md']);
  });

  test('are called by their first heading, or by their file name when they have none', () => {
    assert.equal(tutorialTitle('01-a.netns.md', '---\nnetns: red\n---\nIntro\n\n# 1. Isolating a network\n\n## Steps\n'), '1. Isolating a network');
    assert.equal(tutorialTitle('01-a.netns.md', 'No heading here\n'), '01-a');
  });

  test('are copied with the topology file of the same name when there is one', () => {
    const names = ['01-a.netns.md', '01-a.netns.yaml', '02-b.netns.md'];
    assert.deepEqual(tutorialCopyFiles('01-a.netns.md', names), ['01-a.netns.md', '01-a.netns.yaml']);
    assert.deepEqual(tutorialCopyFiles('02-b.netns.md', names), ['02-b.netns.md']);
  });

  test('each shipped tutorial has a title of its own and a topology file to take along', () => {
    const names = readdirSync(NOTEBOOKS);
    const notebooks = tutorialNotebooks(names);
    const titles = notebooks.map((name) => tutorialTitle(name, readFileSync(join(NOTEBOOKS, name), 'utf8')));
    assert.equal(new Set(titles).size, notebooks.length, titles.join(' | '));
    for (const title of titles) assert.match(title, /^\d\. \w/u);
    for (const name of notebooks) assert.equal(tutorialCopyFiles(name, names).length, 2, name);
  });
});
