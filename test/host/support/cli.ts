// Running `netns-lab` (dist/cli.js) as a real child process, in a temporary working folder of its own, for the
// command-line tests. A test file gets its runner from testSetup({ cli: true }) (setup.ts), which removes it after.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../../../dist/cli.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunner {
  /** The CLI's working folder (fresh, empty). */
  workDirectory: string;
  /** Starts the CLI; `done` settles when it exits (it is killed after 60 s). */
  start(args: readonly string[]): { child: ChildProcess; done: Promise<CliResult> };
  run(...args: string[]): Promise<CliResult>;
  /** Runs the CLI and requires exit status 0. */
  runOk(...args: string[]): Promise<CliResult>;
  /** Removes the working folder (testSetup's `after` hook calls it). */
  cleanup(): void;
}

export function createCliRunner(): CliRunner {
  const workDirectory = mkdtempSync(join(tmpdir(), 'netns-lab-cli-'));
  const start = (args: readonly string[]): { child: ChildProcess; done: Promise<CliResult> } => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: workDirectory, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const done = new Promise<CliResult>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(guard);
        resolve({ status, stdout, stderr });
      });
    });
    return { child, done };
  };
  const run = (...args: string[]): Promise<CliResult> => start(args).done;
  return {
    workDirectory,
    start,
    run,
    async runOk(...args) {
      const result = await run(...args);
      assert.equal(result.status, 0, `netns-lab ${args.join(' ')}: ${result.stderr}`);
      return result;
    },
    cleanup: () => rmSync(workDirectory, { recursive: true, force: true }),
  };
}

/** A failure's stderr: exactly one line, ending in a newline. */
export function assertOneLine(stderr: string): void {
  assert.match(stderr, /^[^\n]+\n$/u, `stderr should be exactly one line, got ${JSON.stringify(stderr)}`);
}
