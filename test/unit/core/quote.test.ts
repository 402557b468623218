// The one place argv becomes text: shell words for the long-lived shells, and `ip -batch` lines. Round trips go
// through a real sh/bash (and, in test/host/core/quote.test.ts, a real `ip -batch`), so the tests pin what those
// programs do, not what the code says.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { batchLine, shellCommand, shellQuote } from '../../../src/core/index.js';

const hostileWords = [
  '',
  'plain',
  `it's`,
  `say "hi"`,
  `both ' and "`,
  `'`,
  `''`,
  '$(echo pwned)',
  '`id`',
  '${HOME}',
  '$HOME',
  'a\nb',
  '\n',
  'trailing newline\n',
  'a;b && c | d',
  '*',
  '~',
  'a\\b',
  '\\',
  '!history',
  '-n',
  '--',
  'tab\there',
  'ünïcødé 名前 🙂',
  '#comment',
  '%s %d',
];

/** Runs `sh -c 'printf "%s\0" "$@"' sh WORDS…` as one command line made by shellCommand, in `shell`. */
function echoThroughShell(shell: string, words: readonly string[]): string[] {
  const line = shellCommand(['sh', '-c', 'printf "%s\\0" "$@"', 'sh', ...words]);
  const result = spawnSync(shell, ['-c', line], { encoding: 'buffer' });
  assert.equal(result.status, 0, `${shell} failed: ${result.stderr.toString()}`);
  const fields = result.stdout.toString('utf8').split('\0');
  assert.equal(fields.pop(), '', 'output must end with a NUL');
  return fields;
}

describe('shellQuote', () => {
  for (const shell of ['sh', 'bash']) {
    test(`every hostile word reaches the command literally through ${shell}`, () => {
      assert.deepEqual(echoThroughShell(shell, hostileWords), hostileWords);
    });
  }

  for (const word of hostileWords) {
    test(`the word ${JSON.stringify(word)} alone comes back byte for byte`, () => {
      const [back] = echoThroughShell('sh', [word]);
      assert.equal(Buffer.compare(Buffer.from(back!), Buffer.from(word)), 0);
    });
  }

  test('the quoted words are joined into one line (only embedded newlines break it)', () => {
    assert.equal(shellCommand(['a', 'b c', 'd']).split('\n').length, 1);
  });

  test('refuses a NUL character, which no argv can carry', () => {
    assert.throws(() => shellQuote('a\0b'), /NUL/);
  });

  test('refuses an empty command', () => {
    assert.throws(() => shellCommand([]), /empty command/);
  });
});

/** How `ip` itself splits a batch line: run `ip -batch -` with `netns add WORD` and see which file appears. */
describe('batchLine', () => {
  test('joins plain words with single spaces', () => {
    assert.equal(batchLine(['link', 'set', 'dev', 'eth0', 'up']), 'link set dev eth0 up');
  });

  test('quotes a word with a space so it stays one word', () => {
    assert.equal(batchLine(['netns', 'add', 'a b']), 'netns add "a b"');
  });

  test('uses single quotes around a word holding a double quote and a space', () => {
    assert.equal(batchLine(['netns', 'add', 'say "hi"']), `netns add 'say "hi"'`);
  });

  for (const [label, word] of [
    ['"#", which starts a comment', 'a#b'],
    ['a newline, which ends the line', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['both quote kinds around a space', `it's "x"`],
    ['an empty word', ''],
  ] as const) {
    test(`cannot express a word with ${label}, and says so with undefined`, () => {
      assert.equal(batchLine(['netns', 'add', word]), undefined);
    });
  }
});
