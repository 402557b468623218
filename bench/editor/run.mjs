// The editor benchmark: activation time and the Namespaces view's first paint with 500 namespaces, measured
// inside a real VS Code (the offline code-server host of scripts/vscode-host).
//   node bench/editor/run.mjs [--count N] [--only topology]
// --only topology: only the Topology panel's figures (its 100- and 500-namespace labs), not the tree's or the capture panel's.
// Builds the extension and bench/editor/suite.ts, runs it, prints its report (figures, targets, met or missed).
// The extension runs from a staged copy of the package whose only change is that it does not activate at start-up
// (package.json activationEvents emptied), so that the suite's extension.activate() call is really the first.
// The namespaces carry a prefix made here, so that whatever a crashed run leaves is removed here too.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { count: { type: 'string', default: '500' }, only: { type: 'string' } } });
const prefix = `b${(randomBytes(4).readUInt32BE() % 36 ** 5).toString(36).padStart(5, '0')}`;

/** Deletes any namespace of this run that is still there; returns how many. */
function removeLeftovers() {
  const mine = existsSync('/run/netns') ? readdirSync('/run/netns').filter((name) => name.startsWith(`${prefix}-`)) : [];
  if (mine.length) spawnSync('ip', ['-force', '-batch', '-'], { input: mine.map((name) => `netns delete ${name}\n`).join('') });
  return mine.length;
}

/** A copy of what the package holds, activated only when asked; returns its folder. */
function stageExtension() {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-bench-extension-'));
  for (const entry of ['dist', 'media', 'README.md', 'LICENSE']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(folder, entry), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ ...manifest, activationEvents: [] }, null, 2));
  return folder;
}

let status = 1;
let staged;
try {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  if (values.only !== undefined && values.only !== 'topology') throw new Error(`--only takes topology, not ${values.only}`);
  const suite = join(root, 'out/bench-editor.cjs');
  await build({
    entryPoints: [join(root, 'bench/editor/suite.ts')],
    outfile: suite,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    external: ['vscode'],
  });
  staged = stageExtension();
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'scripts/vscode-host/run-tests.mjs'),
      '--extension',
      staged,
      '--tests',
      suite,
      '--workspace',
      join(root, 'test/integration/workspace'),
      '--artifacts',
      join(root, 'test-artifacts/bench-editor'),
      '--env',
      `NETNS_LAB_BENCH_PREFIX=${prefix}`,
      '--env',
      `NETNS_LAB_BENCH_COUNT=${values.count}`,
      '--env',
      `NETNS_LAB_BENCH_ONLY=${values.only ?? ''}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  status = result.status ?? 1;
} catch (error) {
  console.error(`[bench-editor] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (staged) rmSync(staged, { recursive: true, force: true });
  const left = removeLeftovers();
  if (left) console.error(`[bench-editor] removed ${left} namespaces the run left behind`);
}
process.exit(status);
