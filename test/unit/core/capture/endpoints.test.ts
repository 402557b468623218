import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointLabel, parseCaptureEndpoint } from '../../../../src/core/capture/endpoints.js';
import { InvalidNameError } from '../../../../src/core/errors.js';

test('NS:IF splits at the last colon, since namespace names may hold one and interface names may not', () => {
  assert.deepEqual(parseCaptureEndpoint('red:veth0'), { namespace: 'red', interfaceName: 'veth0' });
  assert.deepEqual(parseCaptureEndpoint('lab:one:veth0'), { namespace: 'lab:one', interfaceName: 'veth0' });
  assert.deepEqual(parseCaptureEndpoint('$(reboot); x:any'), { namespace: '$(reboot); x', interfaceName: 'any' });
});

test('IF and :IF alone are in the root namespace', () => {
  assert.deepEqual(parseCaptureEndpoint('eth0'), { namespace: null, interfaceName: 'eth0' });
  assert.deepEqual(parseCaptureEndpoint(':eth0'), { namespace: null, interfaceName: 'eth0' });
});

test('a bad name is refused with the rule it breaks', () => {
  for (const [text, rule] of [
    ['red:', /must not be empty/u],
    ['red:veth 0', /whitespace/u],
    ['a/b:veth0', /must not contain "\/"/u],
    ['red:a-very-long-interface', /at most 15 bytes/u],
    ['..:veth0', /"\." or "\.\."/u],
  ] as const) {
    assert.throws(
      () => parseCaptureEndpoint(text),
      (error: unknown) => error instanceof InvalidNameError && rule.test(error.message),
      text,
    );
  }
});

test('labels are written as they are typed, the root namespace without a colon', () => {
  assert.equal(endpointLabel({ namespace: 'red', interfaceName: 'veth0' }), 'red:veth0');
  assert.equal(endpointLabel({ namespace: null, interfaceName: 'eth0' }), 'eth0');
});
