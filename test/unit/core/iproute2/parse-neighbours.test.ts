// Parsers against JSON captured on this machine (test/fixtures/iproute2, see its README) and, when present, against the
// genuine outputs from public sources in ../shared/fixtures/iproute2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ParseError, parseNeighbours } from '../../../../src/core/iproute2/parse.js';

const fixtures = new URL('../../../../../test/fixtures/iproute2/', import.meta.url);

function readFixture(name: string, folder: URL = fixtures): unknown {
  return JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
}

function parseError(message: string): (error: unknown) => boolean {
  return (error) => error instanceof ParseError && error.message === message;
}

describe('parseNeighbours', () => {
  const neighbours = parseNeighbours(readFixture('neigh-lab.json'));
  const neighbour = (address: string) => neighbours.find((candidate) => candidate.address === address);

  test('reads a permanent entry with its MAC address', () => {
    assert.deepEqual(neighbour('10.1.0.254'), {
      address: '10.1.0.254',
      device: 'va0',
      mac: '02:00:00:00:01:fe',
      states: ['PERMANENT'],
      router: false,
    });
  });

  test('reads FAILED and INCOMPLETE entries without a MAC address', () => {
    assert.deepEqual([neighbour('10.1.0.77')?.states, neighbour('10.1.0.77')?.mac], [['FAILED'], undefined]);
    assert.deepEqual([neighbour('10.1.0.88')?.states, neighbour('10.1.0.88')?.mac], [['INCOMPLETE'], undefined]);
  });

  test('reads the router flag, which ip prints as a key set to null', () => {
    assert.equal(neighbour('2001:db8:1::fe')?.router, true);
    assert.equal(neighbour('10.1.0.78')?.router, false);
  });

  test('reads a proxy entry, which has no state', () => {
    assert.deepEqual(parseNeighbours(readFixture('neigh-proxy.json')), [{ address: '10.1.0.99', device: 'va0', states: [], router: false }]);
  });

  test('rejects an entry whose state is not a list', () => {
    assert.throws(() => parseNeighbours([{ dst: '10.1.0.1', state: 'STALE' }]), parseError('neighbour 0 (10.1.0.1): state is not an array (got a string)'));
  });
});
