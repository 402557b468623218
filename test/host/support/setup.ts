// The one set-up of a host test file: a lab prefix of its own and, on request, a LocalHost and a CLI runner, with
// one `after` hook that ends them and removes the prefix's namespaces, root links and lab records, even when tests
// fail. Call it at the top of the file, or inside the `describe` whose tests use the lab. What a file makes itself
// (an sshd server, an SSH host, throwaway users) it ends in `teardown`, which the hook runs first.
import { after } from 'node:test';
import { LocalHost } from '../../../src/core/index.js';
import { createCliRunner, type CliRunner } from './cli.js';
import { createLab, type Lab } from './lab.js';
import { removeLabRecords } from './labs.js';

export interface SetupOptions {
  /** A LocalHost for the file's tests, disposed by the hook. */
  host?: boolean;
  /** A runner of the command line in a fresh working folder, removed by the hook. */
  cli?: boolean;
  /** Ends what the file made itself; runs first in the hook, and the lab is removed even when it throws. */
  teardown?: () => unknown;
}

/** The lab, with `host` and `runner` when the options ask for them. */
export type TestSetup<Options extends SetupOptions> = { lab: Lab } & (Options extends { host: true } ? { host: LocalHost } : unknown) &
  (Options extends { cli: true } ? { runner: CliRunner } : unknown);

/** Makes what `options` asks for and registers the one `after` hook that ends it all. */
export function testSetup<const Options extends SetupOptions = Record<never, never>>(options?: Options): TestSetup<Options> {
  const lab = distinctLab();
  const host = options?.host ? new LocalHost() : undefined;
  const runner = options?.cli ? createCliRunner() : undefined;
  after(async () => {
    try {
      await options?.teardown?.();
    } finally {
      try {
        await host?.dispose();
      } finally {
        lab.cleanup();
        removeLabRecords(lab.prefix);
        runner?.cleanup();
      }
    }
  });
  return { lab, ...(host && { host }), ...(runner && { runner }) } as TestSetup<Options>;
}

const prefixesInUse = new Set<string>();

/** A lab whose prefix no other lab of this process has: a file may set up once per host, or once per suite. */
function distinctLab(): Lab {
  for (;;) {
    const lab = createLab();
    if (prefixesInUse.has(lab.prefix)) continue;
    prefixesInUse.add(lab.prefix);
    return lab;
  }
}
