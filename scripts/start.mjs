// `npm start [-- FOLDER] [--port N]`: opens the built extension in a real VS Code, on FOLDER when given, otherwise on
// a fresh scratch copy of the tutorials, so that trying them never edits the tracked files in notebooks/. Desktop
// VS Code is used when `code` is on the PATH, otherwise the offline code-server on 127.0.0.1 (the URL is printed;
// Ctrl-C stops it; --port picks its port).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const notebooks = resolve(root, 'notebooks');

function usage(message) {
  console.error(`npm start: ${message}\nusage: npm start [-- FOLDER] [--port N]`);
  process.exit(2);
}

/** Copies the tutorials (notebooks and their topology files) into a new temporary folder, and returns it. */
function scratchCopyOfTutorials() {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-tutorials-'));
  cpSync(notebooks, folder, { recursive: true, filter: (source) => source === notebooks || /\.netns\.(md|yaml)$/.test(source) });
  console.log(`[start] the tutorials are copied to ${folder}: edit and run them there; notebooks/ stays as it is.`);
  return folder;
}

let parsed;
try {
  parsed = parseArgs({ options: { port: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  usage(error.message);
}
const { values, positionals } = parsed;
if (positionals.length > 1) usage(`expected one folder, got ${positionals.length}`);
const given = positionals[0] === undefined ? undefined : resolve(positionals[0]);
if (given !== undefined && !(existsSync(given) && statSync(given).isDirectory())) usage(`${given} is not a folder`);
const workspace = given ?? scratchCopyOfTutorials();

const desktop = spawnSync('code', ['--version'], { stdio: 'ignore' });
const port = values.port === undefined ? [] : ['--port', values.port];
const [program, args] =
  desktop.status === 0
    ? ['code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace]]
    : [process.execPath, [resolve(root, 'scripts/vscode-host/open.mjs'), '--extension', root, '--workspace', workspace, ...port]];
const result = spawnSync(program, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
