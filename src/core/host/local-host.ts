/**
 * The machine this process runs on (under Remote-SSH, the remote machine the extension runs on).
 * Commands run in a small pool of long-lived root shells; namespace names are read straight from /run/netns.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NetnsLabError } from '../errors.js';
import { observedRun, type CommandObserver, type Host, type RunOptions, type RunResult } from './host.js';
import { watchNetnsDirectory } from './netns-directory-watch.js';
import { LOCAL_SHELL_HAS_JOB_CONTROL, localRootShell, type PasswordPrompt, type PrivilegeMode, type RootShellCommand } from './privilege.js';
import { SessionPool } from './session-pool.js';
import { startShellProcess } from './shell-process.js';
import { ShellSession } from './shell-session.js';

export const NETNS_RUN_DIR = '/run/netns';

export interface LocalHostOptions {
  privilege?: PrivilegeMode;
  askPassword?: PasswordPrompt;
  observer?: CommandObserver;
  /** Shells kept at most at once (each runs one command at a time). */
  maxSessions?: number;
}

export class LocalHost implements Host {
  readonly label = 'this machine';
  private readonly pool: SessionPool;
  private rootShell: Promise<RootShellCommand> | undefined;

  constructor(private readonly options: LocalHostOptions = {}) {
    this.pool = new SessionPool(() => this.startSession(), options.maxSessions ?? 4);
  }

  run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return observedRun(this.options.observer, this.label, argv, async () => {
      const session = await this.pool.acquire({ signal: options.signal, argv });
      try {
        return await session.run(argv, options, (group, signal) => this.signalGroup(group, signal));
      } finally {
        this.pool.release(session);
      }
    });
  }

  async listNamespaceNames(): Promise<string[]> {
    try {
      return (await readdir(NETNS_RUN_DIR)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async readJsonFiles(directory: string): Promise<string[]> {
    const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    // A file removed between listing and reading is simply gone.
    return (await Promise.all(files.map((name) => readFile(join(directory, name), 'utf8').catch(() => '')))).filter((text) => text !== '');
  }

  watchNamespaceNames(onChange: () => void): { dispose(): void } {
    return watchNetnsDirectory(onChange);
  }

  async dispose(): Promise<void> {
    await this.pool.dispose();
  }

  private async startSession(): Promise<ShellSession> {
    const shell = await this.resolveRootShell();
    // A non-interactive bash would source $BASH_ENV; the shell must start clean.
    const { process } = startShellProcess(shell.file, shell.args, { BASH_ENV: '' });
    return ShellSession.start(process, this.label, { prelude: shell.prelude, jobControl: LOCAL_SHELL_HAS_JOB_CONTROL });
  }

  /** Resolved once; a failure is not kept, so fixing sudo or the settings helps without a restart. */
  private resolveRootShell(): Promise<RootShellCommand> {
    this.rootShell ??= localRootShell(this.options.privilege ?? 'auto', this.options.askPassword);
    this.rootShell.catch(() => (this.rootShell = undefined));
    return this.rootShell;
  }

  private async signalGroup(group: number, signal: 'TERM' | 'KILL'): Promise<void> {
    const shell = await this.resolveRootShell();
    if (!shell.throughSudo) return killGroupHere(group, signal);
    // Our own user may not signal root's processes: send the signal from another root shell.
    const session = await this.pool.acquire({ urgent: true });
    try {
      await session.run(['kill', '-s', signal, '--', `-${group}`], {}, async () => undefined);
    } finally {
      this.pool.release(session);
    }
  }
}

function killGroupHere(group: number, signal: 'TERM' | 'KILL'): void {
  try {
    process.kill(-group, `SIG${signal}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw new NetnsLabError(`Could not stop process group ${group}: ${String(error)}`);
  }
}
