/**
 * Reading a `*.netns.md` file from disk for a headless run (or anything else outside the editor). It decodes the
 * bytes exactly as the editor's serializer does, so the command line runs a notebook where the editor would.
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, NotFoundError } from '../errors.js';
import { decodeNotebookBytes } from './encoding.js';
import type { Notebook } from './model.js';
import { parseNotebook } from './parse.js';

/**
 * Reads and parses a notebook file. A missing or unreadable file is a NotFoundError or InvalidArgumentError; a file
 * that is not UTF-8 or not a valid notebook is a NotebookFormatError whose message starts with `path:LINE:COLUMN`.
 */
/** What a failed read means, in words, for the codes a user meets (the rest keep Node's message). */
const READ_PROBLEMS: Record<string, string> = {
  EISDIR: 'it is a folder; name a *.netns.md file',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
};

export async function readNotebookFile(path: string): Promise<Notebook> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new NotFoundError(`Notebook file ${path} does not exist`);
    throw new InvalidArgumentError(`Cannot read notebook file ${path}: ${READ_PROBLEMS[error.code ?? ''] ?? error.message}`);
  });
  return parseNotebook(decodeNotebookBytes(bytes, path), path);
}
