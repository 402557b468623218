/** Wireshark, when it is installed where the extension runs: found on the PATH, started on a saved capture. */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
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

/** Starts Wireshark on a pcap file, on its own: it outlives neither the file's use nor blocks the extension. */
export function openInWireshark(wireshark: string, file: string): void {
  const child = spawn(wireshark, [file], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
