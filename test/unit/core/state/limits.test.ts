/** What a listing without root says it lacks: the capabilities, what is unknown, and how to see everything. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PrivilegeError } from '../../../../src/core/errors.js';
import { isCapabilitiesMissing, listingLimits, rootReadLimits } from '../../../../src/core/state/limits.js';

describe('listing limits', () => {
  test('name the missing capabilities, what stays unknown, and how to see everything', () => {
    const limits = listingLimits(['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
    assert.deepEqual(limits.missing, ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
    assert.match(limits.reason, /^partial list: privilege is "none" and the commands lack CAP_SYS_ADMIN and CAP_NET_ADMIN, so no namespace can be entered/u);
    assert.match(limits.reason, /interfaces are unknown.*own processes.*run as root or through sudo/u);
    assert.match(rootReadLimits(listingLimits(['CAP_SYS_ADMIN'])), /lack CAP_SYS_ADMIN, so veths into other namespaces show no peer/u);
  });

  test('only missing capabilities leave a partial list; other refusals leave none', () => {
    assert.equal(isCapabilitiesMissing(new PrivilegeError('lacks CAP_NET_ADMIN', 'capabilitiesMissing', ['CAP_NET_ADMIN'])), true);
    assert.equal(isCapabilitiesMissing(new PrivilegeError('wrong password', 'passwordRefused')), false);
    assert.equal(isCapabilitiesMissing(new Error('lacks CAP_NET_ADMIN')), false);
  });
});
