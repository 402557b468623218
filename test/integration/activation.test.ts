/** The extension loads in a real VS Code and activates. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'netns-lab.netns-lab';

describe('activation', () => {
  it('activates in the real extension host and runs in the workspace, where the namespaces are', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
  });
});
