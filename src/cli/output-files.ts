/**
 * Files and folders the command line writes where the user said (`graph --output`, `check --junit`, `run
 * --pictures`): a failure is one line saying which path and why, never a fault of ours with a stack trace.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileErrorWords, InvalidArgumentError } from '../core/errors.js';

export async function writeOutputFile(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    throw new InvalidArgumentError(`cannot write ${path}: ${reason(error)}`);
  }
}

/**
 * Makes a folder, with the folders above it that are missing, one at a time: Node's own recursive mkdir never
 * returns for a path in /proc (it spins at full speed), and a folder that cannot be made must be said at once.
 */
export async function makeOutputFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  try {
    for (let path = resolve(folder); ; path = dirname(path)) {
      const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (found?.isDirectory()) break;
      if (found) throw Object.assign(new Error('not a folder'), { code: path === resolve(folder) ? 'EEXIST' : 'ENOTDIR' });
      if (path === dirname(path)) break;
      missing.unshift(path);
    }
    for (const path of missing) {
      await mkdir(path).catch((error: NodeJS.ErrnoException) => {
        // Made meanwhile by someone else: as good.
        if (error.code !== 'EEXIST') throw error;
      });
    }
  } catch (error) {
    throw new InvalidArgumentError(`cannot make the folder ${folder}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  return fileErrorWords(error) ?? (error instanceof Error ? error.message : String(error));
}
