/**
 * A Linux machine reached with the system OpenSSH client, so the user's ~/.ssh/config, agent, ProxyJump and
 * known_hosts work exactly as in a terminal. One shared connection (ControlMaster) per target carries a small pool
 * of long-lived remote shells: the remote login shell and its rc files are paid once per shell, and a command then
 * costs a framed write and read on an open channel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { CommandError, HostError } from '../errors.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { parseNetnsList } from '../iproute2/parse.js';
import { newNonce, wrapperArguments } from './command-wrapper.js';
import { Lifeline, localCleanupArgv, newOwnerToken, ownerAssignment, watchdogArguments } from './lifeline.js';
import { observedRun, type CommandObserver, type Host, type RunOptions, type RunResult } from './host.js';
import type { PasswordPrompt, PrivilegeMode } from './privilege.js';
import { shellCommand } from '../quote.js';
import { checkTimeout, type RunningCommand, type StartOptions } from './running-command.js';
import { StartedCommands } from './started-commands.js';
import { SessionPool } from './session-pool.js';
import { couldNotStart, startCarrier, startShellProcess } from './shell-process.js';
import { ShellSession, type ShellProcess } from './shell-session.js';
import { connectRemoteShell, missingClientError, sshArguments, type RemoteShell, type SshConnectionSettings } from './ssh-connection.js';
import { looksLikeSshFailure, sshConnectionError } from './ssh-errors.js';
import { parseSshTarget, type SshTarget } from './ssh-target.js';
import { watchRemoteNetnsDirectory } from './remote-netns-watch.js';

export interface SshHostOptions {
  /** An ssh config file to use instead of ~/.ssh/config (ssh -F). */
  sshConfigFile?: string;
  observer?: CommandObserver;
  /** Asked once for the remote sudo password when the remote user is not root and sudo wants one. */
  askPassword?: PasswordPrompt;
  privilege?: PrivilegeMode;
  /** Remote shells kept at most at once (each runs one command at a time). */
  maxSessions?: number;
  /** How long connecting may take before it fails (ssh's ConnectTimeout). */
  connectTimeoutSeconds?: number;
}

const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/** How remote shells are started over the current connection: marked with its owner token, tied to its lifeline. */
interface ConnectedShell extends RemoteShell {
  /** The remote command line given to ssh for a shell (run by the remote login shell once per session). */
  command: string;
}

/** One remote shell's ssh process, and a way to end it from here. */
interface SessionLink {
  abandon(): void;
}

export class SshHost implements Host {
  readonly label: string;
  private readonly target: SshTarget;
  private readonly pool: SessionPool;
  private controlFolder: string | undefined;
  /** Ends the shared connection and removes its folder if this process dies without closing the host. */
  private localCleanup: Lifeline | undefined;
  private remoteShell: Promise<ConnectedShell> | undefined;
  /** The remote lifeline of the current connection (a new connection gets a new one, with a new token). */
  private lifeline: Lifeline | undefined;
  /** Lifelines of earlier connections: one that still stands keeps guarding what was started over it. */
  private readonly earlierLifelines: Lifeline[] = [];
  private readonly links = new Map<ShellSession, SessionLink>();
  private readonly busy = new Set<ShellSession>();
  private disposed = false;
  private readonly started = new StartedCommands(
    {
      where: () => this.label,
      signal: (group, signal) => this.signalGroup(group, signal),
      alive: (group) => this.groupAlive(group),
      observer: () => this.options.observer,
    },
    (group) => group !== undefined && this.lifeline?.spare(group),
  );

  /** @throws InvalidArgumentError when `target` is not an alias, USER@HOST or ssh://USER@HOST:PORT. */
  constructor(
    target: string,
    private readonly options: SshHostOptions = {},
  ) {
    this.target = parseSshTarget(target);
    this.label = this.target.label;
    this.pool = new SessionPool(() => this.startSession(), options.maxSessions ?? 4);
  }

  /** The shared connection's control socket (`ssh -O check -o ControlPath=…`), once connected; for diagnostics. */
  get controlPath(): string | undefined {
    return this.controlFolder && this.settings().controlPath;
  }

