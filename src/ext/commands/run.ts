/**
 * What every command shares: the workspace-trust check, which host it acts on, progress in the Namespaces view,
 * telling the tree what changed, and how success and failures are shown. A failure is logged and shown once; a
 * program that passed a plain object also gets it thrown back, while the user (palette, menu) does not, as VS Code
 * would show it a second time. Once SSH targets are configured, all of it names the host (see view-model/where.ts).
 */
import * as vscode from 'vscode';
import { InvalidArgumentError, InvalidNameError, PrivilegeError } from '../../core/errors.js';
import { privilegeProblemShown } from '../view-model/privilege-problems.js';
import type { Host } from '../../core/host/host.js';
import { LabRefusedError } from '../../core/labs/lab-errors.js';
import type { NamespaceName } from '../../core/model.js';
import type { Services } from '../services.js';
import { invocationOrigin } from '../view-model/argument-fields.js';
import { NothingToChoose, PromptCancelled } from '../ui/prompts.js';
import { argumentWithTarget } from './target-pick.js';
import { argumentTargetId, failureText, type Where } from '../view-model/where.js';
import { NAMESPACES_VIEW_ID } from '../tree/register.js';

/** A handler gets the services and the command's first argument (nothing, a tree node, or a plain object). */
export type CommandHandler = (services: Services, argument: unknown) => unknown;

/** One row of the command table. */
export interface CommandDefinition {
  id: string;
  /** Changes the host or runs something on it: refused in an untrusted workspace. */
  needsTrust: boolean;
  /** For a command that acts on a host: its title, for the question which host when run from the palette. */
  targetTitle?: string;
  handler: CommandHandler;
}

/** Refusal in Restricted Mode. */
export class UntrustedWorkspaceError extends Error {
  constructor() {
    super('Netns Lab changes network namespaces and opens shells in them (as root) only in a trusted workspace, and this one is in Restricted Mode.');
  }
}

/** The function registered for a command: runs its handler and deals with what goes wrong. */
export function commandCallback(services: Services, definition: CommandDefinition): (argument?: unknown) => Promise<unknown> {
  return async (argument?: unknown): Promise<unknown> => {
    let where: Where | undefined;
    try {
      if (definition.needsTrust && !vscode.workspace.isTrusted) throw new UntrustedWorkspaceError();
      const given = definition.targetTitle === undefined ? argument : await argumentWithTarget(services, argument, definition.targetTitle);
      if (definition.targetTitle !== undefined) where = services.where(argumentTargetId(given));
      // The user acts: where root was refused, this command may ask for the password again (background work never does).
      if (definition.needsTrust) services.allowPasswordPrompt(where?.targetId);
      return await definition.handler(services, given);
    } catch (error) {
      if (error instanceof PromptCancelled) return undefined;
      report(services, definition.id, error, where);
      if (invocationOrigin(argument) === 'program') throw error;
      return undefined;
    }
  };
}

/** A change to make on a target, for progress, the log and the tree. */
export interface Change {
  targetId: string;
  /** What is done, for progress and the log: "create namespace lab1" (where is added to it). */
  description: string;
  /** Namespaces whose contents change; absent when the list of namespaces itself changes. */
  namespaces?: NamespaceName[];
}

/** How long the status bar says a change is done. */
const DONE_MESSAGE_MS = 5_000;

/** Makes a change with progress in the Namespaces view, says it is done, then tells the tree what changed. */
export async function applyChange(services: Services, change: Change, work: (host: Host) => Promise<void>): Promise<void> {
  const host = services.host(change.targetId);
  const description = `${change.description}${services.where(change.targetId).suffix}`;
  await vscode.window.withProgress({ location: { viewId: NAMESPACES_VIEW_ID }, title: description }, () => work(host));
  services.log.info(`Done: ${description}`);
  vscode.window.setStatusBarMessage(`$(check) Done: ${description}`, DONE_MESSAGE_MS);
  const namespaces = change.namespaces && [...new Set(change.namespaces)];
  services.notifyChanged(namespaces ? { targetId: change.targetId, namespaces } : { targetId: change.targetId });
}

/**
 * Shows a failure without waiting for the user to close it: a command that waited would not end (nor could a
 * program's call return) until the notification was dismissed.
 */
function report(services: Services, commandId: string, error: unknown, where: Where | undefined): void {
  const message = where ? failureText(error, where) : reportedMessage(error);
  if (error instanceof NothingToChoose) {
    void vscode.window.showInformationMessage(message);
  } else if (error instanceof UntrustedWorkspaceError) {
    services.log.info(`${commandId} refused: the workspace is not trusted`);
    void vscode.window.showErrorMessage(message, 'Manage Workspace Trust').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  } else if (error instanceof PrivilegeError) {
    // No fault of the extension either: one line in the log, and the button that fixes it.
    services.log.warn(`${commandId} refused${where?.suffix ?? ''}: ${message}`);
    const action = privilegeProblemShown(error.problem, where?.targetId).action;
    void vscode.window.showErrorMessage(message, action.title, 'Show Log').then((choice) => {
      if (choice === action.title) void vscode.commands.executeCommand(action.command, ...action.arguments);
      else if (choice) services.log.show();
    });
  } else {
    // A refusal (a bad argument, an invalid file, a deploy the core refused) is no fault of the extension: its
    // message says it all, so the log gets that line and no stack trace.
    if (isRefusal(error)) services.log.info(`${commandId} refused: ${message}`);
    else services.log.error(`${commandId} failed${where?.suffix ?? ''}`, error);
    void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
      if (choice) services.log.show();
    });
  }
}

function reportedMessage(error: unknown): string {
  // A refusal lists its reasons one per line; a notification shows one line.
  if (error instanceof LabRefusedError) return `Lab ${error.lab} was not deployed, nothing was changed: ${error.reasons.join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}

function isRefusal(error: unknown): boolean {
  return error instanceof InvalidArgumentError || error instanceof InvalidNameError || error instanceof LabRefusedError;
}
