/**
 * Plans as read-only documents (`netns-lab-plan:` Uris): one per lab and target, updated in place when planned
 * again, never dirty, nothing to save.
 */
import * as vscode from 'vscode';

const PLAN_SCHEME = 'netns-lab-plan';

class PlanDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This plan is no longer available: run Plan again.';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changes.fire(uri);
  }

  dispose(): void {
    this.changes.dispose();
  }
}

const documents = new PlanDocuments();

/** Registers the read-only plan documents; owned by the extension's context. */
export function registerPlanDocuments(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, documents), documents);
}

/** Shows a plan beside the topology file. */
export async function showPlanDocument(targetId: string, lab: string, text: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/Plan of lab ${lab.replace(/\//gu, '_')}.txt`, query: new URLSearchParams({ target: targetId }).toString() });
  documents.set(uri, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
}
