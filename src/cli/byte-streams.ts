/**
 * Passing a started command's bytes through this program: standard input to the command, its output to ours,
 * unchanged and with backpressure both ways, so memory stays flat whatever flows. A reader that goes away
 * (`| head`) stops the command quietly, as a closed pipe stops any Unix program.
 */
import type { RunningCommand } from '../core/host/running-command.js';
import type { CliContext } from './context.js';

/** The status a program gets when it writes to a closed pipe (128 + SIGPIPE). */
export const CLOSED_PIPE_STATUS = 141;

/** Runs the plumbing until the command has exited and its output is written; resolves with its exit status. */
export async function passBytesThrough(command: RunningCommand, context: Pick<CliContext, 'stdin' | 'stdout' | 'stderr'>): Promise<number> {
  let readerGone = false;
  const onOutputError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') return;
    readerGone = true;
    // Nobody reads any more: drop the rest, so the end of the command is still seen after it is stopped.
    command.stdout.unpipe();
    command.stdout.resume();
    void command.stop();
  };
  context.stdout.on('error', onOutputError);
  if (command.stdin) context.stdin.pipe(command.stdin);
  try {
    const [exit] = await Promise.all([
      command.exit.catch((error: unknown) => failUnlessReaderGone(error, () => readerGone)),
      copy(command.stdout, context.stdout),
      copy(command.stderr, context.stderr),
    ]);
    return readerGone ? CLOSED_PIPE_STATUS : exit!.exitCode;
  } finally {
    context.stdout.off('error', onOutputError);
    if (command.stdin) context.stdin.unpipe(command.stdin);
    // Our standard input is not needed any more; left open, it would keep this program waiting for it.
    context.stdin.destroy();
  }
}

function failUnlessReaderGone(error: unknown, readerGone: () => boolean): undefined {
  if (readerGone()) return undefined;
  throw error;
}

function copy(source: NodeJS.ReadableStream, sink: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    source.once('end', resolve);
    source.pipe(sink, { end: false });
  });
}
