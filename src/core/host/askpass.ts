/**
 * A one-time askpass helper for `sudo -A`, so that a program started elsewhere (a namespace terminal) gets root from
 * the password this session was already given, without a second prompt, whatever sudo's timestamp rules are (by
 * default sudo keeps a password per terminal, so a new terminal would ask again). The password never touches a
 * disk, an argv or an environment: it waits in a FIFO, in a folder only this user can enter, for the helper to read
 * its one line; the folder goes on `dispose` (or after `timeoutMs`).
 */
import { constants } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { shellQuote } from '../quote.js';

export interface Askpass {
  /** The program to name in SUDO_ASKPASS. */
  readonly helper: string;
  /** Takes the helper and the FIFO away (what was not read goes with them). */
  dispose(): Promise<void>;
}

/** Makes the helper; `password` is the one sudo accepted for this session. */
export async function oneTimeAskpass(password: string, timeoutMs = 60_000): Promise<Askpass> {
  // mkdtemp makes the folder with mode 700: nobody else can open the FIFO inside.
  const folder = await mkdtemp(join(tmpdir(), 'netns-lab-askpass-'));
  const fifo = join(folder, 'password');
  const helper = join(folder, 'askpass');
  try {
    await execa('mkfifo', ['-m', '600', fifo]);
    // head reads its one line and ends; it need not wait for the end of the FIFO, which this process holds open.
    await writeFile(helper, `#!/bin/sh\n# Netns Lab: hands sudo this session's password, once.\nexec head -n 1 -- ${shellQuote(fifo)}\n`, { mode: 0o700 });
    // Read and write: on Linux such an open of a FIFO does not wait for a reader (a write-only one would).
    const handle = await open(fifo, constants.O_RDWR);
    await handle.write(`${password}\n`);
    const dispose = async (): Promise<void> => {
      clearTimeout(timer);
      await handle.close().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    };
    const timer = setTimeout(() => void dispose(), timeoutMs);
    timer.unref();
    return { helper, dispose };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
