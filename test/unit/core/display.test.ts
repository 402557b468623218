// How names appear in messages and listings: hidden characters escaped as JSON writes them, and lists cut short.
// Expected texts are written out by hand from the JSON escape rules, not produced by the code under test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidNameError, checkNamespaceName, displayName, escapeHidden, listSome, quoteName } from '../../../src/core/index.js';
import { unnamedNamespaceLabel } from '../../../src/core/display.js';

describe('displayName', () => {
  const shownAsIs = ['red', 'with space', 'ünïcødé-名前', `quotes ' and "`, 'back\\slash', '$(touch x)'];
  for (const name of shownAsIs) {
    test(`shows ${JSON.stringify(name)} as it is`, () => assert.equal(displayName(name), name));
  }

  const escaped: Array<[what: string, name: string, shown: string]> = [
    ['a no-break space', 'a\u00a0b', '"a\\u00a0b"'],
    ['a narrow no-break space', 'a\u202fb', '"a\\u202fb"'],
    ['an ideographic space', 'a\u3000b', '"a\\u3000b"'],
    ['a newline', 'a\nb', '"a\\nb"'],
    ['a tab', 'a\tb', '"a\\tb"'],
    ['a bell', 'a\u0007b', '"a\\u0007b"'],
    ['DEL', 'a\u007fb', '"a\\u007fb"'],
    ['a C1 control', 'a\u009bb', '"a\\u009bb"'],
    ['a zero-width joiner', 'a\u200db', '"a\\u200db"'],
    ['a right-to-left override', 'a\u202eb', '"a\\u202eb"'],
    ['a line separator', 'a\u2028b', '"a\\u2028b"'],
    ['a byte order mark', '\ufeffab', '"\\ufeffab"'],
    ['a tag character above U+FFFF', 'a\u{e0041}b', '"a\\udb40\\udc41b"'],
    ['a quote besides a hidden character', 'a"\u00a0', '"a\\"\\u00a0"'],
  ];
  for (const [what, name, shown] of escaped) {
    test(`quotes and escapes a name with ${what}`, () => assert.equal(displayName(name), shown));
  }

  test('an escaped name reads back as the name with JSON.parse', () => {
    for (const [, name] of escaped) assert.equal(JSON.parse(displayName(name)), name);
  });

  test('two names that look alike are shown differently', () => {
    assert.notEqual(displayName('a b'), displayName('a\u00a0b'));
  });
});

describe('quoteName and escapeHidden', () => {
  test('quoteName always quotes', () => assert.equal(quoteName('red'), '"red"'));
  test('quoteName escapes a no-break space that JSON.stringify leaves raw', () => assert.equal(quoteName('x\u00a0y'), '"x\\u00a0y"'));
  test('escapeHidden leaves a plain message alone', () => assert.equal(escapeHidden('Could not create namespace red: File exists'), 'Could not create namespace red: File exists'));
  test('escapeHidden escapes hidden characters anywhere in a message', () => {
    assert.equal(escapeHidden('Cannot find device "x\u00a0y" (\u0085)'), 'Cannot find device "x\\u00a0y" (\\u0085)');
  });
  test('an invalid name error shows the name escaped', () => {
    assert.throws(
      () => checkNamespaceName('a/\u00a0'),
      (error: unknown) => error instanceof InvalidNameError && error.message.startsWith('Invalid namespace name "a/\\u00a0": '),
    );
  });
});

describe('listSome', () => {
  test('lists up to three items in full', () => {
    assert.equal(listSome([]), '');
    assert.equal(listSome(['a']), 'a');
    assert.equal(listSome(['a', 'b', 'c']), 'a, b, c');
  });

  test('lists three and counts the rest, with thousands separated', () => {
    const many = Array.from({ length: 722_214 }, (_, index) => `n${index}`);
    assert.equal(listSome(many), 'n0, n1, n2 … and 722,211 more');
  });

  test('takes any iterable, such as the keys of a map', () => {
    assert.equal(
      listSome(
        new Map([
          ['x', 1],
          ['y', 2],
          ['z', 3],
          ['w', 4],
        ]).keys(),
      ),
      'x, y, z … and 1 more',
    );
  });

  test('takes another count to show', () => assert.equal(listSome(['a', 'b', 'c'], 1), 'a … and 2 more'));
});

describe('unnamedNamespaceLabel', () => {
  test('names a namespace without a name by the process, thread or descriptor that reaches it', () => {
    assert.equal(unnamedNamespaceLabel('/proc/1234/ns/net'), 'pid 1234');
    assert.equal(unnamedNamespaceLabel('/proc/1234/task/1240/ns/net'), 'pid 1234 thread 1240');
    assert.equal(unnamedNamespaceLabel('/proc/1234/fd/5'), 'fd 5 of pid 1234');
    assert.equal(unnamedNamespaceLabel('/run/docker/netns/1a2b'), '/run/docker/netns/1a2b');
  });
});
