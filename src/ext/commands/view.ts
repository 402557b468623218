/** Commands about the view itself: refreshing it and showing the log. */
import type { Services } from '../services.js';

/** netnsLab.refresh: every target is read again, and its labs checked against their files again. */
export function refreshCommand(services: Services): void {
  for (const target of services.targets()) services.notifyChanged({ targetId: target.targetId, recheckLabs: true });
}

/** netnsLab.showLog. */
export function showLogCommand(services: Services): void {
  services.log.show();
}
