/**
 * The rules input boxes check as the user types, and what a namespace picker offers for the text typed into it (the
 * veth flow's ends): pure, without an editor.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { namespaceNameProblem } from '../../../../src/core/names.js';
import { addressListProblem, cidrProblem, gatewayProblem, parseAddressList, pickLabel, routeDestinationProblem, typedNamespace } from '../../../../src/ext/view-model/input-rules.js';

describe('typing into a namespace picker', () => {
  test('a name not in the list is offered for creation', () => {
    assert.deepEqual(typedNamespace('blue', new Set(['red'])), { kind: 'new', name: 'blue' });
  });

  test('a name in the list, or no text, adds nothing (the list shows it)', () => {
    assert.equal(typedNamespace('red', new Set(['red'])), undefined);
    assert.equal(typedNamespace('', new Set(['red'])), undefined);
  });

  test('a name the kernel would refuse says which rule it breaks', () => {
    assert.deepEqual(typedNamespace('a/b', new Set()), { kind: 'invalid', problem: namespaceNameProblem('a/b') });
  });
});

describe('input rules', () => {
  test('an address list splits on spaces and commas, and empty is none', () => {
    assert.deepEqual(parseAddressList(' 10.0.0.1/24, fd00::1/64  10.0.1.1/24 '), ['10.0.0.1/24', 'fd00::1/64', '10.0.1.1/24']);
    assert.deepEqual(parseAddressList(''), []);
  });

  test('an address list names the first bad address', () => {
    assert.equal(addressListProblem(''), undefined);
    assert.match(addressListProblem('10.0.0.1/24 10.0.0.2') ?? '', /"10\.0\.0\.2": expected ADDRESS\/PREFIX/);
  });

  test('an address needs its prefix', () => {
    assert.equal(cidrProblem('10.0.0.1/24'), undefined);
    assert.match(cidrProblem('10.0.0.1/33') ?? '', /prefix length must be a whole number from 0 to 32/);
  });

  test('a gateway may be left empty, but not be garbage', () => {
    assert.equal(gatewayProblem(''), undefined);
    assert.match(gatewayProblem('router') ?? '', /Invalid gateway "router"/);
  });

  test('a route destination is default, a prefix or an address', () => {
    for (const destination of ['default', '10.1.0.0/24', '10.1.0.5', 'fd00::/64']) assert.equal(routeDestinationProblem(destination), undefined);
    assert.match(routeDestinationProblem('everywhere') ?? '', /Invalid route destination/);
  });

  test('picker labels show $( literally instead of as an icon', () => {
    assert.equal(pickLabel('$(touch x)'), '\\$(touch x)');
    assert.equal(pickLabel('lab1'), 'lab1');
  });
});
