/**
 * Loading a topology file from disk: the whole file parsed and checked, or a TopologyFileError listing every problem
 * as `FILE:LINE:COL: message`.
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, NotFoundError, TopologyFileError } from '../errors.js';
import { formatDiagnostics } from './diagnostics.js';
import type { Topology } from './model.js';
import { parseTopology } from './parse.js';

/** A topology file's text; a missing or unreadable file is a clear error. */
export async function readTopologyText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new NotFoundError(`Topology file ${path} does not exist`);
    throw new InvalidArgumentError(`Cannot read topology file ${path}: ${error.message}`);
  });
}

/** Reads and checks a `*.netns.yaml` file; throws TopologyFileError when it has any problem. */
export async function loadTopologyFile(path: string): Promise<Topology> {
  const text = await readTopologyText(path);
  const { topology, diagnostics } = parseTopology(text);
  if (topology) return topology;
  const count = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
  throw new TopologyFileError(`${path} is not a valid topology (${count}):\n${formatDiagnostics(path, diagnostics)}`, path, diagnostics);
}
