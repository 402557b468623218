/**
 * Entry of the editor tests inside a real VS Code extension host (code-server here, @vscode/test-electron on a
 * desktop): runs every suite with mocha and rejects when one fails, which the host turns into its exit status.
 */
import { format } from 'node:util';

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  // The host forwards console arguments without applying printf-style formats, which mocha's reporters use
  // ("%d passing"): hand it finished lines.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  // NETNS_LAB_EDITOR_GREP (passed with run-tests.mjs --env) runs only the tests whose titles match it.
  const grep = process.env.NETNS_LAB_EDITOR_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  // The suites are bundled into this file: set up mocha's globals first, then load them.
  mocha.suite.emit('pre-require', globalThis, 'netns-lab-integration', mocha);
  // The run as a user without root (scripts/test-editor.mjs) has a suite of its own; the others need root.
  if (process.env.NETNS_LAB_EDITOR_SUITE === 'user') await import('./as-user.test.js');
  else await loadRootSuites();
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A plain closing line that any CI can read, whatever the reporter printed.
      console.log(`editor: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
  });
}

/** Every suite of the run as root. */
async function loadRootSuites(): Promise<void> {
  await import('./activation.test.js');
  await import('./walkthrough.test.js');
  await import('./commands-registered.test.js');
  await import('./tree-follows.test.js');
  await import('./tree-unnamed.test.js');
  await import('./commands.test.js');
  await import('./refusals.test.js');
  await import('./terminal.test.js');
  await import('./tree-screenshot.test.js');
  await import('./capture-panel.test.js');
  await import('./capture-failures.test.js');
  await import('./capture-wireshark.test.js');
  await import('./capture-open-file.test.js');
  await import('./topology-panel.test.js');
  await import('./topology-panel-use.test.js');
  await import('./notebook.test.js');
  await import('./notebook-files.test.js');
  await import('./notebook-capture.test.js');
  await import('./notebook-picture.test.js');
  await import('./topology.test.js');
  await import('./topology-edits.test.js');
  await import('./topology-notebook.test.js');
  await import('./checks.test.js');
  await import('./tutorial-picker.test.js');
  await import('./tutorials.test.js');
  await import('./ssh-target.test.js');
  await import('./notebook-target-picker.test.js');
  await import('./two-targets.test.js');
  await import('./ssh-privilege.test.js');
}
