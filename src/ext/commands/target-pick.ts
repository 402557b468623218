/**
 * Which host a command run from the palette (or a view title button) acts on. With only this machine there is no
 * question. Once SSH targets are configured, the command asks, and offers first the target of the node selected
 * in the Namespaces view: acting silently on the selected node's host (or on this machine) is how a namespace once
 * ended up on the wrong machine. A menu's node and a program's `targetId` already say which, and are not asked.
 */
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { Services } from '../services.js';
import type { TargetNode } from '../view-model/tree-nodes.js';
import { pickLabel } from '../view-model/input-rules.js';
import { pickOne, type Choice } from '../ui/prompts.js';
import { targetOrder } from '../view-model/where.js';

/**
 * The argument itself when it says where (a node or a plain object) or when there is one target; otherwise the
 * node of the target the user picks, which the handler then reads as if the command came from that node's menu.
 */
export async function argumentWithTarget(services: Services, argument: unknown, title: string): Promise<unknown> {
  const targets = services.targets();
  if (argument !== undefined || targets.length <= 1) return argument;
  const selected = services.selectedTargetId();
  const choices = targetOrder(
    targets.map((target) => target.targetId),
    selected,
  ).map((targetId): Choice<TargetNode> => {
    const target = targets.find((candidate) => candidate.targetId === targetId)!;
    return {
      label: targetId === LOCAL_TARGET ? '$(vm) This machine' : `$(remote) ${pickLabel(target.label)}`,
      description: targetId === selected ? 'selected in the Namespaces view' : undefined,
      value: target,
    };
  });
  return pickOne(choices, { title, placeholder: 'Which machine? This one or one of your SSH targets', emptyMessage: '' });
}
