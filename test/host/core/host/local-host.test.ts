// LocalHost against this machine: output byte for byte, real exit statuses, standard input, streaming, the pool of
// shells, and namespace names. Stopping commands (cancel, timeout, dispose) and privilege are in stop.test.ts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalHost, type RunResult } from '../../../../src/core/index.js';
import { shortenScripts } from '../../../../src/core/host/host.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });

function sh(script: string, ...args: string[]): string[] {
  return ['sh', '-c', script, 'sh', ...args];
}

describe('LocalHost output', () => {
  test('keeps stdout and stderr apart', async () => {
    const result = await host.run(sh('echo to-out; echo to-err >&2; echo more-out'));
    assert.equal(result.stdout, 'to-out\nmore-out\n');
    assert.equal(result.stderr, 'to-err\n');
  });

  test('keeps output without a final newline exactly', async () => {
    const result = await host.run(sh('printf abc; printf def >&2'));
    assert.equal(result.stdout, 'abc');
    assert.equal(result.stderr, 'def');
  });

  test('keeps output that ends in blank lines exactly', async () => {
    const result = await host.run(sh(`printf 'a\\n\\n\\n'; printf '\\n\\n' >&2`));
    assert.equal(result.stdout, 'a\n\n\n');
    assert.equal(result.stderr, '\n\n');
  });

  test('keeps empty output empty', async () => {
    const result = await host.run(['true']);
    assert.deepEqual([result.stdout, result.stderr], ['', '']);
  });

  test('passes through lines that look like frame markers', async () => {
    const text = '__netns_lab_000000000000000000000000__ exit 0\n\n__netns_lab_ end\nexit 1\n__netns_lab_';
    const result = await host.run(sh('printf "%s" "$1"; printf "%s" "$1" >&2', text));
    assert.equal(result.stdout, text);
    assert.equal(result.stderr, text);
    assert.equal(result.exitCode, 0);
  });

  test('keeps control characters, carriage returns and escapes', async () => {
    const result = await host.run(sh(`printf '\\001\\002\\177\\r\\t\\033[31mred\\033[0m\\r\\n'`));
    assert.equal(result.stdout, '\x01\x02\x7f\r\t\x1b[31mred\x1b[0m\r\n');
  });

  test('returns about 1 MB of multibyte text whole', async () => {
    const line = 'line ünï — 0123456789 名前\n';
    const result = await host.run(sh('yes "line ünï — 0123456789 名前" | head -n 40000'));
    assert.equal(result.stdout.length, line.length * 40000);
    assert.ok(Buffer.byteLength(result.stdout) > 1_000_000);
    assert.equal(result.stdout, line.repeat(40000));
  });

  test('keeps interleaved large stdout and stderr apart', async () => {
    const result = await host.run(sh('i=0; while [ $i -lt 2000 ]; do echo "out $i"; echo "err $i" >&2; i=$((i+1)); done'));
    const expected = (stream: string): string => Array.from({ length: 2000 }, (_, index) => `${stream} ${index}\n`).join('');
    assert.equal(result.stdout, expected('out'));
    assert.equal(result.stderr, expected('err'));
  });
});

describe('LocalHost exit status', () => {
  const cases: Array<[string, string[], number]> = [
    ['0 for success', ['true'], 0],
    ['3 when the command exits 3', sh('exit 3'), 3],
    ['127 for a program that does not exist', ['netns-lab-no-such-program'], 127],
    ['128+15 when TERM ends the command', sh('kill -TERM $$'), 128 + 15],
  ];
  for (const [label, argv, expected] of cases) {
    test(`is ${label}`, async () => {
      assert.equal((await host.run(argv)).exitCode, expected);
    });
  }

  test('a missing program says so on stderr', async () => {
    assert.match((await host.run(['netns-lab-no-such-program'])).stderr, /not found/);
  });
});

describe('LocalHost standard input', () => {
  test('input reaches stdin exactly, without a final newline', async () => {
    const input = `line 1\nünï $(x) 'q' "d" %s \\n\n\nlast`;
    assert.equal((await host.run(['cat'], { input })).stdout, input);
  });

  test('a 256 KB input arrives whole', async () => {
    const input = 'x'.repeat(256 * 1024);
    assert.equal((await host.run(['wc', '-c'], { input })).stdout.trim(), String(input.length));
  });

  test('without input, stdin is at end-of-file so cat returns at once', async () => {
    const result = await host.run(sh('cat; echo done'), { timeoutMs: 5000 });
    assert.equal(result.stdout, 'done\n');
  });

  test('an empty input is an empty stdin', async () => {
    assert.equal((await host.run(['wc', '-c'], { input: '', timeoutMs: 5000 })).stdout.trim(), '0');
  });
});

