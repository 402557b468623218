// `netns-lab capture` as a user meets it: a real child process, real tcpdump on a real veth pair.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { assertOneLine } from '../../support/cli.js';
import { makeCaptureLab, ping, tcpdumpBoundTo, tcpdumpsIn, type CaptureLab } from '../../support/capture-lab.js';
import { killIfRunning } from '../../support/processes.js';
import { testSetup } from '../../support/setup.js';
import { eventually } from '../../../support/eventually.js';

const { lab, runner } = testSetup({ cli: true });
let net: CaptureLab;
before(() => (net = makeCaptureLab(lab)));

/** Pings until the CLI has exited (its tcpdumps may not listen yet when the first ping goes). */
async function pingUntil(done: Promise<unknown>): Promise<void> {
  let over = false;
  void done.then(() => (over = true));
  while (!over) await ping(net.a, '10.0.0.2', 1);
}

describe('capture', () => {
  test('prints one line per packet from both ends in time order, stops at --count and writes the pcap', async () => {
    const file = join(runner.workDirectory, 'ping.pcap');
    const { done } = runner.start(['capture', `${net.a}:va`, `${net.b}:vb`, '--filter', 'icmp', '--count', '8', '--write', file]);
    // Both ends listening first: under load one tcpdump can start a second after the other, and the count would
    // then fill with the first one's packets alone.
    await eventually(async () => ((await tcpdumpBoundTo(net.a, 'va')) && (await tcpdumpBoundTo(net.b, 'vb'))) || undefined, { what: 'both tcpdumps listening' });
    await pingUntil(done);
    const result = await done;
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 8);
    const packets = lines.map((line) => /^(\d\d:\d\d:\d\d\.\d{6}) (\S+) {2}(.*)$/u.exec(line)!).map(([, time, where, summary]) => ({ time: time!, where: where!, summary: summary! }));
    const times = packets.map((packet) => packet.time);
    assert.deepEqual(times, [...times].sort(), 'lines are not in time order');
    // A request seen on both ends comes from va first. Which requests both ends saw varies: the tcpdumps may start
    // listening at different moments, and --count may cut the last ping after its first copy.
    const seenTwice = (summary: string): boolean => packets.filter((packet) => packet.summary === summary).length === 2;
    const request = [...packets].reverse().find((packet) => packet.summary.includes('echo request') && seenTwice(packet.summary));
    assert.ok(request, `a request seen on both ends among:\n${lines.join('\n')}`);
    assert.match(request.summary, /^IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request, id \d+, seq 1, length 64$/u);
    assert.deepEqual(
      packets.filter((packet) => packet.summary === request.summary).map((packet) => packet.where),
      [`${net.a}:va`, `${net.b}:vb`],
    );
    assert.equal(result.stderr, `8 packets captured, written to ${file}\n`);
    const read = execFileSync('tcpdump', ['-r', file, '-nn', '-t'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.deepEqual(
      read.trimEnd().split('\n'),
      packets.map((packet) => packet.summary),
    );
  });

  test('--json prints one object per packet', async () => {
    const { done } = runner.start(['capture', `${net.b}:vb`, '--filter', 'icmp', '--count', '2', '--json']);
    await pingUntil(done);
    const result = await done;
    const [first] = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      { ...first, time: typeof first!.time, summary: typeof first!.summary },
      { number: 1, time: 'number', interface: `${net.b}:vb`, length: 98, source: '10.0.0.1', destination: '10.0.0.2', protocol: 'ICMP', summary: 'string' },
    );
  });

  test('SIGINT stops the capture, exits 130, and leaves no tcpdump running', async () => {
    const { child, done } = runner.start(['capture', `${net.a}:va`, `${net.b}:vb`]);
    const running = await eventually(
      () => {
        const pids = [...tcpdumpsIn(net.a), ...tcpdumpsIn(net.b)];
        return pids.length === 2 ? pids : undefined;
      },
      { what: 'two tcpdumps' },
    );
    try {
      child.kill('SIGINT');
      const result = await done;
      assert.equal(result.status, 130);
      assert.match(result.stderr, /interrupted/u);
      assert.deepEqual([...tcpdumpsIn(net.a), ...tcpdumpsIn(net.b)], []);
    } finally {
      killIfRunning(running);
    }
  });

  test('bad input is refused in one line before anything starts', async () => {
    for (const [args, status, message] of [
      [[`${net.a}:va 0`], 2, /Invalid interface name "va 0"/u],
      // A valid interface name, passed literally: tcpdump looks for an interface of that name.
      [[`${net.a}:$(reboot)`], 1, /: \$\(reboot\): No such device exists$/mu],
      [[`${net.a}:va`, '--count', '-1'], 2, /--count/u],
      [[`${net.a}:va`, '--duration', '1;2'], 2, /--duration takes a number of seconds above 0, not "1;2"/u],
      [[`${net.a}:va`, `${net.a}:va`], 2, /given twice/u],
      [[], 2, /expected at least one interface/u],
      [[`${lab.namespaceName('gone')}:va`], 1, /no network namespace named/u],
      [[`${net.a}:va`, '--write', join(runner.workDirectory, 'no', 'x.pcap')], 1, /Cannot write the pcap file .*: its folder does not exist/u],
    ] as const) {
      const result = await runner.run('capture', ...args);
      assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
      assertOneLine(result.stderr);
      assert.match(result.stderr, message);
      assert.deepEqual(tcpdumpsIn(net.a), []);
    }
  });

  test('a missing interface gives tcpdump’s reason in one line', async () => {
    const result = await runner.run('capture', `${net.a}:nosuch0`, '--duration', '5');
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `netns-lab: Cannot capture on ${net.a}:nosuch0: nosuch0: No such device exists\n`);
  });
});