  run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return observedRun(this.options.observer, this.label, argv, () =>
      this.withSession({ signal: options.signal, argv }, async (session) => {
        // Resolved already (the session runs in it): without the capabilities, only unprivileged reads run.
        const { lacking } = await this.resolveRemoteShell();
        if (lacking && !options.unprivileged) throw lacking;
        return session.run(argv, options, (group, signal) => this.signalGroup(group, signal));
      }),
    );
  }

  /**
   * A command in a remote shell of its own: one more session over the shared connection (no new login, but
   * the remote user's rc files run again), so that its standard input and output are its alone.
   */
  async start(argv: readonly string[], options: StartOptions = {}): Promise<RunningCommand> {
    checkTimeout(options.timeoutMs);
    const shell = await this.resolveRemoteShell();
    if (shell.lacking) throw shell.lacking;
    const nonce = newNonce();
    const direct = options.passThrough;
    // ssh has no third stream: with standard output going straight out, the marks share standard error.
    const remote = `${shell.command} ${shellCommand(wrapperArguments(nonce, shell.jobControl, argv, direct ? 'stderr' : 'streams'))}`;
    const stdio = {
      stdin: direct && shell.prelude === '' ? direct.stdin : ('pipe' as const),
      stdout: direct?.stdout ?? ('pipe' as const),
      stderr: 'pipe' as const,
      marksOnFd3: false,
    };
    const carrier = startCarrier('ssh', [...sshArguments(this.settings(), ['-T']), remote], stdio, missingClientError);
    return this.started.begin(carrier, { argv, nonce, prelude: shell.prelude }, options);
  }

  /** `ip -j netns list` on the target (it prints nothing at all when there are none). */
  async listNamespaceNames(): Promise<string[]> {
    const argv = ['ip', '-j', 'netns', 'list'];
    // Any user may list the names (the directory is readable), so it runs without capabilities too.
    const result = await this.run(argv, { unprivileged: true });
    if (result.exitCode !== 0) throw new CommandError(`Could not list the namespaces on ${this.label}`, { argv, exitCode: result.exitCode, stderr: result.stderr });
    const text = result.stdout.trim();
    // ip writes names into its JSON unescaped: one name with a control character would make JSON.parse fail.
    return parseNetnsList(text === '' ? undefined : parseJsonValues(text, 'ip -j netns list')[0])
      .map((entry) => entry.name)
      .sort();
  }

  /**
   * Follows namespaces being added and deleted on the target with inotifywait (inotify-tools) there, when it is
   * installed: blocking waits, no polling. Without it, nothing is watched and only a refresh shows such changes.
   */
  watchNamespaceNames(onChange: () => void): { dispose(): void } {
    return watchRemoteNetnsDirectory(this, onChange);
  }

  /**
   * The local argv of an interactive program on the target (a terminal's shell): `ssh -t` over the shared
   * connection, through sudo when the remote user is not root (sudo then asks in the terminal itself).
   */
  async interactiveArgv(argv: readonly string[]): Promise<string[]> {
    const shell = await this.resolveRemoteShell();
    if (shell.lacking) throw shell.lacking;
    const remote = shell.throughSudo ? ['sudo', '--', ...argv] : [...argv];
    return ['ssh', ...sshArguments(this.settings(), ['-t']), shellCommand(remote)];
  }

  /** Ends the shells (stopping their commands' process groups), then the shared connection, then its folder. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.started.stopAll();
    await this.pool.dispose();
    // Everything was ended above; the lifelines are told so before the connection goes, whose end would read as
    // this process's death.
    await Promise.all([this.lifeline, ...this.earlierLifelines].map((lifeline) => lifeline?.close()));
    this.lifeline = undefined;
    const folder = this.controlFolder;
    if (!folder) return;
    await execa('ssh', [...sshArguments(this.settings(), ['-O', 'exit'])], { reject: false, stdin: 'ignore', timeout: 5000, cleanup: false });
    rmSync(folder, { recursive: true, force: true });
    await this.localCleanup?.close();
    this.localCleanup = undefined;
    this.controlFolder = undefined;
  }

  private async withSession<T>(request: { urgent?: boolean; signal?: AbortSignal; argv?: readonly string[] }, use: (session: ShellSession) => Promise<T>): Promise<T> {
    const session = await this.pool.acquire(request);
    this.busy.add(session);
    try {
      return await use(session);
    } finally {
      this.busy.delete(session);
      this.pool.release(session);
    }
  }

  private settings(): SshConnectionSettings {
    if (!this.controlFolder) {
      // mkdtemp makes the folder with mode 700: nobody else can reach the control socket.
      this.controlFolder = mkdtempSync(join(tmpdir(), 'netns-lab-ssh-'));
      this.localCleanup = this.startLocalCleanup(this.controlFolder);
    }
    const settings: SshConnectionSettings = {
      target: this.target,
      // %C: a hash of local host, remote host, port and user, short enough for a socket path.
      controlPath: join(this.controlFolder, '%C'),
      connectTimeoutSeconds: this.options.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS,
    };
    if (this.options.sshConfigFile !== undefined) settings.sshConfigFile = this.options.sshConfigFile;
    return settings;
  }

  /**
   * The shared connection's master runs on by itself (ControlPersist): if this process dies, a local lifeline
   * ends it and removes its folder.
   */
  private startLocalCleanup(folder: string): Lifeline {
    const settings: SshConnectionSettings = { target: this.target, controlPath: join(folder, '%C'), connectTimeoutSeconds: 5 };
    if (this.options.sshConfigFile !== undefined) settings.sshConfigFile = this.options.sshConfigFile;
    const [file, ...args] = localCleanupArgv(folder, ['ssh', ...sshArguments(settings, ['-O', 'exit'])]);
    return new Lifeline(file!, args);
  }

  /**
   * Starts the remote lifeline (see lifeline.ts) as one more session over the connection, with the shells'
   * privilege, and marks the shells with its token: after sudo, which clears the environment, through `env`.
   */
  private withLifeline(shell: RemoteShell): ConnectedShell {
    const token = newOwnerToken();
    const watchdog = shellCommand(['exec', ...shell.privilegeArgv, 'sh', ...watchdogArguments(token)]);
    if (this.lifeline) this.earlierLifelines.push(this.lifeline);
    this.lifeline = new Lifeline('ssh', [...sshArguments(this.settings(), ['-T']), watchdog], shell.prelude);
    const command = shellCommand(['exec', ...shell.privilegeArgv, 'env', ownerAssignment(token), ...shell.shellArgv]);
    return { ...shell, command };
  }

  /** Connects and looks at the remote side once; a failure is not kept, so the next command tries again. */
  private resolveRemoteShell(): Promise<ConnectedShell> {
    if (!this.remoteShell) {
      const attempt = connectRemoteShell(this.settings(), this.options.privilege ?? 'auto', this.options.askPassword).then((shell) => this.withLifeline(shell));
      this.remoteShell = attempt;
      attempt.catch(() => {
        if (this.remoteShell === attempt) this.remoteShell = undefined;
      });
    }
    return this.remoteShell;
  }

  private async startSession(): Promise<ShellSession> {
    const shell = await this.resolveRemoteShell();
    const { child, process: ssh } = startShellProcess('ssh', [...sshArguments(this.settings(), ['-T']), shell.command]);
    // A dropped connection can leave ssh running: the session is then given up on without waiting for its exit.
    let abandon!: () => void;
    const abandoned = new Promise<void>((resolve) => (abandon = resolve));
    let closedHere = false;
    const exited = Promise.race([ssh.exited, abandoned]);
    const process: ShellProcess = { ...ssh, exited, kill: () => ((closedHere = true), ssh.kill()) };
    const started = ShellSession.start(process, this.label, { prelude: shell.prelude, jobControl: shell.jobControl });
    const session = await started.catch(async (error: unknown) => {
      const result = await child;
      if (couldNotStart(result)) throw missingClientError();
      if (!(error instanceof HostError) || !looksLikeSshFailure(error.message)) throw error;
      throw sshConnectionError(this.label, error.message.replace(/^The shell on .*? ended unexpectedly: /u, ''));
    });
    this.links.set(session, { abandon: () => ((closedHere = true), abandon(), void child.kill()) });
    void exited.then(() => {
      this.links.delete(session);
      if (!closedHere && !this.disposed) this.onConnectionLost();
    });
    return session;
  }

  /**
   * A shell ended without being asked to: most likely the shared connection dropped, taking every idle shell with
   * it. Those are let go now (a busy one fails its command with HostError by itself), and the next command connects
   * afresh, making a new shared connection.
   */
  private onConnectionLost(): void {
    this.remoteShell = undefined;
    for (const [session, link] of this.links) {
      if (!this.busy.has(session)) link.abandon();
    }
  }

  private async groupAlive(group: number): Promise<boolean> {
    return (await this.run(['kill', '-0', '--', `-${group}`])).exitCode === 0;
  }

  private async signalGroup(group: number, signal: 'TERM' | 'KILL'): Promise<void> {
    // The group lives on the remote machine: signal it from another root shell there.
    await this.withSession({ urgent: true }, (session) => session.run(['kill', '-s', signal, '--', `-${group}`], {}, async () => undefined));
  }
}
