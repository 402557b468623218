/**
 * A Host that remembers why it could not get root. Once root was refused (a wrong sudo password, a closed password
 * box, no sudo rights, no capabilities), every later call fails at once with that same refusal, without starting a
 * shell or asking for a password again: background work (a watcher seeing someone else add a namespace, a refresh)
 * never opens the password box. A user's action (Try Again, a command) calls `allowAsking`, and the next need asks
 * once more. Other failures (a target that cannot be reached) are not kept. Reads that any user may make still
 * run when only capabilities are missing (privilege `none`), so what can be seen without them is shown.
 */
import { PrivilegeError } from '../errors.js';
import type { Host, RunOptions, RunResult } from './host.js';
import type { RunningCommand, StartOptions } from './running-command.js';

export class GuardedHost implements Host {
  readonly label: string;
  private refusal: PrivilegeError | undefined;
  readonly watchNamespaceNames?: Host['watchNamespaceNames'];
  readonly readJsonFiles?: Host['readJsonFiles'];

  constructor(readonly inner: Host) {
    this.label = inner.label;
    // Neither needs root where the host has them (a local directory watch and read), so they are not guarded.
    if (inner.watchNamespaceNames) this.watchNamespaceNames = (onChange) => inner.watchNamespaceNames!(onChange);
    if (inner.readJsonFiles) this.readJsonFiles = (directory) => inner.readJsonFiles!(directory);
  }

  /** Why root was refused, while that is kept; undefined once a user's action allowed asking again. */
  get refused(): PrivilegeError | undefined {
    return this.refusal;
  }

  /** A user acted: the next call that needs root works it out again (asking for the password if sudo wants it). */
  allowAsking(): void {
    this.refusal = undefined;
  }

  run(argv: readonly string[], options?: RunOptions): Promise<RunResult> {
    // Missing capabilities still leave a plain shell for reads any user may make; other refusals leave no shell.
    if (options?.unprivileged && this.refusal?.problem === 'capabilitiesMissing') return this.inner.run(argv, options);
    return this.guarded(() => this.inner.run(argv, options));
  }

  start(argv: readonly string[], options?: StartOptions): Promise<RunningCommand> {
    return this.guarded(() => this.inner.start(argv, options));
  }

  interactiveArgv(argv: readonly string[]): Promise<string[]> {
    return this.guarded(() => this.inner.interactiveArgv(argv));
  }

  listNamespaceNames(): Promise<string[]> {
    // Any user may read the names (a directory read, or `ip netns list` run as the user).
    if (this.refusal?.problem === 'capabilitiesMissing') return this.inner.listNamespaceNames();
    return this.guarded(() => this.inner.listNamespaceNames());
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    if (this.refusal) throw this.refusal;
    try {
      return await work();
    } catch (error) {
      if (error instanceof PrivilegeError) this.refusal ??= error;
      throw error;
    }
  }
}
