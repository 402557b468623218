/**
 * Screenshots of the workbench in the middle of a test, and questions about what it shows. The extension host cannot
 * reach the browser page, so the test host (scripts/vscode-host/run-tests.mjs) watches a folder: NAME.request asks,
 * NAME.done answers with the path of the PNG (test-artifacts/editor/NAME.png for `npm run test:editor`), or, for a
 * request that holds a CSS selector, with the elements found; `act` requests click, type and press keys.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** An element of the workbench page, as the test host reads it. */
export interface ShownElement {
  text: string;
  ariaLabel: string | null;
  ariaChecked: string | null;
  className: string | null;
  /** The element's data-id (the picture's elements carry the graph's ids). */
  dataId?: string | null;
}

/** The elements of the workbench page that match a CSS selector (none: an empty list). */
export async function shownElements(name: string, selector: string, timeoutMs = 20_000): Promise<ShownElement[]> {
  return askForElements(name, selector, timeoutMs);
}

/** The same in every frame of the page: webviews and notebook outputs included. */
export async function shownElementsInFrames(name: string, selector: string, timeoutMs = 20_000): Promise<ShownElement[]> {
  return askForElements(name, `frames ${selector}`, timeoutMs);
}

async function askForElements(name: string, selector: string, timeoutMs: number): Promise<ShownElement[]> {
  const folder = process.env.NETNS_LAB_SCREENSHOT_REQUESTS;
  if (!folder) throw new Error('NETNS_LAB_SCREENSHOT_REQUESTS is not set: this host cannot read the page');
  if (!/^[\w.-]+$/u.test(name)) throw new Error(`test bug: request name ${JSON.stringify(name)}`);
  const done = join(folder, `${name}.done`);
  rmSync(done, { force: true });
  // Written aside and renamed, so the host never reads a request that is still empty (a screenshot request).
  writeFileSync(join(folder, `${name}.partial`), selector);
  renameSync(join(folder, `${name}.partial`), join(folder, `${name}.request`));
  const answer = await eventually(() => (existsSync(done) ? readFileSync(done, 'utf8') : undefined), { what: `the page's ${selector}`, timeoutMs, intervalMs: 100 });
  rmSync(done, { force: true });
  const found = JSON.parse(answer) as ShownElement[] | { error: string };
  if (!Array.isArray(found)) throw new Error(`could not read ${selector} in the page: ${found.error}`);
  return found;
}

/** What a user's hands do in the page, in this order: click the first element a selector matches, drag, type, press a key. */
export interface PageAction {
  click?: string;
  /** Click in the first frame whose page holds an element the selector matches (a webview's page), not the workbench's. */
  inFrames?: boolean;
  /** Where to click, in pixels from the element's top left (default: its middle). */
  at?: { x: number; y: number };
  button?: 'left' | 'right';
  /**
   * Press the left button at `from` on the element the selector matches (with `inFrames`, in a webview's page), move
   * to `to` in steps and let go, holding the keys in `holding` (Playwright's names: `Shift`) all the while. The
   * points are pixels from the element's top left.
   */
  drag?: { selector: string; from: { x: number; y: number }; to: { x: number; y: number }; holding?: string[] };
  type?: string;
  /** A key as Playwright names it: `Enter`, `Escape`, `ArrowDown`. */
  press?: string;
  /**
   * Let the workbench show modal dialogs (true) or skip them as VS Code does during extension tests, answering
   * Cancel by itself (false, the default). A test that sets it answers its dialogs in the page and resets it.
   */
  dialogs?: boolean;
}

/**
 * Does it in the workbench page: the only way to answer a quick input's text box or a modal dialog, which no
 * command reaches. Throws with the page's error when, say, nothing matched the selector to click.
 */
export async function actInPage(name: string, action: PageAction, timeoutMs = 20_000): Promise<void> {
  const folder = process.env.NETNS_LAB_SCREENSHOT_REQUESTS;
  if (!folder) throw new Error('NETNS_LAB_SCREENSHOT_REQUESTS is not set: this host cannot act in the page');
  if (!/^[\w.-]+$/u.test(name)) throw new Error(`test bug: request name ${JSON.stringify(name)}`);
  const done = join(folder, `${name}.done`);
  rmSync(done, { force: true });
  writeFileSync(join(folder, `${name}.partial`), `act ${JSON.stringify(action)}`);
  renameSync(join(folder, `${name}.partial`), join(folder, `${name}.request`));
  const answer = await eventually(() => (existsSync(done) ? readFileSync(done, 'utf8') : undefined), { what: `the page to do ${JSON.stringify(action)}`, timeoutMs, intervalMs: 100 });
  rmSync(done, { force: true });
  const result = JSON.parse(answer) as { done: true } | { error: string };
  if ('error' in result) throw new Error(`could not do ${JSON.stringify(action)} in the page: ${result.error}`);
}
