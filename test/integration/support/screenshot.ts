/**
 * Screenshots of the workbench in the middle of a test. The extension host cannot reach the browser page, so the
 * test host (scripts/vscode-host/run-tests.mjs) watches a folder: NAME.request asks, NAME.done answers with the
 * path of the PNG (test-artifacts/editor/NAME.png for `npm run test:editor`).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './wait.js';

/** True when the host serves screenshot requests (code-server does; @vscode/test-electron does not). */
export function canTakeScreenshots(): boolean {
  return Boolean(process.env.NETNS_LAB_SCREENSHOT_REQUESTS);
}

/** Asks for a screenshot named `name` (letters, digits, `.`, `-`, `_`) and returns the PNG's path once it is written. */
export async function screenshot(name: string, timeoutMs = 20_000): Promise<string> {
  const folder = process.env.NETNS_LAB_SCREENSHOT_REQUESTS;
  if (!folder) throw new Error('NETNS_LAB_SCREENSHOT_REQUESTS is not set: this host takes no screenshots');
  if (!/^[\w.-]+$/u.test(name)) throw new Error(`test bug: screenshot name ${JSON.stringify(name)}`);
  const done = join(folder, `${name}.done`);
  rmSync(done, { force: true });
  writeFileSync(join(folder, `${name}.request`), '');
  const file = await eventually(() => (existsSync(done) ? readFileSync(done, 'utf8') : undefined), {
    what: `screenshot ${name}`,
    timeoutMs,
    intervalMs: 100,
  });
  rmSync(done, { force: true });
  return file;
}
