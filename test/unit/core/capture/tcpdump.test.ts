import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaptureError, saysListening, tcpdumpArgv, tcpdumpFailure, TcpdumpMissingError } from '../../../../src/core/capture/tcpdump.js';

test('the filter is one word after --, so none of it can be read as an option', () => {
  assert.deepEqual(tcpdumpArgv({ interfaceName: 'veth0', filter: 'icmp -w /etc/passwd', count: 5 }), [
    'tcpdump',
    '--immediate-mode',
    '-U',
    '-B',
    '32768',
    '-w',
    '-',
    '-n',
    '-i',
    'veth0',
    '-c',
    '5',
    '--',
    'icmp -w /etc/passwd',
  ]);
  assert.deepEqual(tcpdumpArgv({ interfaceName: 'any', filter: '  ', snapLength: 96 }), ['tcpdump', '--immediate-mode', '-U', '-B', '32768', '-w', '-', '-n', '-i', 'any', '-s', '96']);
});

test("tcpdump's listening line is recognised, also after other lines", () => {
  assert.ok(saysListening('tcpdump: listening on veth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n'));
  assert.ok(saysListening('tcpdump: data link type LINUX_SLL2\ntcpdump: listening on any, link-type'));
  assert.ok(!saysListening('tcpdump: veth9: No such device exists\n'));
});

test('a missing tcpdump names the package to install, from sh or from ip netns exec', () => {
  for (const [status, stderr] of [
    [127, 'sh: 1: tcpdump: not found\n'],
    [1, 'exec of "tcpdump" failed: No such file or directory\n'],
  ] as const) {
    const error = tcpdumpFailure('red:veth0', 'ssh://lab1', status, stderr);
    assert.ok(error instanceof TcpdumpMissingError);
    assert.match(error.message, /tcpdump is not installed on ssh:\/\/lab1: .*apt-get install tcpdump/u);
  }
});

test("any other failure is tcpdump's own first word on it, without its statistics", () => {
  const error = tcpdumpFailure('red:veth9', 'this machine', 1, 'tcpdump: veth9: No such device exists\n(No such device exists)\n');
  assert.ok(error instanceof CaptureError);
  assert.equal(error.message, 'Cannot capture on red:veth9: veth9: No such device exists');
  assert.equal(tcpdumpFailure('red:veth0', 'this machine', 2, '0 packets captured\n').message, 'Cannot capture on red:veth0: tcpdump exited with status 2');
});
