// Checks that the packaged extension works when installed, as a user gets it:
//   1. builds netns-lab.vsix (`npm run package`);
//   2. checks its size (under MAX_BYTES, 2.5 MB) and that it holds only what runs: package.json, the readme, the licence,
//      dist/extension.cjs, dist/cli.js and dist/elk.cjs (the layout library both load), plus the files package.json
//      points at (icons, notebook renderer, the topology schema), beside the .vsix's own manifest files;
//   3. installs it with `code-server --install-extension` into a fresh extensions folder;
//   4. runs test/integration/installed.test.ts in code-server with that folder and a stub (test/host-smoke) as the
//      extension under development, so the extension under test is the installed copy.
// Exits with the status of the first step that fails. Artifacts of the editor run: test-artifacts/vsix.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { installExtension, makeSessionFolders } from './vscode-host/code-server.mjs';

const root = resolve(import.meta.dirname, '..');
const vsix = join(root, 'netns-lab.vsix');
// The picture's libraries are most of it: elkjs (about 480 KB compressed, in dist/elk.cjs, which the extension and
// the command line share) and cytoscape in the Topology panel's page. Without them the package was under 1 MB.
const MAX_BYTES = 2_500_000;

function say(message) {
  console.log(`[test-vsix] ${message}`);
}

/** Stops the run (after the temporary folders are removed) with a message. */
function fail(message) {
  throw new Error(message);
}

/** Runs a command in the repository with inherited output; fails the script when it fails. */
function runStep(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/**
 * The files package.json itself points at (activity-bar and view icons, notebook renderer entry points, the topology
 * schema): the package must carry them, and may carry them beside the five files every package holds.
 */
function referencedFiles(manifest) {
  const contributes = manifest.contributes ?? {};
  const iconOwners = [...Object.values(contributes.viewsContainers ?? {}).flat(), ...Object.values(contributes.views ?? {}).flat()];
  const files = [
    manifest.icon,
    ...iconOwners.map((entry) => entry.icon),
    ...(contributes.notebookRenderer ?? []).map((renderer) => renderer.entrypoint),
    ...(contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.flatMap((step) => [step.media?.markdown, step.media?.image])),
    ...(contributes.yamlValidation ?? []).map((validation) => validation.url),
  ];
  return files.filter((file) => typeof file === 'string' && !file.startsWith('$(')).map((file) => file.replace(/^\.\//, ''));
}

/** Every path the package may and must hold: vsce's two manifest files, then the extension's files. */
function expectedEntries() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // vsce stores the readme as readme.md and the licence as LICENSE.txt.
  // The tutorials ship too: Open a Tutorial Notebook offers copies of them, with the topology files beside them
  // (a tutorial's front matter may name one).
  const tutorials = readdirSync(join(root, 'notebooks'))
    .filter((file) => file.endsWith('.netns.md') || file.endsWith('.netns.yaml'))
    .map((file) => `notebooks/${file}`);
  // The capture and topology panels' pages are loaded by the extension into their webviews, so no manifest entry names them.
  const files = [
    'package.json',
    'readme.md',
    'LICENSE.txt',
    'dist/extension.cjs',
    'dist/cli.js',
    'dist/elk.cjs',
    'dist/capture-view.js',
    'dist/topology-view.js',
    ...referencedFiles(manifest),
    ...tutorials,
  ];
  return new Set(['extension.vsixmanifest', '[Content_Types].xml', ...files.map((file) => `extension/${file}`)]);
}

function checkPackage() {
  const size = statSync(vsix).size;
  if (size >= MAX_BYTES) fail(`netns-lab.vsix is ${size} bytes, over ${MAX_BYTES}`);
  const listing = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  if (listing.status !== 0) fail(`unzip -Z1 failed: ${listing.stderr}`);
  const entries = listing.stdout.split('\n').filter((line) => line !== '' && !line.endsWith('/'));
  const expected = expectedEntries();
  const unexpected = entries.filter((entry) => !expected.has(entry));
  const missing = [...expected].filter((entry) => !entries.includes(entry));
  if (unexpected.length) fail(`netns-lab.vsix holds files it should not: ${unexpected.join(', ')}`);
  if (missing.length) fail(`netns-lab.vsix lacks: ${missing.join(', ')}`);
  say(`netns-lab.vsix: ${size} bytes, ${entries.length} entries: ${entries.join(', ')}`);
}

async function main() {
  runStep('npm', ['run', 'package']);
  checkPackage();
  const folders = await makeSessionFolders('netns-lab-vsix-');
  try {
    say(installExtension({ vsix, extensionsDir: folders.extensions, folders }).trim().split('\n').at(-1));
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    const installed = join(folders.extensions, `netns-lab.netns-lab-${version}`, 'dist', 'extension.cjs');
    if (!existsSync(installed)) fail(`the install left no ${installed}`);
    const tests = join(root, 'out', 'installed.cjs');
    await build({
      entryPoints: [join(root, 'test/integration/installed-index.ts')],
      outfile: tests,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      logLevel: 'warning',
      external: ['vscode', 'mocha'],
    });
    runStep(process.execPath, [
      join(root, 'scripts/vscode-host/run-tests.mjs'),
      '--extension',
      join(root, 'test/host-smoke'),
      '--tests',
      tests,
      '--workspace',
      join(root, 'test/integration/workspace'),
      '--artifacts',
      join(root, 'test-artifacts/vsix'),
      '--extensions-dir',
      folders.extensions,
      '--env',
      `NETNS_LAB_INSTALLED_EXTENSIONS_DIR=${folders.extensions}`,
      '--env',
      `NETNS_LAB_REPOSITORY=${root}`,
    ]);
    say('the installed package works');
  } finally {
    rmSync(folders.root, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`[test-vsix] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
