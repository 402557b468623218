// Harness self-test: resolves when the smoke extension's command answers 42 inside the real extension host
// and the environment given with --env reached it.
'use strict';
const vscode = require('vscode');

const extensionId = 'netns-lab.netns-lab-host-smoke';

async function run() {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) {
    throw new Error(`extension ${extensionId} is not loaded`);
  }
  // Commands of an extension that has not activated yet are missing, so activate it first.
  await extension.activate();
  const answer = await vscode.commands.executeCommand('netnsLabHostSmoke.hello');
  if (answer !== 42) {
    throw new Error(`netnsLabHostSmoke.hello returned ${JSON.stringify(answer)}, expected 42`);
  }
  // self-test.sh passes --env NETNS_LAB_HOST_SMOKE=1, which must arrive through extensionEnvironment.
  if (process.env.NETNS_LAB_HOST_SMOKE !== '1') {
    throw new Error(`NETNS_LAB_HOST_SMOKE is ${JSON.stringify(process.env.NETNS_LAB_HOST_SMOKE)}, expected "1"`);
  }
  console.log(`host-smoke: passed in VS Code ${vscode.version} (uiKind ${vscode.env.uiKind}, remoteName ${vscode.env.remoteName})`);
}

module.exports = { run };
