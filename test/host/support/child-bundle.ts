// A test's child script bundled into one file in a folder anyone may read, for running it as another user: the
// checkout itself may sit in a private (0700) folder, where nobody else could read the compiled files.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

/** Bundles the compiled script `entry` (a path); remove `folder` when done. */
export function bundleForAnyone(entry: string): { file: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-child-'));
  chmodSync(folder, 0o755);
  const file = join(folder, basename(entry).replace(/\.js$/u, '.mjs'));
  // execa's CommonJS dependencies call require, which an ES module bundle only has when it makes one.
  const banner = { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" };
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: file, banner, logLevel: 'error' });
  chmodSync(file, 0o644);
  return { file, folder };
}
