/**
 * Keeping a picture current: a watch of link, address and route changes in each named namespace it holds (and the
 * root one) and the host's watch of the namespace list, as triggers only. What they see goes to
 * `Services.notifyChanged`, which the panel (and the Namespaces view) listens to, as it does to the changes
 * commands make. The panel starts following before its first read, so that nothing has to be read twice; a new
 * watch (the namespaces changed) takes over from the one before only once it listens, and only the namespaces the
 * one before did not follow are read once more.
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
  /** The namespaces the listening watch follows. */
  private covered = new Set<NamespaceName>();
  private restartTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  /** Watches started and not listening yet; how many were started, and which of them listens (by that count). */
  private readonly starting = new Set<Watch>();
  private started = 0;
  private listening = 0;

  constructor(
    private readonly services: Services,
    private readonly targetId: string,
  ) {
    this.listWatch = services.host(targetId).watchNamespaceNames?.(() => services.notifyChanged({ targetId }));
  }

  /**
   * Follows these namespaces before the picture is first read: resolves once the watch listens (or after
   * `limitMs`, when it is slow to start: then what it missed is read once more when it listens).
   */
  async start(namespaces: readonly string[], limitMs: number): Promise<void> {
    this.watched = key(namespaces);
    let reading = false;
    const started = this.restart([null, ...namespaces], () => reading);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([started, new Promise((resolve) => (timer = setTimeout(resolve, limitMs)))]);
    clearTimeout(timer);
    reading = true;
  }

  /** Follows these namespaces from now on (the root namespace always). */
  follow(namespaces: readonly string[]): void {
    const wanted = key(namespaces);
    if (wanted === this.watched) return;
    this.watched = wanted;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.restart([null, ...namespaces], () => true), RESTART_DELAY_MS);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.restartTimer);
    this.monitor?.dispose();
    for (const monitor of this.starting) monitor.dispose();
    this.listWatch?.dispose();
  }

  /**
   * Starts a watch of `namespaces`; once it listens, it replaces the one before, and when `reread()` says so, the
   * namespaces that one did not follow are read once more (what changed before the watch listened went unseen).
   */
  private restart(namespaces: NamespaceName[], reread: () => boolean): Promise<void> {
    const { services, targetId } = this;
    const generation = ++this.started;
    return new Promise((resolve) => {
      const monitor = watchNamespaceChanges(services.host(targetId), namespaces, (namespace) => services.notifyChanged({ targetId, namespaces: [namespace] }), {
        quietMs: QUIET_MS,
        onReady: () => {
          resolve();
          this.starting.delete(monitor);
          // A watch started later listens already: this one is not needed.
          if (this.disposed || generation < this.listening) return monitor.dispose();
          const before = this.covered;
          this.monitor?.dispose();
          [this.monitor, this.listening, this.covered] = [monitor, generation, new Set(namespaces)];
          const unseen = namespaces.filter((namespace) => !before.has(namespace));
          if (reread() && unseen.length > 0) services.notifyChanged({ targetId, namespaces: unseen });
        },
        onStopped: (error) => {
          resolve();
          this.starting.delete(monitor);
          const message = `The topology picture's change monitor on ${services.where(targetId).label} stopped; reopen the picture to follow changes again`;
          if (error instanceof NetnsLabError) services.log.warn(`${message}: ${error.message}`);
          else services.log.error(message, error);
        },
      });
      this.starting.add(monitor);
    });
  }
}

function key(namespaces: readonly string[]): string {
  return [...namespaces].sort().join(' ');
}
