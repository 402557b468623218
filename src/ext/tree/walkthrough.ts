/**
 * The Get Started walkthrough's first step, "Open the Namespaces view", ticked whenever the view is shown.
 *
 * Its `onView` completion event alone is not enough: VS Code takes each completion event once per window session,
 * and registers an extension's walkthrough a moment after the extension's views. A view restored at startup (or
 * shown before the step was unticked) has spent the event, and the step then never ticks in that window. So the
 * extension also marks the step done itself each time the view becomes visible.
 */
import * as vscode from 'vscode';

/** The first step's id as VS Code knows it: extension id, walkthrough id and step id (package.json). */
export const NAMESPACES_VIEW_STEP = 'netns-lab.netns-lab#gettingStarted#openView';

/** Ticks the step when `view` is (or becomes) visible; the listener is owned by the extension's context. */
export function registerWalkthroughProgress(context: vscode.ExtensionContext, view: vscode.TreeView<unknown>): void {
  if (view.visible) markViewStepDone();
  view.onDidChangeVisibility((event) => event.visible && markViewStepDone(), undefined, context.subscriptions);
}

function markViewStepDone(): void {
  // A host without walkthroughs (or without this command) has nothing to tick: that is not an error.
  Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', NAMESPACES_VIEW_STEP)).catch(() => undefined);
}
