// One exit status per kind of failure, the same for every command: 2 when the command line itself is wrong (found
// before anything runs), 1 when the work failed. Each case runs the real CLI (dist/cli.js) and checks, with plain
// `ip`, that nothing changed. The namespaces are made with plain ip under this run's prefix and removed in `after`.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { assertOneLine } from '../support/cli.js';
import { ip, rootLinkNames } from '../support/lab.js';
import { testSetup } from '../support/setup.js';

const { lab, runner } = testSetup({ cli: true });

const CALLED_WRONGLY = 2;
const WORK_FAILED = 1;

const existing = lab.namespaceName('ex');
const missing = lab.namespaceName('gone');
// Invalid by rules stated in DESIGN.md, not by asking the code: "/" in a namespace name, 16 bytes for an interface.
const badNamespace = `${lab.prefix}a/b`;
const tooLong = `${lab.prefix}abcdefghij`;
const port = lab.interfaceName('p');

before(() => {
  assert.equal(Buffer.byteLength(tooLong), 16);
  ip('netns', 'add', existing);
});

/** What the test may have changed: this run's namespaces, its links in the root, and the links of `existing`. */
function hostState(): string {
  const namespaces = readdirSync('/run/netns').filter(lab.owns).sort();
  const rootLinks = rootLinkNames().filter(lab.owns).sort();
  const inExisting = (JSON.parse(ip('-n', existing, '-j', 'address', 'show')) as Array<{ ifname: string; addr_info: unknown[] }>).map((link) => `${link.ifname} ${JSON.stringify(link.addr_info)}`);
  const routes = ip('-n', existing, 'route', 'show');
  return JSON.stringify({ namespaces, rootLinks, inExisting, routes });
}

type Case = [what: string, args: string[]];

const calledWrongly: Case[] = [
  ['add with an invalid namespace name', ['add', badNamespace]],
  ['add with a name given twice', ['add', missing, missing]],
  ['del with an invalid namespace name', ['del', badNamespace]],
  ['del with a name given twice', ['del', existing, existing]],
  ['show with an invalid namespace name', ['show', badNamespace]],
  ['exec with an invalid namespace name', ['exec', badNamespace, '--', 'true']],
  ['veth with a 16-byte interface name', ['veth', `${tooLong}@${existing}`, `${port}@${existing}`]],
  ['veth with an invalid namespace name', ['veth', `${port}@${badNamespace}`, port]],
  ['veth with an MTU below 68', ['veth', `${port}@${existing}`, lab.interfaceName('q'), '--mtu', '60']],
  ['veth with two ends of one name in one namespace', ['veth', `${port}@${existing}`, `${port}@${existing}`]],
  ['bridge add with a 16-byte name', ['bridge', 'add', `${tooLong}@${existing}`]],
  ['bridge add with an invalid --address', ['bridge', 'add', `${port}@${existing}`, '--address', '10.0.0.1/33']],
  ['bridge attach with an invalid namespace name', ['bridge', 'attach', `${port}@${badNamespace}`, 'br0']],
  ['bridge detach with an invalid namespace name', ['bridge', 'detach', `${port}@${badNamespace}`]],
  ['addr add with an invalid namespace name', ['addr', 'add', `lo@${badNamespace}`, '10.0.0.1/24']],
  ['addr add with an invalid CIDR', ['addr', 'add', `lo@${existing}`, '10.0.0.1/33']],
  ['route add with an invalid --netns', ['route', 'add', 'default', 'via', '10.0.0.1', '--netns', badNamespace]],
  ['route add with a gateway of the other family', ['route', 'add', '10.9.0.0/16', 'via', 'fd00::1', '--netns', existing]],
  ['link up with an invalid namespace name', ['link', 'up', `lo@${badNamespace}`]],
  ['link mtu below 68', ['link', 'mtu', `lo@${existing}`, '20']],
  ['run with an invalid --netns', ['run', '--netns', badNamespace, 'lab.netns.md']],
  ['destroy with an invalid --lab', ['destroy', '--lab', 'a/b']],
  ['inspect with an invalid --lab', ['inspect', '--lab', 'a/b']],
  ['an invalid --target', ['--target', '-oProxyCommand=true', 'ls']],
  ['an unknown option', ['ls', '--bogus']],
];

const workFailed: Case[] = [
  ['add of a namespace that exists', ['add', existing]],
  ['del of a namespace that does not exist', ['del', missing]],
  ['show of a namespace that does not exist', ['show', missing]],
  ['exec in a namespace that does not exist', ['exec', missing, '--', 'true']],
  ['veth into a namespace that does not exist', ['veth', `${port}@${missing}`, lab.interfaceName('q')]],
  ['bridge add in a namespace that does not exist', ['bridge', 'add', `${port}@${missing}`]],
  ['bridge attach of an interface that does not exist', ['bridge', 'attach', `${port}@${existing}`, 'br0']],
  ['addr add on an interface that does not exist', ['addr', 'add', `${port}@${existing}`, '10.0.0.1/24']],
  ['route add via a gateway on no connected subnet', ['route', 'add', '10.9.0.0/16', 'via', '10.99.0.1', '--netns', existing]],
  ['link up of an interface that does not exist', ['link', 'up', `${port}@${existing}`]],
  ['validate of a file that does not exist', ['validate', 'missing.netns.yaml']],
  ['deploy of a file that does not exist', ['deploy', 'missing.netns.yaml']],
  ['run of a notebook that does not exist', ['run', 'missing.netns.md']],
];

describe('exit status 2: the command was called wrongly, and nothing ran', () => {
  for (const [what, args] of calledWrongly) {
    test(`${what} exits 2 with one line pointing at --help, changing nothing`, async () => {
      const before = hostState();
      const result = await runner.run(...args);
      assert.equal(result.status, CALLED_WRONGLY, result.stderr);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /^netns-lab \S+: .*\(see netns-lab (\S+ )?--help\)\n$/u);
      assert.equal(hostState(), before);
    });
  }
});

describe('exit status 1: the command was called rightly, but the work failed', () => {
  for (const [what, args] of workFailed) {
    test(`${what} exits 1 with one line and no pointer to --help, changing nothing`, async () => {
      const before = hostState();
      const result = await runner.run(...args);
      assert.equal(result.status, WORK_FAILED, result.stderr);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /^netns-lab: /u);
      assert.doesNotMatch(result.stderr, /--help/u);
      assert.equal(hostState(), before);
    });
  }
});

describe('the rule is documented', () => {
  test('netns-lab --help gives the meaning of each exit status', async () => {
    const help = (await runner.runOk('--help')).stdout;
    assert.match(help, /^ {2}1 +the work failed/mu);
    assert.match(help, /^ {2}2 +called wrongly, before anything ran/mu);
    assert.match(help, /^ {2}3 +a lab differs from its file/mu);
  });
});
