/**
 * Keeping the view current: the namespace list through the host's directory watch, and the contents of every
 * named namespace the user has expanded through one `ip monitor` job per target, without a timer. Namespaces
 * without a name come and go with processes, which nothing announces: their list is read again every few seconds
 * (one `stat` over /proc). Each change becomes a `notifyChanged` naming just what changed.
 */
import type * as vscode from 'vscode';
import { NetnsLabError } from '../../core/errors.js';
import { isUnnamedNamespace, type NamespaceName } from '../../core/model.js';
import { findNamespaceFiles } from '../../core/state/namespace-files.js';
import { watchNamespaceChanges, type Watch } from '../../core/state/watch.js';
import type { Services } from '../services.js';

/** How long the set of watched namespaces may settle before the monitor job is restarted with it. */
const RESTART_DELAY_MS = 50;

/** How often the namespaces without a name are listed again. */
export const UNNAMED_POLL_MS = 2000;

interface TargetWatch {
  listWatch?: { dispose(): void };
  unnamedPoll?: NodeJS.Timeout;
  /** The identities of the namespaces without a name shown now, sorted and joined. */
  unnamedShown?: string;
  namespaces: Set<NamespaceName>;
  monitor?: Watch;
  restartTimer?: NodeJS.Timeout;
}

export class TreeWatchers implements vscode.Disposable {
  private readonly targets = new Map<string, TargetWatch>();

  constructor(private readonly services: Services) {}

  /** Follows namespaces being added and deleted on a target (once; later calls do nothing). */
  watchNamespaceList(targetId: string): void {
    const watch = this.target(targetId);
    const host = this.services.host(targetId);
    watch.listWatch ??= host.watchNamespaceNames?.(() => {
      // Stop following deleted namespaces at once, even while the view is hidden and reads nothing: a monitor
      // inside a deleted namespace would keep it (and its veth peers) alive.
      void host.listNamespaceNames().then(
        (names) => this.forgetMissing(targetId, names),
        () => undefined,
      );
      this.services.notifyChanged({ targetId });
    });
  }

  /**
   * Follows the namespaces without a name of a target: when one appears or goes, the target is read again.
   * `shown`: the identities shown now.
   */
  watchUnnamed(targetId: string, shown: readonly string[]): void {
    const watch = this.target(targetId);
    watch.unnamedShown = [...shown].sort().join(' ');
    watch.unnamedPoll ??= setInterval(() => void this.pollUnnamed(targetId, watch), UNNAMED_POLL_MS);
  }

  private async pollUnnamed(targetId: string, watch: TargetWatch): Promise<void> {
    try {
      const files = await findNamespaceFiles(this.services.host(targetId));
      const now = files.unnamed
        .map((found) => found.identity)
        .sort()
        .join(' ');
      if (now !== watch.unnamedShown) {
        watch.unnamedShown = now;
        this.services.notifyChanged({ targetId });
      }
    } catch {
      // A target gone or refusing shows that in its own row when the view reads it; nothing to add here.
    }
  }

  /**
   * Follows a named namespace's links, addresses and routes from now on. One without a name is not followed: a
   * monitor inside it would keep it alive after its last process ended.
   */
  watchNamespace(targetId: string, namespace: NamespaceName): void {
    if (isUnnamedNamespace(namespace)) return;
    const watch = this.target(targetId);
    if (watch.namespaces.has(namespace)) return;
    watch.namespaces.add(namespace);
    this.scheduleRestart(targetId, watch);
  }

  /** Stops following namespaces that no longer exist (their monitor would keep them alive). */
  forgetMissing(targetId: string, names: readonly string[]): void {
    const watch = this.target(targetId);
    const existing = new Set<NamespaceName>([null, ...names]);
    const missing = [...watch.namespaces].filter((namespace) => !existing.has(namespace));
    if (missing.length === 0) return;
    for (const namespace of missing) watch.namespaces.delete(namespace);
    this.scheduleRestart(targetId, watch);
  }

  /** Stops everything; used when the hosts are made anew (other settings or targets). */
  reset(): void {
    this.dispose();
  }

  dispose(): void {
    for (const watch of this.targets.values()) {
      clearTimeout(watch.restartTimer);
      clearInterval(watch.unnamedPoll);
      watch.monitor?.dispose();
      watch.listWatch?.dispose();
    }
    this.targets.clear();
  }

  /** A refusal (no root, a target gone) is one line in the log; only a fault of ours keeps its stack trace there. */
  private monitorStopped(targetId: string, error: unknown): void {
    const message = `Change monitor on ${this.services.where(targetId).label} stopped; use Refresh to see changes`;
    if (error instanceof NetnsLabError) this.services.log.warn(`${message}: ${error.message}`);
    else this.services.log.error(message, error);
  }

  private target(targetId: string): TargetWatch {
    let watch = this.targets.get(targetId);
    if (!watch) {
      watch = { namespaces: new Set() };
      this.targets.set(targetId, watch);
    }
    return watch;
  }

  private scheduleRestart(targetId: string, watch: TargetWatch): void {
    clearTimeout(watch.restartTimer);
    watch.restartTimer = setTimeout(() => this.restart(targetId, watch), RESTART_DELAY_MS);
  }

  private restart(targetId: string, watch: TargetWatch): void {
    watch.monitor?.dispose();
    watch.monitor = undefined;
    if (watch.namespaces.size === 0) return;
    const namespaces = [...watch.namespaces];
    watch.monitor = watchNamespaceChanges(this.services.host(targetId), namespaces, (namespace) => this.services.notifyChanged({ targetId, namespaces: [namespace] }), {
      onStopped: (error) => this.monitorStopped(targetId, error),
      // What changed between the first read and the monitors listening would go unseen: read once more.
      onReady: () => this.services.notifyChanged({ targetId, namespaces }),
    });
  }
}
