/** Commands about the view itself: refreshing it and showing the log. */
import type { Services } from '../services.js';
import { isRecord } from '../view-model/argument-fields.js';

/**
 * netnsLab.refresh: every target is read again, and its labs checked against their files again. The user asked,
 * so a target where root was refused may ask for the password again.
 */
export function refreshCommand(services: Services): void {
  services.allowPasswordPrompt();
  for (const target of services.targets()) services.notifyChanged({ targetId: target.targetId, recheckLabs: true });
}

/** netnsLab.showLog. */
export function showLogCommand(services: Services): void {
  services.log.show();
}

/**
 * netnsLab.privilege.retry (Try Again, in the view where root was refused): asks for root again on the target named
 * (`{ targetId }`; every target without one), opening the password box if sudo wants a password.
 */
export function retryPrivilegeCommand(services: Services, argument: unknown): void {
  const given = isRecord(argument) && typeof argument.targetId === 'string' ? argument.targetId : undefined;
  services.allowPasswordPrompt(given);
  for (const target of services.targets()) if (given === undefined || target.targetId === given) services.notifyChanged({ targetId: target.targetId });
}
