// Recognising a cell that is one `ip` show command the way ip itself reads it, and the payload read from real
// `ip -j` output (test/fixtures/iproute2, see its README).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ParseError } from '../../../../src/core/iproute2/parse.js';
import { IP_TABLE_MIME, detectIpQuery, ipTablePayload, splitShellWords } from '../../../../src/core/notebook/ip-output.js';

const fixtures = new URL('../../../../../test/fixtures/iproute2/', import.meta.url);

function readFixture(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8');
}

describe('detectIpQuery recognises ip show commands', () => {
  const cases: [string, string, string[]][] = [
    ['ip a', 'addr', ['ip', '-j', '-d', 'a']],
    ['ip addr', 'addr', ['ip', '-j', '-d', 'addr']],
    ['ip address show', 'addr', ['ip', '-j', '-d', 'address', 'show']],
    ['ip ad sh', 'addr', ['ip', '-j', '-d', 'ad', 'sh']],
    ['ip -4 a show dev veth0', 'addr', ['ip', '-4', '-j', '-d', 'a', 'show', 'dev', 'veth0']],
    ['ip -6 addr list scope global', 'addr', ['ip', '-6', '-j', '-d', 'addr', 'list', 'scope', 'global']],
    ['ip a s lo', 'addr', ['ip', '-j', '-d', 'a', 's', 'lo']],
    ['ip a ls', 'addr', ['ip', '-j', '-d', 'a', 'ls']],
    ['ip -br a', 'addr', ['ip', '-j', '-d', 'a']],
    ['ip -brief address', 'addr', ['ip', '-j', '-d', 'address']],
    ['ip -c a', 'addr', ['ip', '-j', '-d', 'a']],
    ['ip -color=never addr', 'addr', ['ip', '-j', '-d', 'addr']],
    ['ip -o -4 a', 'addr', ['ip', '-4', '-j', '-d', 'a']],
    ['ip -s -d addr', 'addr', ['ip', '-s', '-d', '-j', 'addr']],
    ['ip l', 'link', ['ip', '-j', '-d', 'l']],
    ['ip li sh', 'link', ['ip', '-j', '-d', 'li', 'sh']],
    ['ip -n ns1 link', 'link', ['ip', '-n', 'ns1', '-j', '-d', 'link']],
    ['ip -netns ns1 link show type veth', 'link', ['ip', '-netns', 'ns1', '-j', '-d', 'link', 'show', 'type', 'veth']],
    ['ip link show master br0', 'link', ['ip', '-j', '-d', 'link', 'show', 'master', 'br0']],
    ['ip route', 'route', ['ip', '-j', 'route']],
    ['ip -6 r', 'route', ['ip', '-6', '-j', 'r']],
    ['ip r s', 'route', ['ip', '-j', 'r', 's']],
    ['ip ro l table all', 'route', ['ip', '-j', 'ro', 'l', 'table', 'all']],
    ['ip route show table main', 'route', ['ip', '-j', 'route', 'show', 'table', 'main']],
    ['ip -f inet route show', 'route', ['ip', '-f', 'inet', '-j', 'route', 'show']],
    ['ip n', 'neigh', ['ip', '-j', 'n']],
    ['ip neigh show dev x', 'neigh', ['ip', '-j', 'neigh', 'show', 'dev', 'x']],
    ['ip neighbour', 'neigh', ['ip', '-j', 'neighbour']],
    ['ip neighbor list', 'neigh', ['ip', '-j', 'neighbor', 'list']],
    ['ip ne s', 'neigh', ['ip', '-j', 'ne', 's']],
  ];
  for (const [source, kind, jsonArgv] of cases) {
    test(`reads ${JSON.stringify(source)} as ${kind} with JSON argv ${jsonArgv.join(' ')}`, () => {
      const query = detectIpQuery(source);
      assert.ok(query, `${source} was not recognised`);
      assert.equal(query.kind, kind);
      assert.deepEqual(query.jsonArgv, jsonArgv);
    });
  }

  test('says json when the command asked for JSON, and keeps its -j without pretty printing', () => {
    assert.deepEqual(detectIpQuery('ip -j -p addr'), { kind: 'addr', json: true, jsonArgv: ['ip', '-j', '-d', 'addr'] });
  });

  test('accepts the long spellings -json, --json and -details without adding them again', () => {
    assert.deepEqual(detectIpQuery('ip --json -details link')?.jsonArgv, ['ip', '--json', '-details', 'link']);
    assert.equal(detectIpQuery('ip -json route')?.json, true);
  });

  test('says not json when the command prints text', () => {
    assert.equal(detectIpQuery('ip a')?.json, false);
  });

  test('gives the namespace named with -n and none without', () => {
    assert.equal(detectIpQuery('ip -n ns1 route')?.namespace, 'ns1');
    assert.equal(detectIpQuery('ip route')?.namespace, undefined);
    assert.equal('namespace' in detectIpQuery('ip route')!, false);
  });

  test('takes quoted words as one word', () => {
    assert.deepEqual(detectIpQuery(`ip -n 'lab one' a show dev "veth 0"`)?.jsonArgv, ['ip', '-n', 'lab one', '-j', '-d', 'a', 'show', 'dev', 'veth 0']);
    assert.equal(detectIpQuery(`ip -n 'lab one' a`)?.namespace, 'lab one');
  });

  test('ignores blank lines and spaces around the one command', () => {
    assert.equal(detectIpQuery('\n  ip route  \n')?.kind, 'route');
  });

  test('gives MIME types for each kind', () => {
    assert.equal(IP_TABLE_MIME.addr, 'application/vnd.netns-lab.addr+json');
    assert.equal(IP_TABLE_MIME.neigh, 'application/vnd.netns-lab.neigh+json');
  });
});

