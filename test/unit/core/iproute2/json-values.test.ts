// Splitting ip's batch output into JSON values, including the raw control characters ip leaves in names.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonValues } from '../../../../src/core/iproute2/json-values.js';

describe('parseJsonValues', () => {
  test('reads several values printed one after another', () => {
    assert.deepEqual(parseJsonValues('[{"a":1}]\n[]\n{"b":"x"}\n', 'test'), [[{ a: 1 }], [], { b: 'x' }]);
  });

  test('reads a name holding a raw bell and tab, as ip -j netns list prints it, as that name', () => {
    const printedByIp = '[{"name":"lab\u0007one"},{"name":"tab\tbed"}]\n';
    assert.deepEqual(parseJsonValues(printedByIp, 'test'), [[{ name: 'lab\u0007one' }, { name: 'tab\tbed' }]]);
  });

  test('leaves escaped quotes and backslashes in names as they are', () => {
    const printed = '[{"name":"q\\"\\\\\u0001"}]';
    assert.deepEqual(parseJsonValues(printed, 'test'), [[{ name: 'q"\\\u0001' }]]);
  });

  test('still refuses output that is not JSON, naming the output', () => {
    assert.throws(() => parseJsonValues('[{"a":}]', 'ns1'), /ns1: output 1 is not valid JSON/u);
  });
});
