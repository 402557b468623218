/**
 * The small shell script that runs one streamed command (a notebook cell, `netns-lab exec`) in a shell of its
 * own, locally or on an SSH target. It starts the command as its own process group, passes standard input
 * through, and frames the command's output: a start mark on each stream before the command starts (whatever a
 * remote login's rc files printed before it is not the command's), then the group's id on standard error; then, once the command has
 * exited, its status on standard output and an end mark on standard error, each after everything the command
 * itself wrote there. So the command's end is known exactly even while processes it left in the background still hold its
 * output open, and its output stays byte for byte.
 */
import { randomBytes } from 'node:crypto';

/**
 * $1: nonce; $2: `job` (bash: job control gives the command its own group, no extra program start) or
 * `setsid` (a plain sh); $3: where the marks go: `streams` (a start on each; exit on standard output, pid and end
 * on standard error), `stderr` (all on standard error), or `fd3` (all on file descriptor 3). Marks are written
 * through fds 8 and 9, which the command does not get; fd 7 keeps the real standard input, which a background
 * command would otherwise lose to /dev/null in a shell without job control; fd 6 keeps the real standard error
 * for the command, while the wrapper's own goes to /dev/null: bash's job notices ("[1]+ Exit 3") are not the
 * command's. Job control is off again once the command has its group, so `wait` returns when it ends, not when
 * it is only stopped (SIGSTOP, SIGTSTP).
 */
const WRAPPER_SCRIPT = `n=$1; m=$2; o=$3; shift 3
case $o in
  fd3) exec 8>&3 9>&3 3>&- ;;
  stderr) exec 8>&2 9>&2 ;;
  *) exec 8>&1 9>&2 ;;
esac
printf '%s start\\n' "$n" >&8
printf '%s start\\n' "$n" >&9
exec 7<&0 6>&2 2>/dev/null
if [ "$m" = job ]; then set -m; "$@" 0<&7 2>&6 6>&- 7<&- 8>&- 9>&- & else setsid "$@" 0<&7 2>&6 6>&- 7<&- 8>&- 9>&- & fi
p=$!
set +m
exec 6>&- 7<&-
printf '%s pid %d\\n' "$n" "$p" >&9
wait "$p" 2>/dev/null
s=$?
printf '%s exit %d\\n' "$n" "$s" >&8
printf '%s end\\n' "$n" >&9
`;

/** Where the wrapper writes its marks (see WRAPPER_SCRIPT). */
export type MarkRoute = 'streams' | 'stderr' | 'fd3';

/** A fresh random nonce; command output cannot contain it by chance. */
export function newNonce(): string {
  return `__netns_lab_${randomBytes(12).toString('hex')}__`;
}

/**
 * The arguments that make a shell (`bash --noprofile --norc` or `sh`, as `shellArgv` says) run `argv` framed
 * with `nonce`: append them to the shell's own argv.
 */
export function wrapperArguments(nonce: string, jobControl: boolean, argv: readonly string[], marks: MarkRoute = 'streams'): string[] {
  if (argv.length === 0) throw new Error('an empty command cannot be run');
  return ['-c', WRAPPER_SCRIPT, 'netns-lab', nonce, jobControl ? 'job' : 'setsid', marks, ...argv];
}
