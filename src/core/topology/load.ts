/**
 * Loading a topology file from disk: the whole file parsed and checked, or a TopologyFileError listing every problem
 * as `FILE:LINE:COL: message`. A file above the size limit is refused before it is read, and bytes that are not
 * UTF-8 are refused at their line and column rather than read as U+FFFD.
 */
import { open } from 'node:fs/promises';
import { fileErrorWords, InvalidArgumentError, NotFoundError, TopologyFileError } from '../errors.js';
import { decodeNotebookBytes } from '../notebook/encoding.js';
import { NotebookFormatError } from '../notebook/options.js';
import { formatDiagnostics } from './diagnostics.js';
import type { Topology, TopologyDiagnostic } from './model.js';
import { parseTopology } from './parse.js';
import { tooLargeMessage, TOPOLOGY_MAX_BYTES } from './source-checks.js';

/**
 * A topology file's text. A missing or unreadable file is a NotFoundError or InvalidArgumentError; a file too large,
 * or not UTF-8, a TopologyFileError with that one problem.
 */
export async function readTopologyText(path: string): Promise<string> {
  const bytes = await readAtMost(path, TOPOLOGY_MAX_BYTES).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new NotFoundError(`Topology file ${path} does not exist`);
    throw new InvalidArgumentError(`Cannot read topology file ${path}: ${fileErrorWords(error) ?? error.message}`);
  });
  if (bytes.tooLarge) throw fileError(path, { line: 1, column: 1, message: tooLargeMessage(bytes.size) });
  try {
    // The same decoding as lab notebooks: a byte order mark is taken, anything else that is not UTF-8 is refused.
    return decodeNotebookBytes(bytes.content);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    throw fileError(path, { line: error.line, column: error.column, message: error.reason });
  }
}

/** Reads and checks a `*.netns.yaml` file; throws TopologyFileError when it has any problem. */
export async function loadTopologyFile(path: string): Promise<Topology> {
  const text = await readTopologyText(path);
  const { topology, diagnostics } = parseTopology(text);
  if (topology) return topology;
  throw new TopologyFileError(`${path} is not a valid topology (${problems(diagnostics.length)}):\n${formatDiagnostics(path, diagnostics)}`, path, diagnostics);
}

/**
 * The file's bytes, or its size when it holds more than `limit`: it is not read past the limit, so a huge file (or
 * a device such as /dev/zero) costs no more than a small one.
 */
async function readAtMost(path: string, limit: number): Promise<{ content: Uint8Array; tooLarge: boolean; size?: number }> {
  const file = await open(path, 'r');
  try {
    const stats = await file.stat();
    // A regular file's size is known; a device or pipe's is not, so it is read up to the limit and no further.
    const size = stats.isFile() ? stats.size : undefined;
    if (size !== undefined && size > limit) return { content: new Uint8Array(), tooLarge: true, size };
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return { content: new Uint8Array(), tooLarge: true };
    }
    return { content: buffer.subarray(0, length), tooLarge: false };
  } finally {
    await file.close();
  }
}

function fileError(path: string, problem: { line: number; column: number; message: string }): TopologyFileError {
  const diagnostic: TopologyDiagnostic = { ...problem, endLine: problem.line, endColumn: problem.column };
  return new TopologyFileError(`${path} is not a valid topology (${problems(1)}):\n${formatDiagnostics(path, [diagnostic])}`, path, [diagnostic]);
}

function problems(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}
