// Runs the editor tests (test/integration, bundled into out/integration.cjs) inside a real VS Code with this folder
// as the extension under development, and exits with their status.
//   default:     the offline code-server host (scripts/vscode-host); screenshots and logs in test-artifacts/editor
//   --electron:  desktop VS Code downloaded by @vscode/test-electron (needs internet access)
// The code-server host runs twice: the suite as root, then the suite for users without root as a throwaway user.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const workspace = resolve(root, 'test/integration/workspace');
const tests = resolve(root, 'out/integration.cjs');
mkdirSync(workspace, { recursive: true });

if (process.argv.includes('--electron')) {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({ extensionDevelopmentPath: root, extensionTestsPath: tests, launchArgs: [workspace, '--disable-extensions'] });
  } catch (error) {
    console.error(`editor tests failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
} else {
  // NETNS_LAB_EDITOR_RUNS: `root` (the suite, as root), `user` (the suite for users without root, as a throwaway user
  // whose sudo asks for a password), or both (the default).
  const runs = (process.env.NETNS_LAB_EDITOR_RUNS ?? 'root,user').split(',');
  let status = 0;
  if (runs.includes('root')) {
    status = runEditorTests(['--workspace', workspace, '--artifacts', resolve(root, 'test-artifacts/editor')]);
  }
  if (runs.includes('user')) {
    status = (await runAsTestUser()) || status;
  }
  process.exit(status);
}

function runEditorTests(extra, extension = root, suite = tests) {
  const runner = resolve(root, 'scripts/vscode-host/run-tests.mjs');
  const result = spawnSync(process.execPath, [runner, '--extension', extension, '--tests', suite, ...extra], { stdio: 'inherit' });
  return result.status ?? 1;
}

/**
 * What the extension and the suite need at run time, copied into a folder anyone may read: the checkout may sit in
 * a private (0700) folder, where the throwaway user could read neither. The suite loads mocha from node_modules,
 * which is hard-linked (fast, no space) where the file system allows, else copied.
 */
function readableCopyOfExtension() {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-user-extension-'));
  chmodSync(folder, 0o755);
  for (const part of ['package.json', 'dist', 'media', 'notebooks', 'out/integration.cjs']) {
    cpSync(resolve(root, part), join(folder, part), { recursive: true });
  }
  const modules = [resolve(root, 'node_modules'), join(folder, 'node_modules')];
  if (spawnSync('cp', ['-al', ...modules]).status !== 0) {
    rmSync(modules[1], { recursive: true, force: true });
    cpSync(modules[0], modules[1], { recursive: true });
  }
  return folder;
}

/**
 * The suite for users without root (test/integration/as-user.test.ts), in code-server run as a throwaway user whose
 * sudo asks for a password; the user, its namespaces (under a prefix of the run), its workspace and its processes go
 * afterwards, whatever the tests did. Screenshots in test-artifacts/editor/as-user.
 */
async function runAsTestUser() {
  // The SSH tests' throwaway users (test/host/support/remote-users.ts, bundled by build.mjs --with-tests).
  const { createRemoteUsers, remoteUsersMissingReason } = await import(resolve(root, 'out/test-users.mjs'));
  const missing = remoteUsersMissingReason();
  if (missing) {
    console.log(`[editor] the run as a user without root is skipped: ${missing}`);
    return 0;
  }
  const tag = randomBytes(3).toString('hex');
  const prefix = `u${tag}`;
  const users = createRemoteUsers(undefined, `e${tag}`);
  const user = users.withPassword;
  const userWorkspace = mkdtempSync(join(tmpdir(), 'netns-lab-user-workspace-'));
  const extension = readableCopyOfExtension();
  try {
    // The password in a file only that user can read, not in the test payload (which the run prints).
    const passwordFile = join(userWorkspace, '.sudo-password');
    writeFileSync(passwordFile, user.password, { mode: 0o600 });
    spawnSync('chown', ['-R', `${user.name}:${user.name}`, userWorkspace]);
    const environment = { NETNS_LAB_EDITOR_SUITE: 'user', NETNS_LAB_TEST_SUDO_PASSWORD_FILE: passwordFile, NETNS_LAB_TEST_PREFIX: prefix };
    if (process.env.NETNS_LAB_EDITOR_GREP) environment.NETNS_LAB_EDITOR_GREP = process.env.NETNS_LAB_EDITOR_GREP;
    const env = Object.entries(environment).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
    const artifacts = resolve(root, 'test-artifacts/editor/as-user');
    return runEditorTests(['--workspace', userWorkspace, '--artifacts', artifacts, '--as-user', user.name, ...env], extension, join(extension, 'out/integration.cjs'));
  } finally {
    // Namespaces the tests made (through sudo) carry the run's prefix; the tests remove them, this makes sure.
    for (const name of existsSync('/run/netns') ? readdirSync('/run/netns') : []) {
      if (name.startsWith(prefix)) spawnSync('ip', ['netns', 'delete', name]);
    }
    users.remove();
    rmSync(userWorkspace, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  }
}
