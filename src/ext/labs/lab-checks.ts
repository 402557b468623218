/**
 * A topology's `checks:` in the editor: run by the "Check" CodeLens and the palette (netnsLab.lab.check), and
 * after a deploy from the editor. Each failed check becomes a problem at its line; the problems stay until the
 * checks run again, the file is edited (its lines may then have moved) or closed, or its lab is destroyed.
 */
import * as vscode from 'vscode';
import { checksPayload, type ChecksPayload, type CheckResult } from '../../core/checks/model.js';
import { runChecks } from '../../core/checks/run.js';
import { InvalidArgumentError } from '../../core/errors.js';
import type { Host } from '../../core/host/host.js';
import type { Topology } from '../../core/topology/model.js';
import type { Services } from '../services.js';
import { failedCheckProblems, labCheckSummary } from '../view-model/lab-checks.js';
import { labFileRequest } from '../view-model/lab-arguments.js';
import { labTargetId } from './lab-target.js';
import { activeTopologyFile, readTopology } from './topology-files.js';

/** The problems of failed checks, one collection for every topology file, owned by the extension's context. */
let checkProblems: vscode.DiagnosticCollection | undefined;

/** Makes the collection of failed checks and clears a file's when it is edited or closed. */
export function registerLabChecks(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection('netns-lab-checks');
  checkProblems = collection;
  context.subscriptions.push(
    collection,
    { dispose: () => (checkProblems = undefined) },
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) collection.delete(event.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
}

/** netnsLab.lab.check: runs the file's checks against its lab as deployed; resolves with the results. */
export async function checkLabCommand(services: Services, argument: unknown): Promise<ChecksPayload> {
  const request = labFileRequest('netnsLab.lab.check', argument);
  const file = request.file ?? activeTopologyFile();
  const topology = await readTopology(file);
  if (!topology.checks || topology.checks.length === 0) {
    throw new InvalidArgumentError(`${vscode.workspace.asRelativePath(file)} has no "checks:" section: add checks to it to check lab ${topology.lab}`);
  }
  const host = services.host(await labTargetId(services, request, `Check Lab ${topology.lab}`));
  const results = await runLabChecks(host, topology, file);
  const summary = labCheckSummary(topology.lab, host.label, results);
  services.log.info(summary);
  if (request.origin === 'ui') showSummary(summary, results);
  return checksPayload(results);
}

/**
 * Runs a topology's checks with a progress notification and puts its failed checks on the file as problems (none
 * when every check passed). A topology without checks is left as it is: nothing runs.
 */
export async function runLabChecks(host: Host, topology: Topology, file: string): Promise<CheckResult[]> {
  const checks = topology.checks ?? [];
  if (checks.length === 0) return [];
  // Not cancellable: every check ends by its own timeout, seconds at most by default.
  const results = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking lab ${topology.lab}` }, (progress) => {
    let done = 0;
    return runChecks(host, checks, { onResult: () => progress.report({ message: `${++done} of ${checks.length} decided`, increment: 100 / checks.length }) });
  });
  await showProblems(vscode.Uri.file(file), results);
  return results;
}

/** Removes the problems of a file's failed checks (its lab was destroyed). */
export function clearCheckProblems(file: string): void {
  checkProblems?.delete(vscode.Uri.file(file));
}

/** The summary as a message: information when every check passed, a warning naming the first failure otherwise. */
export function showSummary(summary: string, results: readonly CheckResult[]): void {
  if (results.every((result) => result.passed)) void vscode.window.showInformationMessage(summary);
  else void vscode.window.showWarningMessage(summary);
}

async function showProblems(uri: vscode.Uri, results: readonly CheckResult[]): Promise<void> {
  const problems = failedCheckProblems(results);
  if (problems.length === 0) return void checkProblems?.delete(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  checkProblems?.set(
    uri,
    problems.map((problem) => {
      const line = document.lineAt(Math.min(problem.line, document.lineCount) - 1);
      const range = new vscode.Range(line.lineNumber, line.firstNonWhitespaceCharacterIndex, line.lineNumber, line.text.length);
      const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'netns-lab check';
      return diagnostic;
    }),
  );
}
