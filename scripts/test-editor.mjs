// Runs the editor tests (test/integration, bundled into out/integration.cjs) inside a real VS Code with this folder
// as the extension under development, and exits with their status.
//   default:     the offline code-server host (scripts/vscode-host); screenshots and logs in test-artifacts/editor
//   --electron:  desktop VS Code downloaded by @vscode/test-electron (needs internet access)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

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
  const runner = resolve(root, 'scripts/vscode-host/run-tests.mjs');
  const artifacts = resolve(root, 'test-artifacts/editor');
  const result = spawnSync(process.execPath, [runner, '--extension', root, '--tests', tests, '--workspace', workspace, '--artifacts', artifacts], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
