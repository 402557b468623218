/**
 * Where a notebook's own lab is declared: the topology its front matter names (`topology: ./lab.netns.yaml`),
 * relative to the notebook's folder. Only the caller knows that folder (a file on disk, an editor document), so it
 * is passed in; headless runs and the editor resolve the path the same way.
 */
import { isAbsolute, resolve } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import type { NotebookOptions } from './model.js';

/** The topology file's path, or undefined when the notebook names none. */
export function notebookTopologyPath(options: NotebookOptions, notebookDirectory: string | undefined): string | undefined {
  if (options.topology === undefined) return undefined;
  if (isAbsolute(options.topology)) return options.topology;
  if (notebookDirectory === undefined) {
    throw new InvalidArgumentError(`This notebook names a topology (${options.topology}) relative to its own folder, which is not known here: run it from its file`);
  }
  return resolve(notebookDirectory, options.topology);
}
