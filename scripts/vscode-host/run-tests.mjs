// Runs extension integration tests inside a real VS Code (code-server, driven headless by Debian's Chromium)
// and exits with their status. code-server has no --extensionTestsPath flag: the test entries travel in the
// workbench URL's payload, honoured only with the smoke-test driver enabled, and the result comes back through
// the codeAutomationExit function the workbench calls in the page.
//
//   node scripts/vscode-host/run-tests.mjs --extension /abs/ext --tests /abs/ext/out/test/index.cjs \
//     --workspace /abs/ws [--env KEY=VALUE]... [--artifacts dir] [--timeout seconds] [--extensions-dir dir]
//
// --extensions-dir: code-server loads installed extensions from there (to test an installed .vsix, with a stub as
// the extension under development); by default from an empty folder of the session.
// --as-user NAME (as root): code-server, and so the extension host under test, runs as that user, as most people run
// VS Code; the browser stays ours. The session's folders become the user's, and when the user cannot read the
// installed host (a cache folder under a private home), it runs from a hard-linked copy removed afterwards.
//
// The tests file is CommonJS and exports run(): Promise<void>; exit code 0 when it resolves, 1 when it rejects
// or the run times out. Artifacts: final.png, code-server.log, extension-host.log, browser-console.log, logs/.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { rm } from 'node:fs/promises';
import { dirname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { letTestsShowDialogs, servePageRequests } from './page-requests.mjs';
import { chromiumPath, hostPaths } from './paths.mjs';
import { findFreePort, makeSessionFolders, remoteUri, requireInstalledHost, signalGroup, startCodeServer, stopProcessGroup, userAccount, waitForHealth, workbenchUrl } from './code-server.mjs';

const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** What one run holds, so that cleanup can release it whatever state the run stopped in. */
const session = { codeServer: undefined, browser: undefined, page: undefined, folders: undefined, artifacts: '', runAs: undefined, hostCopy: undefined };

function say(message) {
  console.log(`[vscode-host] ${message}`);
}

/** Parses and checks the command line; paths come back absolute. */
function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      env: { type: 'string', multiple: true, default: [] },
      artifacts: { type: 'string', default: 'test-artifacts/vscode-host' },
      timeout: { type: 'string', default: '600' },
      'extensions-dir': { type: 'string' },
      'as-user': { type: 'string' },
    },
  });
  for (const name of ['extension', 'tests', 'workspace']) {
    if (!values[name]) {
      throw new Error(`--${name} is required (usage: --extension DIR --tests FILE --workspace DIR)`);
    }
  }
  for (const name of ['extension', 'tests', 'workspace']) {
    if (!existsSync(values[name])) {
      throw new Error(`--${name} ${values[name]} does not exist`);
    }
  }
  if (values['extensions-dir'] !== undefined && !existsSync(values['extensions-dir'])) {
    throw new Error(`--extensions-dir ${values['extensions-dir']} does not exist`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) {
    throw new Error(`--timeout must be a positive number of seconds, not ${values.timeout}`);
  }
  return {
    extension: resolve(values.extension),
    tests: resolve(values.tests),
    workspace: resolve(values.workspace),
    environment: parseEnvironment(values.env),
    artifacts: resolve(values.artifacts),
    timeoutSeconds,
    extensionsDir: values['extensions-dir'] === undefined ? undefined : resolve(values['extensions-dir']),
    asUser: values['as-user'],
  };
}

/** Turns repeated KEY=VALUE arguments into the object passed as extensionEnvironment. */
function parseEnvironment(pairs) {
  const environment = {};
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    if (separator <= 0) {
      throw new Error(`--env expects KEY=VALUE, not ${pair}`);
    }
    environment[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  return environment;
}

// The workbench's own chatter (connection set-up, chat/agent and sign-in look-ups that fail offline)
// would drown the test output on stdout; extension-host.log keeps every line.
const noisePatterns = [
  /^Resolv(ing|ed) connection token /,
  /^Creating a socket \(renderer-/,
  /^\[(reconnection-grace-time|Service Worker|AccountPolicyGate|ChatModelSelection|DefaultAccount|AgentHost[^\]]*)\] /,
  /^Canceled: Canceled/,
  /^Creation of workbench contribution '[^']*' took \d+ms\.$/,
  /^Updating additional builtin extensions cache$/,
  /^Timed out waiting for authentication provider 'github' to register/,
  /getaddrinfo ENOTFOUND (open-vsx\.org|marketplace\.visualstudio\.com)/,
];

/** Prints the extension host's log lines (all of them go to extension-host.log too). */
function logFromWorkbench(type, args) {
  const text = (Array.isArray(args) ? args : [args]).map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  appendFileSync(join(session.artifacts, 'extension-host.log'), `[${type}] ${text}\n`);
  if (!noisePatterns.some((pattern) => pattern.test(text))) {
    console.log(text);
  }
}

