/**
 * Deploy, Plan and Destroy of a lab topology, from its CodeLens, the palette (the active editor's file), a lab node
 * of the tree, or a program. Deploy and destroy show progress as a notification; destroy from the user first names
 * what goes and asks. A program gets the core's result back.
 */
import * as vscode from 'vscode';
import { checksPayload, type ChecksPayload } from '../../core/checks/model.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { deployLab, type DeployResult } from '../../core/labs/deploy.js';
import { destroyLab, planDestroy, type DestroyPlan } from '../../core/labs/destroy.js';
import { planDeploy, type DeployPlan } from '../../core/labs/plan.js';
import { PromptCancelled } from '../ui/prompts.js';
import type { Services } from '../services.js';
import { destroyDetail, namespaceCount, planLines, planText } from '../view-model/lab-describe.js';
import { labDestroyRequest, labFileRequest, labNodeFile } from '../view-model/lab-arguments.js';
import { checksSentence, labCheckSummary } from '../view-model/lab-checks.js';
import { clearCheckProblems, runLabChecks, showSummary } from './lab-checks.js';
import { labTargetId } from './lab-target.js';
import { showPlanDocument, updateShownPlan, type PlanSource } from './plan-document.js';
import { activeTopologyFile, readLabName, readTopology } from './topology-files.js';

/**
 * netnsLab.lab.deploy: deploys the file's lab (again: only the difference), then runs its checks when it has
 * some (failed ones become problems of the file); resolves with the core's result and the checks' results.
 */
export async function deployLabCommand(services: Services, argument: unknown): Promise<DeployResult & { checks?: ChecksPayload }> {
  const request = labFileRequest('netnsLab.lab.deploy', argument);
  const file = request.file ?? activeTopologyFile();
  const topology = await readTopology(file);
  const targetId = await labTargetId(services, request, `Deploy Lab ${topology.lab}`);
  const host = services.host(targetId);
  const result = await withNotification(`Deploying lab ${topology.lab}`, (report) => deployLab(host, topology, { file, onProgress: report }));
  services.notifyChanged({ targetId, recheckLabs: true });
  const summary = result.applied ? `Lab ${topology.lab} deployed on ${host.label}: ${changeCount(result.plan)}.` : `Lab ${topology.lab} on ${host.label} is already as the file says: nothing changed.`;
  services.log.info([summary, ...planLines(result.plan.changes)].join('\n'));
  const checks = await runLabChecks(host, topology, file);
  if (checks.length === 0) {
    if (request.origin === 'ui') void vscode.window.showInformationMessage(summary);
    return result;
  }
  const checkSummary = labCheckSummary(topology.lab, host.label, checks);
  services.log.info(checkSummary);
  if (request.origin === 'ui') showSummary(`${summary} ${checksSentence(checks)}`, checks);
  return { ...result, checks: checksPayload(checks) };
}

/** netnsLab.lab.plan: what a deploy would change, shown (or "no changes"); resolves with the plan and its text. */
export async function planLabCommand(services: Services, argument: unknown): Promise<{ plan: DeployPlan; text: string }> {
  const request = labFileRequest('netnsLab.lab.plan', argument);
  const file = request.file ?? activeTopologyFile();
  const topology = await readTopology(file);
  const targetId = await labTargetId(services, request, `Plan Lab ${topology.lab}`);
  const host = services.host(targetId);
  const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Planning lab ${topology.lab}` }, () => planDeploy(host, topology));
  const text = planText(plan, { hostLabel: host.label, file: vscode.workspace.asRelativePath(file) });
  services.log.info(text);
  const source = planSource(services, targetId, topology.lab, file);
  if (request.origin === 'ui' && (plan.changes.length > 0 || plan.refusals.length > 0)) {
    await showPlanDocument(source, text);
  } else {
    updateShownPlan(source, text);
    if (request.origin === 'ui') void vscode.window.showInformationMessage(`Lab ${topology.lab} on ${host.label}: no changes, the lab is as the file says.`);
  }
  return { plan, text };
}

/** A shown plan's origin: planned again from the file as it is then, for the same lab on the same target. */
function planSource(services: Services, targetId: string, lab: string, file: string): PlanSource {
  const replan = async (): Promise<string> => {
    const topology = await readTopology(file);
    if (topology.lab !== lab) throw new InvalidArgumentError(`${vscode.workspace.asRelativePath(file)} now declares lab ${topology.lab}, not ${lab}`);
    const host = services.host(targetId);
    return planText(await planDeploy(host, topology), { hostLabel: host.label, file: vscode.workspace.asRelativePath(file) });
  };
  return { targetId, lab, file, replan };
}

/**
 * netnsLab.lab.destroy: removes exactly the lab's objects (the file only names the lab, so it may have problems
 * elsewhere); resolves with what went.
 */
export async function destroyLabCommand(services: Services, argument: unknown): Promise<DestroyPlan> {
  const request = labDestroyRequest(argument);
  const file = request.lab === undefined ? (request.file ?? activeTopologyFile()) : request.file;
  const lab = request.lab ?? (await readLabName(file!));
  const removed = await destroyWithConfirmation(services, await labTargetId(services, request, `Destroy Lab ${lab}`), lab, request.origin === 'ui');
  // Failed checks were about the lab that is gone now.
  if (file !== undefined) clearCheckProblems(file);
  return removed;
}

/** Destroys a lab, after naming what goes and asking when `ask` (the user, not a program, asked for it). */
export async function destroyWithConfirmation(services: Services, targetId: string, lab: string, ask: boolean): Promise<DestroyPlan> {
  const host = services.host(targetId);
  if (ask) {
    const plan = await planDestroy(host, lab);
    const answer = await vscode.window.showWarningMessage(`Destroy lab ${lab} on ${host.label}?`, { modal: true, detail: destroyDetail(plan) }, 'Destroy');
    if (answer !== 'Destroy') throw new PromptCancelled();
  }
  const removed = await withNotification(`Destroying lab ${lab}`, (report) => destroyLab(host, lab, { onProgress: report }));
  services.notifyChanged({ targetId, recheckLabs: true });
  const summary = `Lab ${lab} destroyed on ${host.label}: ${namespaceCount(removed.namespaces.length)} removed.`;
  services.log.info(summary);
  if (ask) void vscode.window.showInformationMessage(summary);
  return removed;
}

/** netnsLab.lab.openFile: the topology file a lab of the tree was deployed from. */
export async function openLabFileCommand(_services: Services, argument: unknown): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.file(labNodeFile(argument)));
}

/** Runs work with a notification that shows its progress messages. */
export function withNotification<T>(title: string, work: (report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => work((message) => progress.report({ message }))));
}

function changeCount(plan: DeployPlan): string {
  return plan.changes.length === 1 ? '1 change' : `${plan.changes.length} changes`;
}
