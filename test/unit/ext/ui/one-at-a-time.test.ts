/** Password boxes wait their turn: a pure queue, tested without an editor. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OneAtATime } from '../../../../src/ext/ui/one-at-a-time.js';

describe('one at a time', () => {
  test('password boxes open one at a time: the second waits until the first is answered, even when it failed', async () => {
    const boxes = new OneAtATime();
    const events: string[] = [];
    let answerFirst!: (answer: string) => void;
    const first = boxes.run(() => (events.push('first opens'), new Promise<string>((resolve) => (answerFirst = resolve))));
    const second = boxes.run(async () => (events.push('second opens'), 'two'));
    const failing = boxes.run(async () => {
      events.push('third opens');
      throw new Error('closed');
    });
    const fourth = boxes.run(async () => (events.push('fourth opens'), 'four'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(events, ['first opens'], 'a second box opened while the first was open');
    answerFirst('one');
    assert.deepEqual(await Promise.all([first, second, failing.catch((error: Error) => error.message), fourth]), ['one', 'two', 'closed', 'four']);
    assert.deepEqual(events, ['first opens', 'second opens', 'third opens', 'fourth opens']);
  });
});
