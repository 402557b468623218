// Requests from the tests in the middle of a run. The extension host cannot reach the browser page, so a test writes
// NAME.request into a folder (NETNS_LAB_SCREENSHOT_REQUESTS) and waits for NAME.done. An empty request asks for a
// screenshot (NAME.png in the artifacts folder; NAME.done holds its path); a request holding a CSS selector asks what
// the workbench shows there (NAME.done holds a JSON list of the matching elements' text and attributes).
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
      const answer = query ? await queryPage(page, query) : await screenshotPage(page, join(artifacts, `${name}.png`), say);
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

/** The elements matching the selector: their text, aria-label, aria-checked and class. */
async function queryPage(page, selector) {
  const found = await page.$$eval(selector, (elements) => elements.map((element) => ({
    text: element.textContent ?? '',
    ariaLabel: element.getAttribute('aria-label'),
    ariaChecked: element.getAttribute('aria-checked'),
    className: element.getAttribute('class'),
  }))).catch((error) => ({ error: error.message }));
  return JSON.stringify(found);
}
