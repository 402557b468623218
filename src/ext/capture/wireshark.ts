/**
 * Wireshark, when it is installed where the extension runs: found on the PATH, started on a saved capture.
 *
 * The files handed to it live in a private folder of ours (made with mkdtemp: mode 0700, a random name), one per
 * "Open in Wireshark". A file stays as long as the Wireshark started on it runs, and goes when it exits: Wireshark
 * reads a packet's bytes back from the file when one is selected (through the descriptor it holds, which would
 * survive an unlink), but it opens the file again by its name for File > Reload, and File > Save As of an unchanged
 * capture copies the file by its name, so removing it earlier would break both. The folder goes with its last file,
 * and when the extension ends, Wireshark running or not: nothing is left behind in the temporary folder.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The full path of `program` on the PATH, or undefined. */
export async function findOnPath(program: string, path = process.env['PATH'] ?? ''): Promise<string | undefined> {
  for (const folder of path.split(delimiter).filter((part) => part !== '')) {
    const candidate = join(folder, program);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** The private folder of the files handed to Wireshark, each removed when the Wireshark reading it exits. */
export class WiresharkFiles {
  private folder: Promise<string> | undefined;
  private next = 1;
  /** Files in the folder now: the folder goes when the last one has. */
  private files = 0;
  private disposed = false;

  constructor(private readonly parent = tmpdir()) {}

  /**
   * Writes a file with `write` (given its path) in the private folder, then starts `wireshark` on it, on its own:
   * the extension neither waits for it nor ends it. Resolves with the file's path once Wireshark has started.
   */
  async open(wireshark: string, write: (path: string) => Promise<unknown>): Promise<string> {
    if (this.disposed) throw new Error('The extension is shutting down: open the capture in Wireshark after it restarts');
    const folder = (this.folder ??= mkdtemp(join(this.parent, 'netns-lab-wireshark-')));
    this.files++;
    const file = join(await folder, `capture-${this.next++}.pcap`);
    try {
      await write(file);
      await started(wireshark, file, () => void this.remove(folder, file));
    } catch (error) {
      await this.remove(folder, file);
      throw error;
    }
    return file;
  }

  /** Removes a file, and the folder with its last file (a later file makes a new folder). */
  private async remove(folder: Promise<string>, file: string): Promise<void> {
    await rm(file, { force: true });
    if (--this.files > 0 || this.folder !== folder) return;
    this.folder = undefined;
    await rm(await folder, { recursive: true, force: true });
  }

  /** Removes the folder and every file in it (the extension ends). */
  async dispose(): Promise<void> {
    this.disposed = true;
    const folder = this.folder;
    this.folder = undefined;
    if (folder) await rm(await folder, { recursive: true, force: true });
  }
}

/** Starts Wireshark detached; `onExit` runs when it has exited. Rejects when it cannot be started at all. */
function started(wireshark: string, file: string, onExit: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(wireshark, [file], { detached: true, stdio: 'ignore' });
    child.once('spawn', () => {
      // Not waited for: the extension host may end before Wireshark does (the folder goes with the extension).
      child.unref();
      child.once('exit', onExit);
      resolve();
    });
    child.once('error', (error) => reject(new Error(`Cannot start ${wireshark}: ${error.message}`)));
  });
}