/** Saves the log files the workbench hands over with the exit code, inside the artifacts folder only. */
function saveWorkbenchLogs(logs) {
  for (const log of Array.isArray(logs) ? logs : []) {
    const relativePath = normalize(String(log?.relativePath ?? '')).replace(/^(\.\.(\/|$))+/, '');
    if (relativePath && typeof log.contents === 'string') {
      const file = join(session.artifacts, 'logs', relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, log.contents);
    }
  }
}

/** Opens Chromium on the workbench with the test payload; resolves with the extension host's exit code. */
async function runInBrowser(options, port) {
  session.browser = await chromium.launchPersistentContext(session.folders.browserProfile, {
    executablePath: chromiumPath,
    headless: true,
    args: browserArgs,
    viewport: { width: 1600, height: 1000 },
    // Otherwise Chromium writes ~/.config/chromium (crash reports) and ~/.cache/dconf despite the fresh profile.
    env: { ...process.env, XDG_CONFIG_HOME: session.folders.xdgConfig, XDG_CACHE_HOME: session.folders.xdgCache },
    // This script cleans up on signals itself; Playwright's own handlers would exit before it could.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = session.browser.pages()[0] ?? (await session.browser.newPage());
  session.page = page;
  page.on('console', (message) => {
    appendFileSync(join(session.artifacts, 'browser-console.log'), `[${message.type()}] ${message.text()}\n`);
  });
  let reportExit;
  const exited = new Promise((resolveExit) => {
    reportExit = resolveExit;
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    saveWorkbenchLogs(logs);
    reportExit(Number(code));
  });
  await page.exposeFunction('codeAutomationLog', logFromWorkbench);
  // In this session's own folder, not the shared artifacts folder: a second run at the same time must never answer
  // (or type into its page for) this run's requests.
  const screenshotRequests = join(session.folders.root, 'page-requests');
  servePageRequests(page, screenshotRequests, { artifacts: session.artifacts, say });
  if (session.runAs) {
    giveTo(screenshotRequests, session.runAs);
  }
  await letTestsShowDialogs(page, say);
  options.environment = { ...options.environment, NETNS_LAB_SCREENSHOT_REQUESTS: screenshotRequests };
  const payload = [
    ['extensionDevelopmentPath', remoteUri(port, options.extension)],
    ['extensionTestsPath', remoteUri(port, options.tests)],
    ['extensionEnvironment', JSON.stringify(options.environment)],
  ];
  const url = workbenchUrl(port, options.workspace, payload);
  say(`opening ${url}`);
  await page.goto(url);
  const crashed = new Promise((_, reject) => page.once('crash', () => reject(new Error('the browser page crashed'))));
  return Promise.race([exited, crashed]);
}

/** Starts code-server and the browser and waits for the tests' exit code. */
async function runSession(options) {
  requireInstalledHost();
  mkdirSync(options.artifacts, { recursive: true });
  session.artifacts = options.artifacts;
  for (const file of ['extension-host.log', 'browser-console.log', 'code-server.log']) {
    rmSync(join(options.artifacts, file), { force: true });
  }
  rmSync(join(options.artifacts, 'logs'), { recursive: true, force: true });
  const port = await findFreePort();
  session.folders = await makeSessionFolders('netns-lab-vscode-host-');
  let paths;
  if (options.asUser) {
    session.runAs = userAccount(options.asUser);
    paths = hostPathsReadableBy(session.runAs);
    giveTo(session.folders.root, session.runAs);
    say(`code-server runs as ${session.runAs.name} (uid ${session.runAs.uid})`);
  }
  session.typescriptTemporary = typescriptTemporaryOf(session.runAs?.uid ?? process.getuid());
  session.codeServer = startCodeServer({
    port,
    workspace: options.workspace,
    folders: session.folders,
    logFile: join(options.artifacts, 'code-server.log'),
    extensionsDir: options.extensionsDir,
    runAs: session.runAs,
    paths,
  });
  await waitForHealth(port, session.codeServer);
  say(`code-server (pid ${session.codeServer.pid}) ready on 127.0.0.1:${port}`);
  const died = session.codeServer.exited.then(({ code, signal }) => {
    throw new Error(`code-server exited during the run (code ${code}, signal ${signal})`);
  });
  return Promise.race([runInBrowser(options, port), died]);
}

/**
 * The folder VS Code's TypeScript extension makes in /tmp for its language server (vscode-typescript<uid>), which
 * it leaves there. It is removed after the session only when the session made it: not there before the start, and
 * the session user's.
 */
function typescriptTemporaryOf(uid) {
  const path = join(tmpdir(), `vscode-typescript${uid}`);
  const before = existsSync(path);
  return { path, made: () => !before && existsSync(path) && statSync(path).uid === uid };
}

/** Makes a folder (and all inside) the user's. */
function giveTo(folder, account) {
  const result = spawnSync('chown', ['-R', `${account.uid}:${account.gid}`, folder], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`chown -R ${account.name} ${folder} failed: ${result.stderr}`);
  }
}

/**
 * The installed host's paths as `account` can reach them: ours when it can read them, else those of a hard-linked
 * copy (same files, read-only to that user; about a second; a plain copy across file systems) removed at cleanup.
 */
function hostPathsReadableBy(account) {
  const paths = requireInstalledHost();
  const probe = spawnSync('setpriv', [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups', 'test', '-r', paths.codeServerEntry]);
  if (probe.status === 0) {
    return paths;
  }
  session.hostCopy = mkdtempSync(join(tmpdir(), 'netns-lab-vscode-host-copy-'));
  chmodSync(session.hostCopy, 0o755);
  const copy = hostPaths({ XDG_CACHE_HOME: session.hostCopy });
  mkdirSync(dirname(copy.cacheFolder), { recursive: true, mode: 0o755 });
  let copied = spawnSync('cp', ['-al', paths.cacheFolder, copy.cacheFolder], { encoding: 'utf8' });
  if (copied.status !== 0) {
    // Another file system (a tmpfs /tmp, say) takes no hard links: copy it (some 800 MB).
    say(`hard links failed (${copied.stderr.trim().split('\n')[0]}); copying the installed host for ${account.name}`);
    rmSync(copy.cacheFolder, { recursive: true, force: true });
    copied = spawnSync('cp', ['-a', paths.cacheFolder, copy.cacheFolder], { encoding: 'utf8' });
  }
  if (copied.status !== 0) {
    throw new Error(`could not copy the installed host for ${account.name}: ${copied.stderr}`);
  }
  return copy;
}

/** Rejects after the timeout or on a signal, so that the run stops and cleanup happens. */
function stopConditions(timeoutSeconds) {
  return new Promise((_, reject) => {
    const timer = setTimeout(() => {
      reject(Object.assign(new Error(`timed out after ${timeoutSeconds} s waiting for the tests' exit code`), { exitCode: 1 }));
    }, timeoutSeconds * 1000);
    timer.unref();
    // process.on, not once: a second Ctrl-C during cleanup must not kill this script half-way.
    for (const signal of Object.keys(signalExitCodes)) {
      process.on(signal, () => {
        reject(Object.assign(new Error(`stopped by ${signal}`), { exitCode: signalExitCodes[signal] }));
      });
    }
  });
}

/** Takes the final screenshot, closes the browser, kills code-server's process group, removes temp folders. */
async function cleanup() {
  if (session.page && !session.page.isClosed()) {
    const file = join(session.artifacts, 'final.png');
    await session.page
      .screenshot({ path: file, timeout: 10_000 })
      .then(() => say(`screenshot: ${file}`))
      .catch((error) => say(`no final screenshot: ${error.message}`));
  }
  await session.browser?.close().catch((error) => say(`closing the browser failed: ${error.message}`));
  await stopProcessGroup(session.codeServer);
  session.codeServer = undefined;
  if (session.typescriptTemporary?.made()) {
    await rm(session.typescriptTemporary.path, { recursive: true, force: true, maxRetries: 3 });
  }
  session.typescriptTemporary = undefined;
  if (session.folders) {
    await rm(session.folders.root, { recursive: true, force: true, maxRetries: 3 });
    session.folders = undefined;
  }
  if (session.hostCopy) {
    await rm(session.hostCopy, { recursive: true, force: true, maxRetries: 3 });
    session.hostCopy = undefined;
  }
}

// Last resort if the process ends without reaching cleanup (an uncaught error, process.exit elsewhere).
process.on('exit', () => {
  if (session.codeServer?.pid) {
    signalGroup(session.codeServer.pid, 'SIGKILL');
  }
  if (session.folders) {
    rmSync(session.folders.root, { recursive: true, force: true });
  }
  if (session.hostCopy) {
    rmSync(session.hostCopy, { recursive: true, force: true });
  }
});

async function main() {
  let exitCode = 1;
  try {
    const options = parseOptions(process.argv.slice(2));
    say(`tests ${options.tests} in ${options.workspace} (timeout ${options.timeoutSeconds} s)`);
    const run = runSession(options);
    run.catch(() => {}); // After a timeout or signal its pending steps fail as cleanup closes things.
    exitCode = await Promise.race([run, stopConditions(options.timeoutSeconds)]);
    say(`tests finished with exit code ${exitCode}`);
  } catch (error) {
    exitCode = error.exitCode ?? 1;
    console.error(`[vscode-host] ERROR: ${error.message}`);
  } finally {
    await cleanup();
  }
  if (session.artifacts) {
    say(`artifacts: ${session.artifacts}`);
  }
  process.exit(exitCode);
}

await main();
