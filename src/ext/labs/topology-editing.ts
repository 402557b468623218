/**
 * Topology files as they are edited: problems as diagnostics while typing (debounced), and the "Deploy · Plan ·
 * Destroy · Show Topology" CodeLens at the `lab:` line (with "Check" at the `checks:` line), or a lens that says why the file
 * cannot be deployed yet.
 */
import * as vscode from 'vscode';
import type { TopologyDiagnostic } from '../../core/topology/model.js';
import { readableLabName } from '../../core/labs/lab-name.js';
import { parseTopology } from '../../core/topology/parse.js';
import { isTopologyDocument, TOPOLOGY_SUFFIX } from './topology-files.js';

/** How long typing may pause before the file is checked again. */
const CHECK_DELAY_MS = 250;

/** Registers the diagnostics and the CodeLens of topology files; all owned by the extension's context. */
export function registerTopologyEditing(context: vscode.ExtensionContext): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('netns-lab-topology');
  const checker = new TopologyChecker(diagnostics);
  context.subscriptions.push(
    diagnostics,
    checker,
    vscode.workspace.onDidOpenTextDocument((document) => checker.checkNow(document)),
    vscode.workspace.onDidChangeTextDocument((event) => checker.checkSoon(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => checker.forget(document)),
    vscode.languages.registerCodeLensProvider({ pattern: `**/*${TOPOLOGY_SUFFIX}` }, new TopologyCodeLenses()),
  );
  for (const document of vscode.workspace.textDocuments) checker.checkNow(document);
}

class TopologyChecker implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly collection: vscode.DiagnosticCollection) {}

  checkNow(document: vscode.TextDocument): void {
    if (!isTopologyDocument(document)) return;
    this.cancel(document);
    const { diagnostics } = parseTopology(document.getText());
    this.collection.set(document.uri, diagnostics.map(toDiagnostic));
  }

  checkSoon(document: vscode.TextDocument): void {
    if (!isTopologyDocument(document)) return;
    this.cancel(document);
    this.timers.set(
      document.uri.toString(),
      setTimeout(() => this.checkNow(document), CHECK_DELAY_MS),
    );
  }

  forget(document: vscode.TextDocument): void {
    this.cancel(document);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(document: vscode.TextDocument): void {
    clearTimeout(this.timers.get(document.uri.toString()));
    this.timers.delete(document.uri.toString());
  }
}

function toDiagnostic(problem: TopologyDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(problem.line - 1, problem.column - 1, problem.endLine - 1, problem.endColumn - 1);
  const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'netns-lab';
  return diagnostic;
}

class TopologyCodeLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const range = labLineRange(document);
    const argument = [document.uri];
    const { topology, diagnostics } = parseTopology(document.getText());
    if (!topology) {
      const [first] = diagnostics;
      const count = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
      const title = `$(error) Not deployable: ${count}${first ? ` (line ${first.line}: ${first.message})` : ''}`;
      const lenses = [new vscode.CodeLens(range, { title, command: 'workbench.actions.view.problems', tooltip: 'Show the problems of this file' })];
      // Destroying needs only the lab's name, so it stays offered while the file is being fixed.
      const lab = readableLabName(document.getText());
      if (lab !== undefined) lenses.push(destroyLens(range, argument, lab));
      return lenses;
    }
    const lenses = [
      new vscode.CodeLens(range, {
        title: '$(rocket) Deploy',
        command: 'netnsLab.lab.deploy',
        arguments: argument,
        tooltip: `Deploy lab ${topology.lab} (asks which target when SSH targets are configured)`,
      }),
      new vscode.CodeLens(range, { title: 'Plan', command: 'netnsLab.lab.plan', arguments: argument, tooltip: 'Show what a deploy would change' }),
      destroyLens(range, argument, topology.lab),
      new vscode.CodeLens(range, {
        title: '$(type-hierarchy) Show Topology',
        command: 'netnsLab.topology.show',
        arguments: argument,
        tooltip: `The picture of lab ${topology.lab}: the kernel's with drift marks when deployed, else its plan`,
      }),
    ];
    if (topology.checks && topology.checks.length > 0) {
      const count = topology.checks.length === 1 ? '1 check' : `${topology.checks.length} checks`;
      lenses.push(
        new vscode.CodeLens(checksLineRange(document) ?? range, {
          title: '$(pass) Check',
          command: 'netnsLab.lab.check',
          arguments: argument,
          tooltip: `Run the ${count} of lab ${topology.lab} against it as deployed`,
        }),
      );
    }
    return lenses;
  }
}

function destroyLens(range: vscode.Range, argument: vscode.Uri[], lab: string): vscode.CodeLens {
  return new vscode.CodeLens(range, { title: 'Destroy', command: 'netnsLab.lab.destroy', arguments: argument, tooltip: `Remove everything of lab ${lab}` });
}

/** The `checks:` line, when there is one. */
function checksLineRange(document: vscode.TextDocument): vscode.Range | undefined {
  for (let line = 0; line < document.lineCount; line++) {
    if (/^checks\s*:/u.test(document.lineAt(line).text)) return document.lineAt(line).range;
  }
  return undefined;
}

/** The `lab:` line (the first line when there is none). */
function labLineRange(document: vscode.TextDocument): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    if (/^lab\s*:/u.test(document.lineAt(line).text)) return document.lineAt(line).range;
  }
  return new vscode.Range(0, 0, 0, 0);
}
