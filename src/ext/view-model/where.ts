/**
 * Which host a command acts on, in its words: once SSH targets are configured, every prompt, confirmation, progress
 * title, message and log line of a command says where ("Delete namespace "red" on lab1?"), since both hosts may
 * hold a namespace of the same name. Pure: no vscode import, so it is tested under plain Node.
 */
import { CommandError } from '../../core/errors.js';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import { isRecord, isTreeNode } from './argument-fields.js';

/** Where a command acts, and the words that say so. */
export interface Where {
  targetId: string;
  /** `this machine`, or the SSH target as configured. */
  label: string;
  /** ` on lab1`, ` on this machine`, or empty when this machine is the only target (nothing to tell apart). */
  suffix: string;
}

/** The Where of a target, given every configured target id (this machine's included). */
export function whereOf(targetId: string, targetIds: readonly string[]): Where {
  const label = targetId === LOCAL_TARGET ? 'this machine' : targetId;
  const onlyThisMachine = targetIds.every((id) => id === LOCAL_TARGET) && targetId === LOCAL_TARGET;
  return { targetId, label, suffix: onlyThisMachine ? '' : ` on ${label}` };
}

/**
 * The target ids in the order the palette offers them: the one selected in the Namespaces view first (the user
 * was looking at it), then the others in the view's order. A selection that is no longer configured counts as none.
 */
export function targetOrder(targetIds: readonly string[], selected: string | undefined): string[] {
  if (selected === undefined || !targetIds.includes(selected)) return [...targetIds];
  return [selected, ...targetIds.filter((id) => id !== selected)];
}

/**
 * The target a command's argument names: a tree node's, a plain object's `targetId`, or this machine (what a
 * plain object without one means). Only for messages: the handler reads and checks the argument itself.
 */
export function argumentTargetId(argument: unknown): string {
  if (isTreeNode(argument)) return argument.targetId;
  const targetId = isRecord(argument) ? argument.targetId : undefined;
  return typeof targetId === 'string' && targetId !== '' ? targetId : LOCAL_TARGET;
}

/**
 * A failure as shown, naming where it happened: a failed command gets the place after what it was doing ("Could
 * not create namespace red on lab1: File exists"), anything else a leading "On lab1:". A message that names the
 * host already (ssh's connection failures do) stays as it is.
 */
export function failureText(error: unknown, where: Where): string {
  const message = error instanceof Error ? error.message : String(error);
  if (where.suffix === '' || message.includes(where.label)) return message;
  if (error instanceof CommandError && message.startsWith(error.summary)) return `${error.summary}${where.suffix}${message.slice(error.summary.length)}`;
  return `On ${where.label}: ${message}`;
}
