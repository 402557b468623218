/**
 * `netns-lab`: the command line over the same core as the editor. Exit status 0 on success, 1 when the work
 * failed, 2 when the command was called wrongly, 130 when interrupted; a one-line reason goes to stderr.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { escapeHidden } from '../core/display.js';
import { CancelledError, fileErrorWords, NetnsLabError, TopologyFileError } from '../core/errors.js';
import { LabRefusedError } from '../core/labs/lab-errors.js';
import { formatDiagnostics } from '../core/topology/diagnostics.js';
import { HostPool } from '../core/host/host-pool.js';
import type { PrivilegeMode } from '../core/host/privilege.js';
import { isLocalTarget, LOCAL_TARGET } from '../core/host/ssh-target.js';
import { checkArguments, UsageError } from './args.js';
import { addressCommand, routeCommand } from './commands/addresses.js';
import { captureCommand } from './commands/capture.js';
import { checkCommand } from './commands/check.js';
import { graphCommand } from './commands/graph.js';
import { execCommand } from './commands/exec.js';
import { destroyCommand, inspectCommand } from './commands/lab-state.js';
import { deployCommand, validateCommand } from './commands/labs.js';
import { bridgeCommand, linkCommand, vethCommand } from './commands/links.js';
import { addCommand, deleteCommand } from './commands/namespaces.js';
import { listCommand, showCommand, snapshotCommand } from './commands/read.js';
import { runCommand } from './commands/run.js';
import type { CliCommand, CliContext } from './context.js';
import { globalHelp } from './help.js';
import { signalExitStatus, watchInterrupts, type HandledSignal } from './interrupt.js';
import { terminalPasswordPrompt } from './password-prompt.js';
import { count, oneLine } from './lab-render.js';

export const COMMANDS: readonly CliCommand[] = [
  listCommand,
  showCommand,
  snapshotCommand,
  addCommand,
  deleteCommand,
  vethCommand,
  bridgeCommand,
  addressCommand,
  routeCommand,
  linkCommand,
  execCommand,
  runCommand,
  captureCommand,
  checkCommand,
  graphCommand,
  validateCommand,
  deployCommand,
  destroyCommand,
  inspectCommand,
];

const PRIVILEGE_MODES: readonly PrivilegeMode[] = ['auto', 'sudo', 'none'];

interface GlobalOptions {
  json: boolean;
  help: boolean;
  privilege: PrivilegeMode;
  target?: string;
  sshConfigFile?: string;
  rest: string[];
}

/** Runs the command line and returns the exit status. */
export async function main(argv: string[], out = writer(process.stdout), stderrWriter = writer(process.stderr), stderrIsTerminal = Boolean(process.stderr.isTTY)): Promise<number> {
  const err = messageWriter(stderrWriter);
  let commandName: string | undefined;
  try {
    const options = readGlobalOptions(argv);
    const [name, ...args] = options.rest;
    commandName = name;
    if (name === undefined || name === 'help') return printHelp(out, options.help || name === 'help' ? 0 : 2, args[0]);
    if (name === '--version') return (out(`${await version()}\n`), 0);
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
    if (options.help) return (out(`${command.usage}\n`), 0);
    const hosts = new HostPool({ privilege: options.privilege, sshConfigFile: options.sshConfigFile, askPassword: terminalPasswordPrompt() });
    // `localhost` and no --target at all are this machine too, on the command line and in a notebook's front matter.
    const hostFor = (target: string | undefined) => hosts.host(isLocalTarget(target) ? LOCAL_TARGET : target);
    // An invalid --target is refused when its host is made: that is the command line's fault, so it is checked first.
    const host = checkArguments(name, () => hostFor(options.target));
    const interrupts = watchInterrupts(command.handlesInterrupts ? undefined : (signal) => void exitNow(hosts, err, signal));
    try {
      const context: CliContext = {
        host,
        targetGiven: options.target !== undefined,
        hostFor,
        json: options.json,
        ...(stderrIsTerminal ? { progress: (message: string) => err(`${message}…\n`) } : {}),
        out,
        err,
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
        interrupts,
      };
      const status = await command.run(args, context);
      return interrupts.received ? interrupted(err, interrupts.received) : status;
    } catch (error) {
      if (interrupts.received) return interrupted(err, interrupts.received);
      throw error;
    } finally {
      // Ends what runs on the hosts and closes them (SSH connections, their folders), interrupted or not.
      await hosts.dispose();
      interrupts.dispose();
    }
  } catch (error) {
    return reportError(error, commandName, err);
  }
}

/** An interrupt during a command that does not stop by itself: end what runs on the hosts, close them, exit. */
async function exitNow(hosts: HostPool, err: (text: string) => void, signal: HandledSignal): Promise<never> {
  await hosts.dispose().catch(() => undefined);
  process.exit(interrupted(err, signal));
}

