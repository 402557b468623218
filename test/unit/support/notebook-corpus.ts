/**
 * Tricky `*.netns.md` files as bytes, each with what a reader of the file sees in it, written by hand: the front
 * matter's options and the code cells' sources, or the refusal. One list, so that the editor's way of reading a
 * file and the command line's are held to the same files.
 */
import type { NotebookOptions } from '../../../src/core/notebook/index.js';

/** What a person reading the file expects the notebook to be. */
export type Expected =
  // problems: one per code cell (undefined for a cell that may run); absent: no cell has a problem.
  { options?: NotebookOptions; code: string[]; byteOrderMark?: boolean; problems?: Array<RegExp | undefined> } | { error: RegExp; line: number; column: number };

export interface CorpusEntry {
  name: string;
  bytes: Uint8Array;
  expected: Expected;
}

const BOM = '\uFEFF';

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function bytes(...parts: Array<string | number[]>): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...text(part)] : part)));
}

export const notebookCorpus: CorpusEntry[] = [
  {
    name: 'a byte order mark before Markdown',
    bytes: text(`${BOM}# Title\n\n\`\`\`sh\necho one\n\`\`\`\n`),
    expected: { code: ['echo one'], byteOrderMark: true },
  },
  {
    name: 'a byte order mark before front matter naming a target and a namespace',
    bytes: text(`${BOM}---\ntarget: lab1\nnetns: red\n---\n\`\`\`sh\nip addr\n\`\`\`\n`),
    expected: { options: { target: 'lab1', netns: 'red' }, code: ['ip addr'], byteOrderMark: true },
  },
  {
    name: 'a byte order mark before CRLF front matter',
    bytes: text(`${BOM}---\r\ntarget: lab1\r\n---\r\n\`\`\`sh\r\nhostname\r\n\`\`\`\r\n`),
    expected: { options: { target: 'lab1' }, code: ['hostname'], byteOrderMark: true },
  },
  {
    name: 'a byte order mark and front matter without a final newline',
    bytes: text(`${BOM}---\nnetns: red\n---`),
    expected: { options: { netns: 'red' }, code: [], byteOrderMark: true },
  },
  {
    name: 'only a byte order mark',
    bytes: text(BOM),
    expected: { code: [], byteOrderMark: true },
  },
  {
    name: 'a byte order mark before a mistyped front matter key',
    bytes: text(`${BOM}---\nnets: red\n---\n\`\`\`sh\nid\n\`\`\`\n`),
    expected: { error: /front matter key "nets"/, line: 2, column: 1 },
  },
  {
    name: 'a U+FEFF after the first character, which is text',
    bytes: text(`#${BOM} Title\n\n\`\`\`\necho two\n\`\`\`\n`),
    expected: { code: ['echo two'] },
  },
  {
    name: 'CRLF line endings',
    bytes: text('---\r\nnetns: red\r\n---\r\n# Title\r\n\r\n```sh\r\necho a\r\necho b\r\n```\r\n'),
    expected: { options: { netns: 'red' }, code: ['echo a\necho b'] },
  },
  {
    name: 'lone CR line endings',
    bytes: text('---\rnetns: red\r---\r```sh\recho a\r```\r'),
    expected: { options: { netns: 'red' }, code: ['echo a'] },
  },
  {
    name: 'Jekyll front matter with a namespace among its keys',
    bytes: text('---\nlayout: post\ntitle: "Routing lab"\ndate: 2024-03-01\ntags: [netns, routing]\npermalink: /labs/routing/\nnetns: red\n---\n# Routing\n\n```sh\nip route\n```\n'),
    expected: { options: { netns: 'red' }, code: ['ip route'] },
  },
  {
    name: 'no final newline',
    bytes: text('# Title\n\n```sh\necho last\n```'),
    expected: { code: ['echo last'] },
  },
  {
    name: 'NUL bytes in prose and in a cell',
    bytes: text('# NUL \0 here\n\n```sh\necho "\0"\n```\n'),
    expected: { code: ['echo "\0"'] },
  },
  {
    name: 'a fence that is never closed, with prose after it',
    bytes: text('---\nnetns: red\n---\n# Title\n\n```sh\necho a\n\nProse, not a command.\n'),
    expected: {
      options: { netns: 'red' },
      code: ['echo a\n\nProse, not a command.'],
      problems: [/^This code fence \(line 6\) is never closed, so it runs to the end of the file; close it with ``` to run this cell\.$/],
    },
  },
  {
    name: 'a fence in a list item that is never closed, before prose outside the list',
    bytes: text('1. Step\n\n   ```\n   echo a\n\nProse after the list.\n\n```sh\necho b\n```\n'),
    expected: {
      code: ['echo a\n', 'echo b'],
      problems: [/^This code fence \(line 3\) is never closed, so it runs to the end of the list item or quote it is in \(line 5\); close it with ``` /, undefined],
    },
  },
  {
    name: 'a byte order mark before a tilde fence that is never closed',
    bytes: text(`${BOM}~~~~ bash\nip link\n`),
    expected: { code: ['ip link'], byteOrderMark: true, problems: [/\(line 1\) is never closed, so it runs to the end of the file; close it with ~~~~ to run/] },
  },
  {
    name: 'a byte that is not UTF-8 in the fourth line',
    bytes: bytes('---\nnetns: red\n---\nab', [0xc3, 0x28], '\n'),
    expected: { error: /not valid UTF-8: byte 0xc3 at offset 21/, line: 4, column: 3 },
  },
  {
    name: 'a byte order mark, then a byte that is not UTF-8',
    bytes: bytes(BOM, 'ab', [0xff]),
    expected: { error: /not valid UTF-8: byte 0xff at offset 5/, line: 1, column: 3 },
  },
  {
    name: 'a UTF-16 file',
    bytes: bytes([0xff, 0xfe], [0x23, 0, 0x20, 0, 0x54, 0, 0x0a, 0]),
    expected: { error: /UTF-16 \(it starts with the bytes FF FE\), not UTF-8/, line: 1, column: 1 },
  },
];
