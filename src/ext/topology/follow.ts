/**
 * Keeping a picture current: `ip monitor` in each named namespace it holds (and the root one) and the host's watch of
 * the namespace list, as triggers only. What they see goes to `Services.notifyChanged`, which the panel (and the
 * Namespaces view) listens to, as it does to the changes commands make.
 */
import type * as vscode from 'vscode';
import { NetnsLabError } from '../../core/errors.js';
import type { NamespaceName } from '../../core/model.js';
import { watchNamespaceChanges, type Watch } from '../../core/state/watch.js';
import type { Services } from '../services.js';

/** A burst of events in one namespace becomes one re-read after this long (the panel's update target is 300 ms). */
const QUIET_MS = 30;
const RESTART_DELAY_MS = 50;

export class PictureFollower implements vscode.Disposable {
  private monitor: Watch | undefined;
  private listWatch: { dispose(): void } | undefined;
  private watched = '';
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly services: Services,
    private readonly targetId: string,
  ) {
    this.listWatch = services.host(targetId).watchNamespaceNames?.(() => services.notifyChanged({ targetId }));
  }

  /** Follows these namespaces from now on (the root namespace always). */
  follow(namespaces: readonly string[]): void {
    const key = [...namespaces].sort().join(' ');
    if (key === this.watched) return;
    this.watched = key;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this.restart([null, ...namespaces]), RESTART_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.restartTimer);
    this.monitor?.dispose();
    this.listWatch?.dispose();
  }

  private restart(namespaces: NamespaceName[]): void {
    this.monitor?.dispose();
    const { services, targetId } = this;
    this.monitor = watchNamespaceChanges(services.host(targetId), namespaces, (namespace) => services.notifyChanged({ targetId, namespaces: [namespace] }), {
      quietMs: QUIET_MS,
      // What changed between the picture's read and the monitors listening would go unseen: read them once more.
      onReady: () => services.notifyChanged({ targetId, namespaces }),
      onStopped: (error) => {
        const message = `The topology picture's change monitor on ${services.where(targetId).label} stopped; reopen the picture to follow changes again`;
        if (error instanceof NetnsLabError) services.log.warn(`${message}: ${error.message}`);
        else services.log.error(message, error);
      },
    });
  }
}
