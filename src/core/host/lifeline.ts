/**
 * Tying what a host starts to the life of the program that started it. A clean close ends every command in
 * order, but an owner killed with SIGKILL, or an SSH connection that drops, gets no chance to: watchers,
 * monitors and a cell's background processes would then run on as root for good, and a monitor keeps a deleted
 * namespace's network stack alive.
 *
 * So each host starts, on its machine, one small watchdog shell whose standard input is a pipe from this
 * process (through sudo and ssh alike, since both pass standard input on). Nothing is ever written to it but
 * one-line orders; when it reads end-of-file without having been told `disarm`, its owner is gone (the kernel
 * closes the pipe of a dead process; sshd closes it when the connection drops), and it ends every process that
 * carries the host's owner mark in its environment, which every shell the host starts gets and passes on to all
 * it starts. A mark in the environment survives what a process group does not: daemons that call setsid.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';

/** The environment variable that marks a process as started by one host of one Netns Lab process. */
export const OWNER_VARIABLE = 'NETNS_LAB_OWNER';

/**
 * $1: the owner token. Reads orders until end-of-file: `disarm` ends it quietly (a clean close, which has ended
 * in order what it should); `spare GROUP` exempts a process group (a command let go to run on). Then ends
 * the marked processes: TERM, and KILL for those still there, a few rounds, so that children forked meanwhile are
 * caught too. It ignores HUP and INT: only end-of-file, or an explicit TERM, ends it.
 */
const WATCHDOG_SCRIPT = `t=$1
trap '' HUP INT
spared=' '
while IFS= read -r order; do
  case $order in
    disarm) exit 0 ;;
    'spare '*) spared="$spared\${order#spare } " ;;
  esac
done
marked() {
  for file in $(grep -lzsxF "${OWNER_VARIABLE}=$t" /proc/[0-9]*/environ); do
    pid=\${file#/proc/}
    pid=\${pid%/environ}
    if [ "$spared" != ' ' ]; then
      read -r stat 2>/dev/null <"/proc/$pid/stat" || continue
      set -- \${stat##*) }
      case $spared in *" $3 "*) continue ;; esac
    fi
    echo "$pid"
  done
}
for signal in TERM KILL KILL KILL KILL; do
  pids=$(marked)
  [ -n "$pids" ] || exit 0
  kill -s "$signal" $pids 2>/dev/null
  sleep 0.2
done
`;

/**
 * $1: a folder to remove; the rest: a command to run first. For what an owner leaves on its own machine (the
 * shared SSH connection's master and its socket folder): run when the owner is gone, skipped on `disarm`.
 */
const LOCAL_CLEANUP_SCRIPT = `folder=$1
shift
trap '' HUP INT
while IFS= read -r order; do
  [ "$order" = disarm ] && exit 0
done
"$@" </dev/null >/dev/null 2>&1
rm -rf -- "$folder"
`;

/** How long closing waits for the watchdog to finish its sweep. */
const CLOSE_WAIT_MS = 3000;

/** A new owner token: random, so a mark cannot match another owner's by chance. */
export function newOwnerToken(): string {
  return randomBytes(12).toString('hex');
}

/** `NAME=VALUE` of the owner mark, for `env` in front of a shell started through sudo (which clears the environment). */
export function ownerAssignment(token: string): string {
  return `${OWNER_VARIABLE}=${token}`;
}

/** The shell arguments of the watchdog for `token`: append them to `sh`. */
export function watchdogArguments(token: string): string[] {
  return ['-c', WATCHDOG_SCRIPT, 'netns-lab-lifeline', token];
}

/** The argv of a local program that runs `argv`, then removes `folder`, once the owner is gone. */
export function localCleanupArgv(folder: string, argv: readonly string[]): string[] {
  return ['sh', '-c', LOCAL_CLEANUP_SCRIPT, 'netns-lab-cleanup', folder, ...argv];
}

export class Lifeline {
  private readonly stdin: Writable;
  private readonly exited: Promise<void>;
  private closed = false;

  /**
   * Starts `file args` here (the watchdog itself, or sudo or ssh carrying it), in a session of its own, so a
   * Ctrl-C for this process does not reach it; `prelude` goes first on its standard input (a sudo password line).
   */
  constructor(file: string, args: readonly string[], prelude = '') {
    const child = spawn(file, args, { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    this.stdin = child.stdin!;
    this.stdin.on('error', () => undefined);
    if (prelude) this.stdin.write(prelude);
    // It must not keep this process alive: it is there for when this process ends.
    child.unref();
    (this.stdin as Writable & { unref?: () => void }).unref?.();
  }

  /** Exempts a process group from the sweep: a command let go on purpose (`netns-lab run --keep-background`). */
  spare(group: number): void {
    if (!this.closed) this.stdin.write(`spare ${group}\n`);
  }

  /**
   * Ends the watchdog without its sweep, and waits (a little) until it has: for a clean close, which ends what
   * it should in order and leaves alone what the user meant to keep (a daemon `netns-lab exec` started, say).
   */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.stdin.end('disarm\n');
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
  }
}