describe('LocalHost streaming', () => {
  // The command sleeps 0.5 s between its two writes: a first chunk delivered as it comes arrives well before the end;
  // output held back until the command ends would arrive with it.
  for (const stream of ['stdout', 'stderr'] as const) {
    test(`${stream} chunks arrive before the command ends`, async () => {
      const chunks: string[] = [];
      let firstChunkAt: number | undefined;
      const redirect = stream === 'stderr' ? ' >&2' : '';
      const callback = (chunk: Buffer): void => {
        firstChunkAt ??= performance.now();
        chunks.push(chunk.toString());
      };
      const result = await host.run(sh(`echo first${redirect}; sleep 0.5; echo second${redirect}`), stream === 'stdout' ? { onStdout: callback } : { onStderr: callback });
      const endedAt = performance.now();
      assert.ok(firstChunkAt !== undefined && endedAt - firstChunkAt >= 250, `the first chunk came only ${endedAt - firstChunkAt!} ms before the end`);
      assert.match(chunks[0]!, /^first/);
      assert.equal(chunks.join(''), result[stream]);
      assert.equal(result[stream], 'first\nsecond\n');
    });
  }
});

describe('LocalHost concurrency', () => {
  test('ten commands run at once each get their own output and status', async () => {
    const runs = Array.from({ length: 10 }, (_, index) => host.run(sh('sleep 0.0$2; printf "out %s" "$1"; printf "err %s" "$1" >&2; exit $1', String(index), String(9 - index))));
    const results: RunResult[] = await Promise.all(runs);
    results.forEach((result, index) => {
      assert.deepEqual([result.stdout, result.stderr, result.exitCode], [`out ${index}`, `err ${index}`, index]);
    });
  });

  test('a long-running command does not hold up a quick one', async () => {
    const controller = new AbortController();
    let longDone = false;
    const long = host.run(['sleep', '30'], { signal: controller.signal }).finally(() => (longDone = true));
    try {
      const quick = await host.run(['echo', 'quick'], { timeoutMs: 5000 });
      assert.equal(quick.stdout, 'quick\n');
      assert.equal(longDone, false);
    } finally {
      controller.abort();
      await long.catch(() => undefined);
    }
  });

  test('with one shell, commands queue and still all complete', async () => {
    const single = new LocalHost({ maxSessions: 1 });
    try {
      const results = await Promise.all(['a', 'b', 'c'].map((word) => single.run(['echo', word])));
      assert.deepEqual(
        results.map((result) => result.stdout),
        ['a\n', 'b\n', 'c\n'],
      );
    } finally {
      await single.dispose();
    }
  });
});

describe('LocalHost namespace names', () => {
  const name = lab.namespaceName('-list me');
  before(() => ip('netns', 'add', name));

  test('lists a namespace the test created, by its literal name', async () => {
    assert.ok((await host.listNamespaceNames()).includes(name));
  });

  test('lists the names sorted', async () => {
    const names = await host.listNamespaceNames();
    assert.deepEqual(names, [...names].sort());
  });
});

describe('shortenScripts (the log line of a command)', () => {
  test('keeps a plain argv as it is', () => {
    const argv = ['ip', '-n', 'red', 'link', 'set', 'lo', 'up'];
    assert.equal(shortenScripts(argv), argv);
  });

  test('cuts a long script of sh -c to its first line and says how long it was', () => {
    const script = `for n in a b c; do\n  ip netns add "$n"\ndone\n${'#'.repeat(80)}`;
    const shortened = shortenScripts(['sudo', 'sh', '-c', script, 'netns-lab']);
    assert.deepEqual(shortened, ['sudo', 'sh', '-c', `for n in a b c; do … (${script.length} characters)`, 'netns-lab']);
  });

  test('keeps a short one-line script whole', () => {
    const argv = ['bash', '-c', 'echo hi'];
    assert.equal(shortenScripts(argv), argv);
  });
});
