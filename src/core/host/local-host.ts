/**
 * The machine this process runs on (under Remote-SSH, the remote machine the extension runs on).
 * Commands run in a small pool of long-lived root shells; namespace names are read straight from /run/netns.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError, NetnsLabError } from '../errors.js';
import { newNonce, wrapperArguments } from './command-wrapper.js';
import { observedRun, type CommandObserver, type Host, type RunOptions, type RunResult } from './host.js';
import { Lifeline, newOwnerToken, ownerAssignment, OWNER_VARIABLE, watchdogArguments } from './lifeline.js';
import { watchNetnsDirectory } from './netns-directory-watch.js';
import { LOCAL_SHELL_HAS_JOB_CONTROL, localRootShell, type PasswordPrompt, type PrivilegeMode, type RootShellCommand } from './privilege.js';
import { checkTimeout, type RunningCommand, type StartOptions } from './running-command.js';
import { StartedCommands } from './started-commands.js';
import { SessionPool } from './session-pool.js';
import { startCarrier, startShellProcess } from './shell-process.js';
import { ShellSession } from './shell-session.js';

export const NETNS_RUN_DIR = '/run/netns';

export interface LocalHostOptions {
  privilege?: PrivilegeMode;
  askPassword?: PasswordPrompt;
  observer?: CommandObserver;
  /** Shells kept at most at once (each runs one command at a time). */
  maxSessions?: number;
}

/** How this host starts its root shells, with the owner mark of its lifeline (see lifeline.ts). */
interface OwnedShell extends RootShellCommand {
  /** The environment the shell (and sudo, when it is started through sudo) is started with. */
  env: Record<string, string>;
}

export class LocalHost implements Host {
  readonly label = 'this machine';
  private readonly pool: SessionPool;
  private rootShell: Promise<OwnedShell> | undefined;
  private lifeline: Lifeline | undefined;
  private readonly started = new StartedCommands(
    {
      where: () => this.label,
      signal: (group, signal) => this.signalGroup(group, signal),
      alive: (group) => this.groupAlive(group),
      observer: () => this.options.observer,
    },
    (group) => group !== undefined && this.lifeline?.spare(group),
  );

  constructor(private readonly options: LocalHostOptions = {}) {
    this.pool = new SessionPool(() => this.startSession(), options.maxSessions ?? 4);
  }

  run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return observedRun(this.options.observer, this.label, argv, async () => {
      const session = await this.pool.acquire({ signal: options.signal, argv });
      try {
        // Resolved already (the session runs in it): without the capabilities, only unprivileged reads run.
        const { lacking } = await this.resolveRootShell();
        if (lacking && !options.unprivileged) throw lacking;
        return await session.run(argv, options, (group, signal) => this.signalGroup(group, signal));
      } finally {
        this.pool.release(session);
      }
    });
  }

  async start(argv: readonly string[], options: StartOptions = {}): Promise<RunningCommand> {
    checkTimeout(options.timeoutMs);
    const shell = await this.resolveRootShell();
    if (shell.lacking) throw shell.lacking;
    const nonce = newNonce();
    const direct = options.passThrough;
    // sudo closes every descriptor above 2 for its command, so through sudo the marks share standard error.
    const marks = !direct ? 'streams' : shell.throughSudo ? 'stderr' : 'fd3';
    const stdio = {
      stdin: direct && shell.prelude === '' ? direct.stdin : ('pipe' as const),
      stdout: direct?.stdout ?? ('pipe' as const),
      stderr: marks === 'fd3' ? direct!.stderr : ('pipe' as const),
      marksOnFd3: marks === 'fd3',
    };
    const args = [...shell.args, ...wrapperArguments(nonce, LOCAL_SHELL_HAS_JOB_CONTROL, argv, marks)];
    const carrier = startCarrier(shell.file, args, stdio, () => new HostError(`Could not start ${shell.file} on this machine: it is not installed or not on PATH`), shell.env);
    return this.started.begin(carrier, { argv, nonce, prelude: shell.prelude }, options);
  }

  async interactiveArgv(argv: readonly string[]): Promise<string[]> {
    const mode = this.options.privilege ?? 'auto';
    if (mode === 'none' || (mode === 'auto' && process.getuid?.() === 0)) return [...argv];
    // sudo asks for its password in the terminal itself when it needs one.
    return ['sudo', '--', ...argv];
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
    await this.started.stopAll();
    await this.pool.dispose();
    // Everything was ended above, in order; the lifeline only guards against this process dying without a close.
    await this.lifeline?.close();
    this.lifeline = undefined;
    this.rootShell = undefined;
  }

  private async startSession(): Promise<ShellSession> {
    const shell = await this.resolveRootShell();
    const { process } = startShellProcess(shell.file, shell.args, shell.env);
    return ShellSession.start(process, this.label, { prelude: shell.prelude, jobControl: LOCAL_SHELL_HAS_JOB_CONTROL });
  }

  /** Resolved once; a failure is not kept, so fixing sudo or the settings helps without a restart. */
  private resolveRootShell(): Promise<OwnedShell> {
    this.rootShell ??= localRootShell(this.options.privilege ?? 'auto', this.options.askPassword).then((root) => this.withLifeline(root));
    this.rootShell.catch(() => (this.rootShell = undefined));
    return this.rootShell;
  }

  /**
   * Starts the lifeline (see lifeline.ts) with the same privilege as the shells, and marks the shells with its
   * token: through sudo, which clears the environment, with `env` after sudo; sudo itself is marked too.
   */
  private withLifeline(root: RootShellCommand): OwnedShell {
    const token = newOwnerToken();
    // A non-interactive bash would source $BASH_ENV; the shell must start clean.
    const env = { BASH_ENV: '', [OWNER_VARIABLE]: token };
    const [file, ...args] = [...root.prefix, 'sh', ...watchdogArguments(token)];
    this.lifeline = new Lifeline(file!, args, root.prelude);
    if (root.prefix.length === 0) return { ...root, env };
    const marked = ['env', 'BASH_ENV=', ownerAssignment(token), ...root.shell];
    return { ...root, args: [...root.prefix.slice(1), ...marked], env };
  }

  private async groupAlive(group: number): Promise<boolean> {
    const shell = await this.resolveRootShell();
    if (!shell.throughSudo) return groupAliveHere(group);
    return (await this.run(['kill', '-0', '--', `-${group}`])).exitCode === 0;
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

function groupAliveHere(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroupHere(group: number, signal: 'TERM' | 'KILL'): void {
  try {
    process.kill(-group, `SIG${signal}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw new NetnsLabError(`Could not stop process group ${group}: ${String(error)}`);
  }
}
