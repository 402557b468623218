/**
 * Which host a lab command asked for by the user acts on. With no SSH target configured, this machine, without a
 * question; otherwise the user picks this machine or a target. A lab node of the tree and a program already say
 * which.
 */
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { Services } from '../services.js';
import { pickOne, type Choice } from '../ui/prompts.js';
import type { LabRequest } from '../view-model/lab-arguments.js';

export async function labTargetId(services: Services, request: LabRequest, action: string): Promise<string> {
  if (request.origin !== 'ui' || request.lab !== undefined) return request.targetId;
  const targets = services.targets();
  if (targets.length <= 1) return request.targetId;
  return pickOne(targetChoices(services), { title: action, placeholder: 'Where? This machine or one of your SSH targets', emptyMessage: 'There is no target to pick.' });
}

/** This machine and each configured SSH target, as picker items whose value is the target id. */
export function targetChoices(services: Services, describe: (targetId: string) => string | undefined = () => undefined): Choice<string>[] {
  return services.targets().map((target) => ({
    label: target.targetId === LOCAL_TARGET ? '$(vm) This machine' : `$(remote) ${target.label}`,
    description: describe(target.targetId),
    value: target.targetId,
  }));
}