function interrupted(err: (text: string) => void, signal: HandledSignal): number {
  // A closed output is no interruption to report: the reader has gone, as with any program in a pipe.
  if (signal !== 'SIGPIPE') err('netns-lab: interrupted; the command and everything it started were stopped\n');
  return signalExitStatus(signal);
}

/** Takes the global options out of the words before `--` (after it, everything belongs to the command run). */
function readGlobalOptions(argv: string[]): GlobalOptions {
  const options: GlobalOptions = { json: false, help: false, privilege: 'auto', rest: [] };
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    if (word === '--') {
      options.rest.push(...argv.slice(index));
      break;
    }
    const valued = VALUED_OPTIONS.find((name) => isOption(word, name));
    if (valued) {
      const value = word.includes('=') ? word.slice(word.indexOf('=') + 1) : argv[++index];
      setValuedOption(options, valued, requireValue(valued, value));
    } else if (word === '--json') options.json = true;
    else if (word === '--help' || word === '-h') options.help = true;
    else options.rest.push(word);
  }
  return options;
}

const VALUED_OPTIONS = ['--target', '--ssh-config', '--privilege'] as const;

function setValuedOption(options: GlobalOptions, name: (typeof VALUED_OPTIONS)[number], value: string): void {
  if (name === '--target') options.target = value;
  else if (name === '--ssh-config') options.sshConfigFile = value;
  else {
    if (!PRIVILEGE_MODES.includes(value as PrivilegeMode)) throw new UsageError(`--privilege takes ${PRIVILEGE_MODES.join(', ')}, not ${JSON.stringify(value)}`);
    options.privilege = value as PrivilegeMode;
  }
}

function isOption(word: string, name: string): boolean {
  return word === name || word.startsWith(`${name}=`);
}

function requireValue(name: string, value: string | undefined): string {
  if (!value) throw new UsageError(`${name} needs a value`);
  return value;
}

function printHelp(out: (text: string) => void, status: number, commandName?: string): number {
  const command = COMMANDS.find((candidate) => candidate.name === commandName);
  out(command ? `${command.usage}\n` : globalHelp(COMMANDS));
  return status;
}

function reportError(error: unknown, commandName: string | undefined, err: (text: string) => void): number {
  if (error instanceof UsageError) {
    const where = error.command ?? commandName;
    err(`netns-lab${where ? ` ${where}` : ''}: ${error.message} (see netns-lab ${where ? `${where} ` : ''}--help)\n`);
    return 2;
  }
  if (error instanceof CancelledError) {
    err('netns-lab: interrupted; the command and everything it started were stopped\n');
    return 130;
  }
  if (error instanceof TopologyFileError) {
    // Every problem on a line of its own, FILE:LINE:COL first, so terminals and editors can link them.
    err(`${formatDiagnostics(error.file, error.diagnostics)}\nnetns-lab: ${error.file} is not a valid topology (${count(error.diagnostics.length, 'problem')}); nothing was changed\n`);
    return 1;
  }
  if (error instanceof LabRefusedError) {
    err(`netns-lab: lab ${JSON.stringify(error.lab)} was not deployed, nothing was changed:\n${error.reasons.map((reason) => `  - ${oneLine(reason)}\n`).join('')}`);
    return 1;
  }
  if (error instanceof NetnsLabError) {
    err(`netns-lab: ${oneLine(error.message)}\n`);
    return 1;
  }
  const fileProblem = describeFileError(error);
  if (fileProblem) {
    err(`netns-lab: ${fileProblem}\n`);
    return 1;
  }
  const log = keepErrorLog(error);
  err(`netns-lab: unexpected error: ${oneLine(error instanceof Error ? error.message : String(error))}${log ? ` (details in ${log})` : ''}\n`);
  return 1;
}

/** "cannot read lab.netns.md: no such file or folder", for a file the user named. */
function describeFileError(error: unknown): string | undefined {
  const { path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const words = fileErrorWords(error);
  if (!words || !path) return undefined;
  return `cannot ${syscall === 'open' || syscall === 'read' ? 'read' : 'use'} ${path}: ${words}`;
}

/** Appends an unexpected error's stack to a log file, so the terminal gets one line; returns the file's path. */
function keepErrorLog(error: unknown): string | undefined {
  try {
    const folder = join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'netns-lab');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'errors.log');
    appendFileSync(file, `${new Date().toISOString()} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return file;
  } catch {
    return undefined;
  }
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}

function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => void stream.write(text);
}

/**
 * Every message goes to stderr through here: a hidden character in a name (or in ip's own words about it) is
 * written as an escape, never raw, so a message is one line and a no-break space cannot pass for a space.
 */
function messageWriter(write: (text: string) => void): (text: string) => void {
  return (text) => write(text.split('\n').map(escapeHidden).join('\n'));
}
