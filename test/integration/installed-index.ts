/**
 * Entry of the installed-package suite (scripts/test-vsix.mjs): the extension is loaded from a .vsix installed into
 * code-server's extensions folder, with a stub (test/host-smoke) as the extension under development. Same mocha
 * set-up as index.ts, with only installed.test.ts.
 */
import { format } from 'node:util';

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'netns-lab-installed', mocha);
  await import('./installed.test.js');
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`installed package: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} installed-package test(s) failed`));
      else resolve();
    });
  });
}
