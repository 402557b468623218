/** Reading which capabilities `privilege: none` lacks, from a process's effective set. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingCapabilities } from '../../../../src/core/host/privilege.js';

describe('capabilities', () => {
  test('the capabilities namespace work needs are read from an effective set', () => {
    assert.deepEqual(missingCapabilities('0000000000000000'), ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
    assert.deepEqual(missingCapabilities('000001ffffffffff\n'), []);
    assert.deepEqual(missingCapabilities('0000000000001000'), ['CAP_SYS_ADMIN']);
    assert.deepEqual(missingCapabilities('0000000000200000'), ['CAP_NET_ADMIN']);
    assert.deepEqual(missingCapabilities('garbage'), ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
  });
});
