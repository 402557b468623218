// Running the netns-lab command line as a shell user would: bytes in and out, a real terminal, notebooks made on
// the fly, and the peak memory of the process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CLI } from './cli.js';

export interface RawResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Starts the CLI with its standard input fed from `input` (or closed), collecting its output as bytes. */
export function startRaw(args: readonly string[], input?: Buffer | string): { child: ChildProcess; done: Promise<RawResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(input);
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const done = new Promise<RawResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => (clearTimeout(guard), resolve({ status, stdout: Buffer.concat(stdout), stderr })));
  });
  return { child, done };
}

export function runRaw(args: readonly string[], input?: Buffer | string): Promise<RawResult> {
  return startRaw(args, input).done;
}

/** Runs a shell command line on a real pseudo-terminal (script), typing `keys` once `ready` shows on it. */
export function onTerminal(commandLine: string, ready: RegExp, keys: string): Promise<{ status: number | null; screen: string }> {
  const child = spawn('script', ['-qec', commandLine, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  let screen = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    screen += text;
    if (!typed && ready.test(screen)) {
      typed = true;
      child.stdin.write(keys);
    }
  });
  return new Promise((resolve) => child.on('close', (status) => (clearTimeout(guard), resolve({ status, screen }))));
}

/** Folders of SSH control sockets this machine has now (the CLI makes one per SSH target and removes it). */
export function sshControlFolders(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('netns-lab-ssh-'));
}

export function notebook(...cells: string[]): string {
  return cells.map((cell) => `\`\`\`sh\n${cell}\n\`\`\`\n`).join('\n');
}

/** Samples the peak resident memory (kB, VmHWM) of a running process until `done` settles. */
export async function peakMemoryKb(pid: number, done: Promise<unknown>): Promise<number> {
  let peak = 0;
  const sample = setInterval(() => {
    let status = '';
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      // gone already
    }
    peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0));
  }, 20);
  await done.catch(() => undefined);
  clearInterval(sample);
  return peak;
}
