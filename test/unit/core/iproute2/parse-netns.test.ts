// Parsers against JSON captured on this machine (test/fixtures/iproute2, see its README) and, when present, against the
// genuine outputs from public sources in ../shared/fixtures/iproute2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ParseError, parseLinks, parseNetnsList } from '../../../../src/core/iproute2/parse.js';

const fixtures = new URL('../../../../../test/fixtures/iproute2/', import.meta.url);

function readFixture(name: string, folder: URL = fixtures): unknown {
  return JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
}

function parseError(message: string): (error: unknown) => boolean {
  return (error) => error instanceof ParseError && error.message === message;
}

describe('parseNetnsList', () => {
  test('reads the nsids a namespace has for the others, and none for itself', () => {
    assert.deepEqual(parseNetnsList(readFixture('netns-list-with-ids.json')), [{ name: 'pfx8150c', id: 7 }, { name: 'pfx8150b', id: 0 }, { name: 'pfx8150a' }]);
  });

  test('reads a list without nsids', () => {
    const entries = parseNetnsList(readFixture('netns-list-without-ids.json'));
    assert.deepEqual(
      entries.map((entry) => entry.id),
      [undefined, undefined, undefined],
    );
  });

  test('resolves a veth peer nsid through the list read in the same namespace', () => {
    const [veth] = parseLinks(readFixture('link-peer-namespace.json')).filter((link) => link.kind === 'veth');
    const entries = parseNetnsList(readFixture('netns-list-peer.json'));
    assert.equal(entries.find((entry) => entry.id === veth?.linkNetnsId)?.name, 'pfx8150a');
  });

  test('reads an empty list and the missing output of a host without /run/netns as no namespaces', () => {
    assert.deepEqual(parseNetnsList(readFixture('netns-list-empty.json')), []);
    assert.deepEqual(parseNetnsList(undefined), []);
  });

  test('rejects an entry without a name or with a text id', () => {
    assert.throws(() => parseNetnsList([{ id: 1 }]), parseError('namespace 0: name is missing'));
    assert.throws(() => parseNetnsList([{ name: 'a', id: '1' }]), parseError('namespace 0 (a): id is not a number (got a string)'));
  });
});
