/**
 * The command line's sudo password prompt: asked on the terminal without echo, and only when standard input is a
 * terminal. Without one (a pipe, CI) there is nobody to ask, so it fails with what to configure instead. The
 * password goes back to the host, which hands it to sudo on standard input; nothing here keeps or prints it.
 */
import { PrivilegeError } from '../core/errors.js';
import type { PasswordPrompt } from '../core/host/privilege.js';

const ENTER = new Set(['\r', '\n']);
const INTERRUPT = '\u0003';
const END_OF_FILE = '\u0004';
const ERASE = new Set(['\u007f', '\b']);

/** A prompt on this process's terminal (standard input and standard error), or a clear refusal without one. */
export function terminalPasswordPrompt(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): PasswordPrompt {
  return async (message, where) => {
    if (!input.isTTY) throw notATerminalError(where);
    // Echo goes off before the prompt shows: a fast typist's first keys must not be echoed.
    const password = await readWithoutEcho(input, () => output.write(`${message}: `));
    output.write('\n');
    return password;
  };
}

function notATerminalError(where: string): PrivilegeError {
  return new PrivilegeError(
    `sudo on ${where} wants a password, and standard input is not a terminal to ask for it on. ` +
      `Run netns-lab in a terminal to type it, allow the user passwordless sudo there (a NOPASSWD rule in /etc/sudoers.d), or ${where === 'this machine' ? 'run it as root' : 'log in as root'}.`,
  );
}

/** Reads one line in raw mode, so the terminal does not echo it; Ctrl-C or Ctrl-D give undefined (declined). */
function readWithoutEcho(input: NodeJS.ReadStream, showPrompt: () => void): Promise<string | undefined> {
  return new Promise((resolve) => {
    let typed = '';
    const finish = (answer: string | undefined): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      resolve(answer);
    };
    const onData = (chunk: string): void => {
      for (const character of chunk) {
        if (ENTER.has(character)) return finish(typed);
        if (character === INTERRUPT || character === END_OF_FILE) return finish(undefined);
        if (ERASE.has(character)) typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.setEncoding('utf8');
    input.setRawMode(true);
    showPrompt();
    input.on('data', onData);
    input.resume();
  });
}
