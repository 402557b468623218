// Topology files refused for what the text is rather than what it says: aliases that stand for nothing, merge keys,
// characters YAML does not allow, bytes that are not UTF-8, a file too large to be a lab, and messages that would
// list thousands of names. Lines and columns are counted by hand from each text.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopologyFile, parseTopology, TopologyFileError, type TopologyDiagnostic } from '../../../../src/core/index.js';

const MIB = 1024 * 1024;
const folder = mkdtempSync(join(tmpdir(), 'netns-lab-topology-source-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function problemsOf(text: string): TopologyDiagnostic[] {
  const result = parseTopology(text);
  assert.equal(result.topology, undefined, 'no topology comes out of a file with problems');
  return result.diagnostics;
}

/** The only problem of `text`, at `line`:`column`, whose message contains every fragment. */
function assertOnlyProblem(text: string, line: number, column: number, ...fragments: string[]): void {
  const problems = problemsOf(text);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.deepEqual([problems[0]!.line, problems[0]!.column], [line, column], problems[0]!.message);
  for (const fragment of fragments) assert.ok(problems[0]!.message.includes(fragment), problems[0]!.message);
}

const PAIR = 'lab: src\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n';

describe('aliases and merge keys', () => {
  test('an alias whose anchor is defined nowhere is refused at the alias', () => {
    assertOnlyProblem('lab: src\nnamespaces: [red, *blue]\n', 2, 19, 'the alias *blue stands for nothing', 'define the anchor');
  });

  test('an alias whose anchor comes only after it is refused at the alias', () => {
    assertOnlyProblem('lab: src\nnamespaces: [red, *name]\nbridges: { &name br0: {} }\n', 2, 19, 'the alias *name stands for nothing');
  });

  test('an alias to an anchor above it stands for that value', () => {
    const withAlias = parseTopology('lab: src\nnamespaces: [&r red, blue]\nlinks:\n  - [{ namespace: *r, interface: eth0 }, blue:eth0]\n');
    const writtenOut = parseTopology('lab: src\nnamespaces: [red, blue]\nlinks:\n  - [{ namespace: red, interface: eth0 }, blue:eth0]\n');
    assert.deepEqual(withAlias.diagnostics, []);
    assert.deepEqual(withAlias.topology, writtenOut.topology);
  });

  test('a merge key is refused at the key as unsupported, saying to write the keys out', () => {
    const text = 'lab: src\nnamespaces:\n  red: &base\n    forwarding: true\n  blue:\n    <<: *base\n';
    assertOnlyProblem(text, 6, 5, 'YAML merge keys (<<) are not supported', 'write the keys of the merged map out');
  });

  test('a quoted "<<" is an ordinary key, and so an unknown one', () => {
    const problems = problemsOf('lab: src\nnamespaces:\n  red:\n    "<<": 1\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^unknown key "<<"/u);
  });
});

describe('characters YAML does not allow', () => {
  test('a bell is refused at its line and column, with the count of the others', () => {
    assertOnlyProblem('lab: src\nnamespaces: [re\u0007d, bl\u0007ue\u0001]\n', 2, 16, 'U+0007', 'and 2 more after it', 'write it as "\\u0007" in a double-quoted string');
  });

  test('DEL and a C1 control are refused too', () => {
    assertOnlyProblem('lab: src\r\nnamespaces: [red\u007f]\r\n', 2, 17, 'U+007F');
    assertOnlyProblem('lab: src\nnamespaces: [red]\n# \u009b\n', 3, 3, 'U+009B');
  });

  test('tabs, line breaks and a no-break space are allowed', () => {
    assert.deepEqual(parseTopology('lab: src\r\nnamespaces:\t[red, blue]\r\n# a\u00a0note\n').diagnostics, []);
  });

  test('an escaped control character in a double-quoted string is not refused as a character of the file', () => {
    const result = parseTopology('lab: "src\\u0007"\nnamespaces: [red]\n');
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.topology?.lab, 'src\u0007');
  });
});

describe('size', () => {
  /** A valid topology padded with a comment to exactly `bytes` bytes. */
  function paddedTo(bytes: number): string {
    const padding = bytes - Buffer.byteLength(PAIR) - 3;
    return `${PAIR}# ${'x'.repeat(padding)}\n`;
  }

  test('text of exactly 1 MiB is read', () => {
    const text = paddedTo(MIB);
    assert.equal(Buffer.byteLength(text), MIB);
    assert.deepEqual(parseTopology(text).diagnostics, []);
  });

  test('text of 1 MiB and a byte is refused at 1:1, stating the limit and the size', () => {
    assertOnlyProblem(paddedTo(MIB + 1), 1, 1, '1,048,577 bytes', 'larger than the 1 MiB (1,048,576 bytes) a topology file may have', 'split it');
  });

  test('the limit counts UTF-8 bytes, not characters', () => {
    const text = `${PAIR}# ${'é'.repeat(MIB / 2)}\n`;
    assert.ok(text.length < MIB && Buffer.byteLength(text) > MIB);
    assertOnlyProblem(text, 1, 1, 'larger than the 1 MiB');
  });
});

describe('messages list a few names, not all', () => {
  test('an undeclared namespace names three of the declared ones and counts the rest', () => {
    const declared = Array.from({ length: 50_000 }, (_, index) => `n${index}`);
    const text = `lab: src\nnamespaces: [${declared.join(', ')}]\nlinks:\n  - [n0:eth0, green:eth0]\n`;
    assertOnlyProblem(text, 4, 15, 'undeclared namespace green; declared: n0, n1, n2 … and 49,997 more');
  });

  test('a route device not declared names three declared interfaces and counts the rest', () => {
    const links = Array.from({ length: 5 }, (_, index) => `  - [red:e${index}, blue:e${index}]`).join('\n');
    const text = `lab: src\nnamespaces:\n  red: { routes: [10.9.0.0/16 dev eth9] }\n  blue: {}\nlinks:\n${links}\n`;
    const problems = problemsOf(text);
    assert.ok(
      problems.some((problem) => problem.message.includes('(declared there: e0, e1, e2 … and 2 more)')),
      JSON.stringify(problems),
    );
  });
});

describe('loadTopologyFile', () => {
  function write(name: string, content: string | Uint8Array): string {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  }

  async function loadProblems(path: string): Promise<readonly TopologyDiagnostic[]> {
    const error = await loadTopologyFile(path).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof TopologyFileError, String(error));
    return error.diagnostics;
  }

  test('a byte that is not UTF-8 is refused at its line and column, naming the byte', async () => {
    // "lab: src\n" is 9 bytes; on line 2, "namespaces: [re" is 15 bytes, so the bad byte is at column 16.
    const path = write('latin1.netns.yaml', Buffer.concat([Buffer.from('lab: src\nnamespaces: [re'), Buffer.from([0xe9]), Buffer.from('d]\n')]));
    const problems = await loadProblems(path);
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.line, problems[0]!.column], [2, 16]);
    assert.match(problems[0]!.message, /not valid UTF-8: byte 0xe9 at offset 24.*save the file as UTF-8/u);
  });

  test('a byte order mark is taken', async () => {
    const topology = await loadTopologyFile(write('bom.netns.yaml', `\ufeff${PAIR}`));
    assert.equal(topology.lab, 'src');
  });

  test('a file above 1 MiB is refused at 1:1 with its size', async () => {
    const path = write('huge.netns.yaml', `${PAIR}# ${'x'.repeat(3 * MIB)}\n`);
    const problems = await loadProblems(path);
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.line, problems[0]!.column], [1, 1]);
    assert.match(problems[0]!.message, /^the file is 3,145,\d{3} bytes, larger than the 1 MiB/u);
  });

  test('a device that never ends is read only up to the limit, then refused', async () => {
    const problems = await loadProblems('/dev/zero');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^the file is larger than the 1 MiB/u);
  });
});
