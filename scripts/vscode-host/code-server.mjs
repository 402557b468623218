// Starting, waiting for and stopping code-server, shared by run-tests.mjs and open.mjs.
// code-server runs under Node 24 from the cache folder, in its own process group, so that stopping it
// can take its extension host and file watcher along (killing only its pid leaves them running for hours).
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostPaths } from './paths.mjs';

export const host = '127.0.0.1';

/** Throws with a helpful message when setup.sh has not been run. */
export function requireInstalledHost() {
  const paths = hostPaths();
  for (const file of [paths.nodeBinary, paths.codeServerEntry]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run scripts/vscode-host/setup.sh first`);
    }
  }
  return paths;
}

/** Asks the kernel for a TCP port that is free on 127.0.0.1 right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

// A quiet, offline-friendly workbench: no welcome page or chat panel in screenshots, no update or
// marketplace look-ups that only fail and log on a machine without internet.
const userSettings = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
};

/** Makes a temporary root with the folders one code-server session writes to. */
export async function makeSessionFolders(prefix) {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const folders = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    xdgCache: join(root, 'xdg-cache'),
    browserProfile: join(root, 'browser-profile'),
    // VS Code's and its git extension's sockets (vscode-ipc-*.sock, vscode-git-*.sock) go here rather than into
    // /tmp, where nothing would remove them after the session.
    runtime: join(root, 'run'),
  };
  for (const folder of Object.values(folders)) {
    mkdirSync(folder, { recursive: true });
  }
  // A runtime folder is its owner's alone.
  chmodSync(folders.runtime, 0o700);
  mkdirSync(join(folders.userData, 'User'));
  writeFileSync(join(folders.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  return folders;
}

/** The environment code-server (and so the extension host) gets: ours, minus an outer VS Code's variables. */
function codeServerEnvironment(folders, runAs) {
  const environment = { ...process.env };
  for (const name of Object.keys(environment)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') {
      delete environment[name];
    }
  }
  // Otherwise code-server writes its config and state under the home folder.
  environment.XDG_CONFIG_HOME = folders.xdgConfig;
  environment.XDG_DATA_HOME = folders.xdgData;
  environment.XDG_CACHE_HOME = folders.xdgCache;
  environment.XDG_RUNTIME_DIR = folders.runtime;
  if (runAs) {
    // What a login of that user would have, not root's.
    Object.assign(environment, { HOME: runAs.home, USER: runAs.name, LOGNAME: runAs.name });
    for (const name of Object.keys(environment)) {
      if (name.startsWith('SUDO_')) {
        delete environment[name];
      }
    }
  }
  return environment;
}

/**
 * The account to run code-server as (`--as-user NAME`): its name, ids and home, from the system's user database.
 * @param {string} name
 */
export function userAccount(name) {
  const entry = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  const fields = entry.status === 0 ? entry.stdout.trim().split(':') : [];
  if (fields.length < 7) {
    throw new Error(`there is no user ${name} on this machine`);
  }
  return { name, uid: Number(fields[2]), gid: Number(fields[3]), home: fields[5] };
}

/**
 * Starts code-server detached (its own session and process group) on 127.0.0.1:port. `extensionsDir`: where
 * installed extensions are read from (default: the session's own, empty, folder).
 * `runAs`: another user's account (userAccount) to run it, and so the extension host, as; `paths`: where the host is
 * installed (hostPaths), by default the cache folder of this user.
 * @param {{ port: number, workspace: string, folders: Awaited<ReturnType<typeof makeSessionFolders>>,
 *           logFile?: string, extensionsDir?: string, runAs?: ReturnType<typeof userAccount>,
 *           paths?: ReturnType<typeof hostPaths> }} options
 */
export function startCodeServer({ port, workspace, folders, logFile, extensionsDir, runAs, paths = requireInstalledHost() }) {
  const argv = [
    paths.codeServerEntry,
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    folders.userData,
    '--extensions-dir',
    extensionsDir ?? folders.extensions,
    // Without the smoke test driver code-server silently ignores the URL payload: not only extensionTestsPath
    // but extensionDevelopmentPath too.
    '--vscode-option',
    'enable-smoke-test-driver',
    workspace,
  ];
  const logDescriptor = logFile ? openSync(logFile, 'a') : undefined;
  const stdio = logDescriptor === undefined ? 'inherit' : ['ignore', logDescriptor, logDescriptor];
  const ids = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
  const child = spawn(paths.nodeBinary, argv, { detached: true, stdio, env: codeServerEnvironment(folders, runAs), cwd: runAs?.home, ...ids });
  if (logDescriptor !== undefined) {
    closeSync(logDescriptor);
  }
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (error) => console.error(`[vscode-host] cannot start code-server: ${error.message}`));
  return child;
}

/**
 * Installs a .vsix into `extensionsDir` with code-server's own installer, as a user would; throws with its output
 * when it fails.
 * @param {{ vsix: string, extensionsDir: string, folders: Awaited<ReturnType<typeof makeSessionFolders>> }} options
 */
export function installExtension({ vsix, extensionsDir, folders }) {
  const paths = requireInstalledHost();
  const argv = [paths.codeServerEntry, '--user-data-dir', folders.userData, '--extensions-dir', extensionsDir, '--install-extension', vsix];
  const result = spawnSync(paths.nodeBinary, argv, { encoding: 'utf8', env: codeServerEnvironment(folders), timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (status ${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
  }
  return result.stdout;
}

/** Waits until /healthz answers; throws if code-server exits first or the time runs out. */
export async function waitForHealth(port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let exited;
  child.exited.then((status) => {
    exited = status;
  });
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`code-server exited before it was ready (code ${exited.code}, signal ${exited.signal})`);
    }
    try {
      const response = await fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer http://${host}:${port}/healthz within ${timeoutMs / 1000} s`);
}

/** True while any process of the group still exists. */
function groupAlive(groupId) {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends a signal to a whole process group, ignoring a group that is already gone. */
export function signalGroup(groupId, signal) {
  try {
    process.kill(-groupId, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

/** Stops code-server's whole process group: SIGTERM, then SIGKILL for whatever is left after graceMs. */
export async function stopProcessGroup(child, graceMs = 5_000) {
  if (!child?.pid) {
    return;
  }
  signalGroup(child.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(child.pid) && Date.now() < deadline) {
    await sleep(100);
  }
  signalGroup(child.pid, 'SIGKILL');
}

/** The vscode-remote URI code-server's workbench uses for a path on this machine. */
export function remoteUri(port, path) {
  return `vscode-remote://${host}:${port}${path}`;
}

/**
 * The workbench URL that opens `workspace` with a payload such as
 * [['extensionDevelopmentPath', remoteUri(...)], ['extensionTestsPath', remoteUri(...)]].
 */
export function workbenchUrl(port, workspace, payload) {
  const url = new URL(`http://${host}:${port}/`);
  url.searchParams.set('folder', workspace);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.href;
}
