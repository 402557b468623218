// For humans: starts code-server on 127.0.0.1 with an extension under development and a workspace folder,
// prints the URL to open in a browser, and stays in the foreground until Ctrl-C, then stops code-server's
// whole process group and removes its temporary folders.
//
//   node scripts/vscode-host/open.mjs --extension /abs/ext --workspace /abs/ws [--port 8080]
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, makeSessionFolders, remoteUri, requireInstalledHost, signalGroup, startCodeServer, stopProcessGroup, waitForHealth, workbenchUrl } from './code-server.mjs';

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      extension: { type: 'string' },
      workspace: { type: 'string' },
      port: { type: 'string' },
    },
  });
  if (!values.extension || !values.workspace) {
    throw new Error('usage: open.mjs --extension DIR --workspace DIR [--port N]');
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`--port must be a TCP port number, not ${values.port}`);
  }
  return { extension: resolve(values.extension), workspace: resolve(values.workspace), port };
}

/** Resolves with the name of the first of SIGINT/SIGTERM/SIGHUP that arrives. */
function nextSignal() {
  return new Promise((resolveSignal) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => resolveSignal(signal));
    }
  });
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  requireInstalledHost();
  const port = options.port ?? (await findFreePort());
  const folders = await makeSessionFolders('netns-lab-vscode-open-');
  const stopped = nextSignal();
  // code-server prints to this terminal; it runs in its own process group, so Ctrl-C reaches only this script.
  const codeServer = startCodeServer({ port, workspace: options.workspace, folders });
  let groupStopped = false;
  process.on('exit', () => groupStopped || signalGroup(codeServer.pid, 'SIGKILL'));
  let exitCode = 0;
  try {
    const first = await Promise.race([waitForHealth(port, codeServer).then(() => 'ready'), stopped]);
    if (first !== 'ready') {
      return; // Stopped by a signal before code-server was up; finally cleans up.
    }
    const url = workbenchUrl(port, options.workspace, [['extensionDevelopmentPath', remoteUri(port, options.extension)]]);
    console.log(`\n[vscode-host] VS Code (code-server) is up. Open:\n\n  ${url}\n\n[vscode-host] Ctrl-C stops it.\n`);
    const outcome = await Promise.race([stopped, codeServer.exited]);
    if (typeof outcome !== 'string') {
      console.error(`[vscode-host] code-server exited (code ${outcome.code}, signal ${outcome.signal})`);
      exitCode = 1;
    }
  } catch (error) {
    console.error(`[vscode-host] ERROR: ${error.message}`);
    exitCode = 1;
  } finally {
    await stopProcessGroup(codeServer);
    groupStopped = true;
    await rm(folders.root, { recursive: true, force: true, maxRetries: 3 });
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(`[vscode-host] ERROR: ${error.message}`);
  process.exit(1);
});
