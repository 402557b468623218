import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hexDump } from '../../../../src/core/capture/hex-dump.js';

test('a hex dump shows offsets, sixteen bytes a line in two groups, and the printable bytes', () => {
  const bytes = Uint8Array.from([...Buffer.from('Hello, packets!!'), 0, 0x7f, 0x41]);
  assert.deepEqual(hexDump(bytes), ['0000  48 65 6c 6c 6f 2c 20 70  61 63 6b 65 74 73 21 21  Hello, packets!!', '0010  00 7f 41                                          ..A']);
  assert.deepEqual(hexDump(new Uint8Array(0)), []);
});
