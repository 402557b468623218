// Broken topology files: each gives all its problems, in file order, at the line and column of the fault, with a
// message that says what is wrong and what is expected; no topology comes out of any of them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTopology } from '../../../../src/core/index.js';

const folder = join(process.cwd(), 'test/fixtures/topologies/invalid');

/** [line, column, a fragment of the message] for each problem, in file order. Written by hand from each file. */
type Expected = [number, number, string][];

export const INVALID_FILES: Record<string, Expected> = {
  'unknown-key.netns.yaml': [
    [2, 1, 'unknown key "namespace" in the topology (did you mean "namespaces"?); allowed keys: lab, namespaces, bridges, links'],
    [4, 17, 'undeclared namespace red; declared: none'],
    [4, 27, 'undeclared namespace blue; declared: none'],
    [5, 5, 'unknown key "speed" in a link; allowed keys: endpoints, mtu'],
  ],
  'duplicate-namespace.netns.yaml': [[2, 25, 'duplicate namespace red (first declared at line 2)']],
  'duplicate-yaml-key.netns.yaml': [[6, 3, 'duplicate namespace red (first declared at line 3)']],
  'interface-name-too-long.netns.yaml': [[4, 21, 'interface name "a-very-long-name0" is not valid: an interface name must be at most 15 bytes (this one is 17)']],
  'address-not-valid.netns.yaml': [
    [4, 15, '"10.0.0.256" is not an IPv4 or IPv6 address'],
    [4, 40, 'Invalid address "10.0.0.2": expected ADDRESS/PREFIX'],
    [6, 53, 'the prefix length must be a whole number from 0 to 128'],
  ],
  'undeclared-namespace.netns.yaml': [[4, 16, 'undeclared namespace green; declared: red, blue']],
  'bridge-port-missing.netns.yaml': [[6, 20, 'bridge br0 has port p-blue, but no link end p-blue is declared in namespace router']],
  'route-dev-undeclared.netns.yaml': [[5, 25, 'dev eth1 is not an interface declared in namespace red (declared there: eth0)']],
  'bad-mtu.netns.yaml': [
    [5, 10, 'Invalid MTU 70000: expected a whole number from 68 to 65535'],
    [7, 49, 'mtu must be a whole number from 68 to 65535; found the string "1500"'],
  ],
  'bad-impairment.netns.yaml': [
    [7, 25, 'rate "10 mbit" is not valid: expected a number with a unit'],
    [7, 41, 'delay "20 ms" is not valid: expected a time with a unit (us, ms, s)'],
    [7, 54, 'loss 150% is more than 100%'],
    [7, 60, 'unknown key "burst" in impair; allowed keys: rate, delay, jitter, loss'],
  ],
  'jitter-without-delay.netns.yaml': [[8, 11, 'jitter varies a delay, so it needs "delay" too']],
  'lab-missing.netns.yaml': [[1, 1, 'the topology needs the key "lab"']],
  'yaml-syntax.netns.yaml': [[3, 1, 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  'wrong-type.netns.yaml': [
    [2, 13, 'namespaces must be a list of names, e.g. [red, blue], or a map of names to settings; found the string "red"'],
    [4, 5, 'a link must be a list of its two endpoints'],
  ],
  'number-as-name.netns.yaml': [
    [1, 6, 'lab must be a string, but YAML reads 2024 as a number; write it as a string: "2024"'],
    [2, 19, 'YAML reads 42 as a number; write it as a string: "42"'],
    [2, 23, 'YAML reads true as a boolean; write it as a string: "true"'],
  ],
  'interface-twice.netns.yaml': [
    [8, 10, 'interface eth0 is already declared in namespace red at line 7'],
    [9, 10, 'interface eth1 is already declared in namespace red at line 4'],
  ],
  'same-address-twice.netns.yaml': [
    [5, 15, 'address 10.0.0.1 is already used in namespace red (10.0.0.1/24 at line 4)'],
    [5, 49, 'address fd00:0::1 is already used in namespace blue (fd00::1/64 at line 5)'],
  ],
  'port-in-two-bridges.netns.yaml': [[9, 56, 'p-red is already a port of bridge br0 (line 4); a port may belong to one bridge only']],
  'bridge-in-other-namespace.netns.yaml': [[7, 56, 'bridge br0 is not declared in namespace router']],
  'link-ends-equal.netns.yaml': [[4, 16, "a link's two ends must differ: both are red:eth0"]],
  'link-three-ends.netns.yaml': [[4, 5, 'a link is a veth pair and needs exactly two endpoints; found 3']],
  'route-problems.netns.yaml': [
    [6, 9, 'the route to 0.0.0.0/0 is already declared in namespace red at line 5'],
    [7, 25, 'the gateway fd00::1 is IPv6 but the destination 10.1.0.0/16 is IPv4'],
    [8, 9, 'the route to 10.2.0.0/16 needs a gateway or a device'],
    [9, 25, 'the gateway 192.168.9.1 is on no subnet of the addresses in namespace red (10.0.0.1/24)'],
    [10, 41, 'metric "-1" is not valid: expected a whole number from 0 to 4294967295'],
    [11, 34, 'unexpected "mtu" in a route: expected DEST [via GATEWAY] [dev INTERFACE] [metric N]'],
    [12, 28, 'unknown key "gateway" in a route; allowed keys: to, via, dev, metric'],
    [13, 25, 'the gateway fe80::1 is a link-local address, which is only reachable with its device'],
  ],
  'sysctl-problems.netns.yaml': [
    [6, 7, 'sysctl net.ipv4.ip_forward: 0 contradicts forwarding: true (line 4)'],
    [7, 7, 'sysctl key "ip_forward" is not valid: expected a full dotted key'],
    [8, 7, 'the value of sysctl net.ipv4.conf.all.rp_filter must be a string, a number or true/false; found nothing'],
  ],
  'lab-name-bad.netns.yaml': [[1, 6, 'the lab name must not contain "/"']],
  'kernel-name-too-long.netns.yaml': [[3, 5, 'a namespace name must be at most 255 bytes (this one is 268)']],
  'endpoint-with-spaces.netns.yaml': [[4, 9, '"ns:eth0" is not an address (expected ADDRESS/PREFIX after the interface); if a name holds spaces, write the endpoint as an object']],
  'loopback-name.netns.yaml': [[4, 10, 'interface name "lo" is the loopback interface every namespace already has']],
  'empty.netns.yaml': [[1, 1, 'the file is empty']],
  'address-and-addresses.netns.yaml': [[5, 66, 'an endpoint has both "address" and "addresses"']],
};

describe('invalid topologies: every problem at its line and column', () => {
  test('every file of the corpus has its expectations here', () => {
    assert.deepEqual(readdirSync(folder).sort(), Object.keys(INVALID_FILES).sort());
  });

  for (const [name, expected] of Object.entries(INVALID_FILES)) {
    test(name, () => {
      const text = readFileSync(join(folder, name), 'utf8');
      const { topology, diagnostics } = parseTopology(text);
      assert.equal(topology, undefined, 'no topology comes out of a file with problems');
      const found = diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
      assert.equal(diagnostics.length, expected.length, `expected ${expected.length} problems, found:\n${found.join('\n')}`);
      expected.forEach(([line, column, fragment], index) => {
        const diagnostic = diagnostics[index]!;
        assert.equal(`${diagnostic.line}:${diagnostic.column}`, `${line}:${column}`, `position of problem ${index + 1}: ${found[index]}`);
        assert.ok(diagnostic.message.includes(fragment), `problem ${index + 1} should say ${JSON.stringify(fragment)}; it says ${JSON.stringify(diagnostic.message)}`);
        const marksSomething = diagnostic.endLine > diagnostic.line || (diagnostic.endLine === diagnostic.line && diagnostic.endColumn > diagnostic.column);
        // Only an empty file has nothing to mark.
        assert.ok(marksSomething || text === '', `problem ${index + 1} marks a non-empty stretch`);
      });
    });
  }
});

describe('diagnostics mark the offending text', () => {
  test('a bad address inside an endpoint string is marked by itself, not the whole string', () => {
    const { diagnostics } = parseTopology('lab: x\nnamespaces: [a, b]\nlinks:\n  - [a:e0 10.0.0.1/24 10.0.0.300/24, b:e0]\n');
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(
      { line: diagnostics[0]!.line, column: diagnostics[0]!.column, endLine: diagnostics[0]!.endLine, endColumn: diagnostics[0]!.endColumn },
      { line: 4, column: 23, endLine: 4, endColumn: 36 },
    );
  });

  test('an unknown key is marked on the key, from its first to its last character', () => {
    const { diagnostics } = parseTopology('lab: x\nbridge: [br0]\n');
    assert.deepEqual(
      diagnostics.map(({ line, column, endLine, endColumn }) => [line, column, endLine, endColumn]),
      [[2, 1, 2, 7]],
    );
  });
});

describe('YAML itself', () => {
  test('a second document is refused with advice about the file, not about the YAML library', () => {
    const { diagnostics } = parseTopology('lab: x\n---\nlab: y\n');
    assert.equal(diagnostics.length, 1);
    assert.equal(`${diagnostics[0]!.line}:${diagnostics[0]!.column}`, '2:1');
    assert.match(diagnostics[0]!.message, /holds one YAML document; remove the "---"/);
  });

  test('a front matter above the topology is named as such, with the lines to remove', () => {
    for (const text of ['---\ntitle: Lab one\nlayout: page\n---\nlab: x\n', '\uFEFF---\r\ntitle: Lab one\r\nlayout: page\r\n---\r\nlab: x\r\n']) {
      const { diagnostics } = parseTopology(text);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      assert.equal(diagnostics[0]!.line, 4);
      assert.match(diagnostics[0]!.message, /holds one YAML document: lines 1 to 4 look like a front matter, which a topology file does not have; remove them/u);
    }
  });

  test('after a syntax error nothing else is reported, since the shape of the rest is a guess', () => {
    const { diagnostics } = parseTopology('lab: x\ncolour: red\nnamespaces: [a\n');
    assert.ok(diagnostics.length > 0);
    assert.ok(
      diagnostics.every((diagnostic) => diagnostic.message.startsWith('YAML syntax error: ')),
      JSON.stringify(diagnostics),
    );
  });
});
