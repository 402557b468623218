// Requests from the tests in the middle of a run. The extension host cannot reach the browser page, so a test writes
// NAME.request into a folder (NETNS_LAB_SCREENSHOT_REQUESTS) and waits for NAME.done. An empty request asks for a
// screenshot (NAME.png in the artifacts folder; NAME.done holds its path); a request holding a CSS selector asks what
// the workbench shows there (NAME.done holds a JSON list of the matching elements' text and attributes); a request
// `act {JSON}` does what a user's hands would: click an element, type text or press a key (quick inputs and modal
// dialogs take no answer from a command), or lets modal dialogs show (see letTestsShowDialogs), and NAME.done holds
// `{"done":true}` or the error.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Answers the requests written into `folder` until the page closes; `say` prints a line of the test host's own. */
export function servePageRequests(page, folder, { artifacts, say }) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || page.isClosed()) return;
    const requests = readdirSync(folder).filter((file) => file.endsWith('.request'));
    busy = true;
    for (const request of requests) {
      const name = basename(request, '.request').replace(/[^\w.-]/g, '_');
      const query = readFileSync(join(folder, request), 'utf8').trim();
      const answer = !query
        ? await screenshotPage(page, join(artifacts, `${name}.png`), say)
        : query.startsWith(ACTION)
          ? await actOnPage(page, query.slice(ACTION.length))
          : query.startsWith(IN_FRAMES)
            ? await queryFrames(page, query.slice(IN_FRAMES.length))
            : await queryPage(page, query);
      rmSync(join(folder, request), { force: true });
      // Renamed into place, so the test never reads half an answer.
      writeFileSync(join(folder, `${name}.answer`), answer);
      renameSync(join(folder, `${name}.answer`), join(folder, `${name}.done`));
    }
    busy = false;
  }, 200);
  timer.unref();
}

async function screenshotPage(page, file, say) {
  await page.screenshot({ path: file, timeout: 10_000 }).catch((error) => say(`screenshot ${basename(file)} failed: ${error.message}`));
  say(`screenshot: ${file}`);
  return file;
}

const ACTION = 'act ';
/** The page's flag that lets the workbench show modal dialogs during the tests (false, or unset: it skips them). */
const SHOW_DIALOGS = 'netnsLabShowDialogs';
const SKIP_DIALOGS = 'skipDialogs(){return ';

/**
 * VS Code answers every modal dialog with Cancel by itself while it runs extension tests (its dialog services'
 * skipDialogs), so no test could see, picture or answer one. The workbench script is served with that check asking
 * the page's flag first; `act {"dialogs": true}` sets it for a test that answers its dialogs in the page, and
 * `false` restores the usual skipping. Unset, nothing changes.
 */
export async function letTestsShowDialogs(page, say) {
  await page.route(/\/out\/vs\/code\/browser\/workbench\/workbench\.js(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const script = await response.text();
    if (!script.includes(SKIP_DIALOGS)) say(`the workbench has no "${SKIP_DIALOGS}": tests cannot show modal dialogs`);
    await route.fulfill({ response, body: script.replaceAll(SKIP_DIALOGS, `skipDialogs(){if(globalThis.${SHOW_DIALOGS})return false;return `) });
  });
}

/**
 * `{ click: SELECTOR }` (with `inFrames`, `at` and `button`: see clickIn), `{ drag: … }` (see dragIn),
 * `{ type: TEXT }`, `{ press: KEY }` (Playwright's key names) and `{ dialogs: BOOLEAN }`, done in that order.
 */
async function actOnPage(page, json) {
  try {
    const action = JSON.parse(json);
    if (typeof action.dialogs === 'boolean') await page.evaluate(([flag, on]) => (globalThis[flag] = on), [SHOW_DIALOGS, action.dialogs]);
    if (typeof action.click === 'string') await clickIn(page, action);
    if (action.drag) await dragIn(page, action.drag, action.inFrames === true);
    if (typeof action.type === 'string') await page.keyboard.type(action.type);
    if (typeof action.press === 'string') await page.keyboard.press(action.press);
    return JSON.stringify({ done: true });
  } catch (error) {
    return JSON.stringify({ error: error.message });
  }
}

/**
 * Clicks the first element the selector matches: in the workbench page, or with `inFrames` in the first frame that
 * holds one (a webview's page), then at `at` (pixels from the element's top left) with `button` when given.
 */
async function clickIn(page, action) {
  const options = { timeout: 5_000, ...(action.at ? { position: action.at } : {}), ...(action.button ? { button: action.button } : {}) };
  if (!action.inFrames) return page.click(action.click, options);
  for (const frame of page.frames()) {
    const found = await frame.$(action.click).catch(() => null);
    if (found) return found.click(options);
  }
  throw new Error(`no frame holds ${action.click}`);
}

/**
 * Presses the left button at `from` on the first element the selector matches (in the workbench, or with
 * `inFrames` in the first frame that holds one), moves to `to` in small steps as a hand does, and lets go, holding
 * the keys of `holding` meanwhile. `from` and `to` are pixels from the element's top left.
 */
async function dragIn(page, { selector, from, to, holding = [] }, inFrames) {
  const frames = inFrames ? page.frames() : [page.mainFrame()];
  let box;
  for (const frame of frames) {
    const found = await frame.$(selector).catch(() => null);
    box = found && (await found.boundingBox());
    if (box) break;
  }
  if (!box) throw new Error(`nothing shown matches ${selector}`);
  const at = (point) => [box.x + point.x, box.y + point.y];
  for (const key of holding) await page.keyboard.down(key);
  try {
    await page.mouse.move(...at(from));
    await page.mouse.down();
    await page.mouse.move(...at(to), { steps: 12 });
    await page.mouse.up();
  } finally {
    for (const key of [...holding].reverse()) await page.keyboard.up(key);
  }
}

/** The elements matching the selector: their text, aria-label, aria-checked, class and data-id. */
async function queryPage(page, selector) {
  const found = await page.$$eval(selector, describeElements).catch((error) => ({ error: error.message }));
  return JSON.stringify(found);
}

/**
 * `frames SELECTOR`: the same in every frame of the page, the webviews' too (a notebook's outputs are drawn in one),
 * in the order of the frames; a frame that goes away meanwhile counts as holding none.
 */
const IN_FRAMES = 'frames ';
async function queryFrames(page, selector) {
  try {
    const found = [];
    for (const frame of page.frames()) found.push(...(await frame.$$eval(selector, describeElements).catch(() => [])));
    return JSON.stringify(found);
  } catch (error) {
    return JSON.stringify({ error: error.message });
  }
}

function describeElements(elements) {
  return elements.map((element) => ({
    text: element.textContent ?? '',
    ariaLabel: element.getAttribute('aria-label'),
    ariaChecked: element.getAttribute('aria-checked'),
    className: element.getAttribute('class'),
    dataId: element.getAttribute('data-id'),
  }));
}
