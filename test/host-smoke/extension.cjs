// Throwaway extension for the harness self-test: one command that returns 42.
'use strict';
const vscode = require('vscode');

/** @param {import('vscode').ExtensionContext} context */
function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('netnsLabHostSmoke.hello', hello));
}

function hello() {
  return 42;
}

function deactivate() {}

module.exports = { activate, deactivate };