describe('detectIpQuery refuses everything else', () => {
  const refused = [
    ['a command that sets state', 'ip link set x up'],
    ['link s, which ip reads as set', 'ip link s x up'],
    ['a route add', 'ip route add 10.0.0.0/24 via 10.0.0.1'],
    ['a route delete', 'ip r d default'],
    ['an address add, abbreviated', 'ip a a 10.0.0.1/24 dev x'],
    ['a flush', 'ip addr flush dev x'],
    ['a replace', 'ip route replace default via 10.0.0.1'],
    ['a neighbour get', 'ip neigh get 10.0.0.1 dev x'],
    ['a route get', 'ip route get 10.0.0.1'],
    ['filters without a list verb, which ip rejects', 'ip a dev lo'],
    ['a pipe', 'ip a | grep inet'],
    ['a pipe without spaces', 'ip a|grep inet'],
    ['a command list', 'ip a; ip r'],
    ['an and-list', 'ip a && ip r'],
    ['a redirection', 'ip a > out.txt'],
    ['a command substitution', 'ip a show dev $(cat name)'],
    ['backticks', 'ip a show dev `cat name`'],
    ['a variable', 'ip a show dev $DEV'],
    ['a variable in double quotes', 'ip a show dev "$DEV"'],
    ['a glob', 'ip a show dev veth*'],
    ['a backslash escape', 'ip a show dev veth\\ 0'],
    ['a comment', 'ip a # addresses'],
    ['an unterminated quote', "ip a show dev 'veth0"],
    ['the netns object', 'ip netns list'],
    ['the rule object', 'ip rule'],
    ['ip monitor', 'ip monitor'],
    ['addrlabel, which a longer prefix of addr reaches', 'ip addrl'],
    ['ntable, which nt reaches', 'ip nt'],
    ['two lines', 'ip a\nip r'],
    ['sudo in front', 'sudo ip a'],
    ['echo in front', 'echo ip a'],
    ['an environment assignment in front', 'LANG=C ip a'],
    ['ip alone', 'ip'],
    ['only options', 'ip -4'],
    ['-b, which ip reads as -batch', 'ip -b a'],
    ['an unknown option', 'ip -x a'],
    ['-n without a namespace', 'ip -n'],
    ['a family the parsers do not read', 'ip -f mpls route'],
    ['-M (MPLS)', 'ip -M route'],
    ['a bad color value', 'ip -color=sometimes a'],
    ['-- before the object', 'ip -- a'],
    ['an empty cell', '   '],
  ];
  for (const [what, source] of refused) {
    test(`refuses ${what}: ${JSON.stringify(source)}`, () => {
      assert.equal(detectIpQuery(source!), undefined);
    });
  }
});

describe('splitShellWords', () => {
  test('joins quoted and unquoted parts of one word and keeps empty quoted words', () => {
    assert.deepEqual(splitShellWords(`a'b c'"d" '' e`), ['ab cd', '', 'e']);
  });

  test('takes everything literally inside single quotes', () => {
    assert.deepEqual(splitShellWords(`ip a show dev '$x|;'`), ['ip', 'a', 'show', 'dev', '$x|;']);
  });
});

describe('ipTablePayload reads real ip -j output', () => {
  test('gives links with their addresses and kinds for addr', () => {
    const payload = ipTablePayload('addr', readFixture('addr-lab.json'));
    assert.equal(payload.kind, 'addr');
    const veth = payload.links?.find((link) => link.name === 'va0');
    assert.equal(veth?.kind, 'veth');
    assert.deepEqual(veth?.addresses.map((address) => address.address).slice(0, 2), ['10.1.0.1', '10.1.0.5']);
  });

  test('gives links for link', () => {
    const payload = ipTablePayload('link', readFixture('link-lab.json'));
    assert.deepEqual(
      payload.links?.map((link) => link.name),
      ['lo', 'va0', 'vx1', 'vx0', 'br0', 'tap0', 'tun0', 'vxl0', 'mv0'],
    );
    assert.equal(payload.routes, undefined);
  });

  test('gives routes for route, multipath included', () => {
    const payload = ipTablePayload('route', readFixture('route-table-all.json'));
    const multipath = payload.routes?.find((route) => route.destination === '10.70.0.0/16');
    assert.deepEqual(
      multipath?.nextHops.map((hop) => hop.gateway),
      ['10.1.0.253', '10.2.0.254'],
    );
  });

  test('gives neighbours for neigh', () => {
    const payload = ipTablePayload('neigh', readFixture('neigh-lab.json'));
    assert.equal(payload.neighbours?.length, 6);
    assert.equal(payload.neighbours?.find((neighbour) => neighbour.router)?.address, '2001:db8:1::fe');
  });

  test('reads pretty-printed JSON as well', () => {
    const pretty = JSON.stringify(JSON.parse(readFixture('neigh-lab.json')), null, 4);
    assert.equal(ipTablePayload('neigh', pretty).neighbours?.length, 6);
  });

  test('reads an empty list', () => {
    assert.deepEqual(ipTablePayload('route', '[]\n'), { kind: 'route', routes: [] });
  });

  test('throws a ParseError on output that is not JSON, such as ip stopping after "["', () => {
    assert.throws(() => ipTablePayload('route', '['), ParseError);
    assert.throws(() => ipTablePayload('addr', ''), ParseError);
  });

  test('throws a ParseError on JSON of another shape', () => {
    assert.throws(() => ipTablePayload('link', '{"ifname": "lo"}'), ParseError);
  });
});
