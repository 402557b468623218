/**
 * Plans as read-only documents (`netns-lab-plan:` Uris): one per lab and target, never dirty, nothing to save. A plan
 * shown is planned again whenever it may have changed, so that it never says what is no longer true (after a
 * deploy, "would make 3 changes" while there is nothing left to do): after any change the extension makes or sees
 * on its target, and after an edit of its topology file. It is forgotten when its document is closed.
 */
import * as vscode from 'vscode';
import type { Services } from '../services.js';

const PLAN_SCHEME = 'netns-lab-plan';
/** How long changes may keep coming before the shown plans are made again (a deploy fires several). */
const REPLAN_DELAY_MS = 300;

/** Where a shown plan comes from, and how to make it again. */
export interface PlanSource {
  targetId: string;
  lab: string;
  /** The topology file, as a path on this machine. */
  file: string;
  /** Plans again and returns the document's new text; a failure is shown in the document instead. */
  replan: () => Promise<string>;
}

interface ShownPlan {
  source: PlanSource;
  text: string;
}

class PlanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly shown = new Map<string, ShownPlan>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly due = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.shown.get(uri.toString())?.text ?? 'This plan is no longer available: run Plan again.';
  }

  set(uri: vscode.Uri, source: PlanSource, text: string): void {
    this.shown.set(uri.toString(), { source, text });
    this.changes.fire(uri);
  }

  isShown(uri: vscode.Uri): boolean {
    return this.shown.has(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.shown.delete(uri.toString());
  }

  /** Plans again, once changes have settled, every shown plan that `affected` accepts. */
  replanSoon(affected: (source: PlanSource) => boolean): void {
    for (const [key, plan] of this.shown) if (affected(plan.source)) this.due.add(key);
    if (this.due.size === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.replanDue(), REPLAN_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changes.dispose();
  }

  private async replanDue(): Promise<void> {
    const keys = [...this.due];
    this.due.clear();
    await Promise.all(keys.map((key) => this.replan(key)));
  }

  private async replan(key: string): Promise<void> {
    const plan = this.shown.get(key);
    if (!plan) return;
    const text = await plan.source.replan().catch((error: unknown) => outdatedText(plan, error));
    // Closed while planning: nothing to update.
    if (this.shown.get(key) !== plan) return;
    plan.text = text;
    this.changes.fire(vscode.Uri.parse(key));
  }
}

/** What a plan that could not be made again says, so that its old changes are not taken as current. */
function outdatedText(plan: ShownPlan, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return [`Plan for lab ${plan.source.lab}`, '', `This plan could not be made again: ${reason}`, 'Run Plan again once that is fixed.', ''].join('\n');
}

const documents = new PlanDocuments();

/** Registers the read-only plan documents and what makes them plan again; all owned by the extension's context. */
export function registerPlanDocuments(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, documents),
    documents,
    services.onDidChangeHost((change) => documents.replanSoon((source) => source.targetId === change.targetId)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.scheme === 'file') documents.replanSoon((source) => source.file === event.document.uri.fsPath);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === PLAN_SCHEME) documents.forget(document.uri);
    }),
  );
}

function planUri(targetId: string, lab: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/Plan of lab ${lab.replace(/\//gu, '_')}.txt`, query: new URLSearchParams({ target: targetId }).toString() });
}

/** Shows a plan beside the topology file, and keeps it current while it is open. */
export async function showPlanDocument(source: PlanSource, text: string): Promise<void> {
  const uri = planUri(source.targetId, source.lab);
  documents.set(uri, source, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
}

/** Updates the lab's plan document when one is open (a Plan that finds no changes opens none, but must not leave an old one). */
export function updateShownPlan(source: PlanSource, text: string): void {
  const uri = planUri(source.targetId, source.lab);
  if (documents.isShown(uri)) documents.set(uri, source, text);
}
