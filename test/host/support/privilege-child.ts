// Run by privilege tests as a throwaway user: a LocalHost (kept behind a GuardedHost, as the editor keeps it) takes
// the steps given as JSON in argv[2] and prints one JSON line with what each did and how often it asked for the
// password. Steps: "run" (ip netns add NAME), "read" (ip -n NAME link show), "allow" (a user's action). With
// `askpass`, it then runs `sudo -A id -u` with a one-time askpass helper holding that password, as a terminal would.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { execa } from 'execa';
import { oneTimeAskpass } from '../../../src/core/host/askpass.js';
import { GuardedHost } from '../../../src/core/host/guarded-host.js';
import { LocalHost } from '../../../src/core/index.js';
import type { PrivilegeMode } from '../../../src/core/index.js';

interface Spec {
  privilege: PrivilegeMode;
  /** What the password box answers, in turn; null: the box is closed. Absent: there is no box. */
  answers?: Array<string | null>;
  namespace: string;
  steps: Array<'run' | 'read' | 'allow'>;
  askpass?: string;
}

const spec = JSON.parse(process.argv[2] ?? '') as Spec;
const asked: string[] = [];
const answers = [...(spec.answers ?? [])];
const askPassword = spec.answers && (async (message: string): Promise<string | undefined> => (asked.push(message), answers.shift() ?? undefined));
const host = new GuardedHost(new LocalHost({ privilege: spec.privilege, ...(askPassword ? { askPassword } : {}) }));
const results: unknown[] = [];
try {
  for (const step of spec.steps) {
    if (step === 'allow') {
      host.allowAsking();
      continue;
    }
    const argv = step === 'run' ? ['ip', 'netns', 'add', spec.namespace] : ['ip', '-n', spec.namespace, 'link', 'show', 'lo'];
    try {
      const result = await host.run(argv);
      results.push({ outcome: 'ran', exitCode: result.exitCode, stderr: result.stderr });
    } catch (error) {
      const failure = error as Error & { problem?: string; missingCapabilities?: string[] };
      results.push({ outcome: 'threw', name: failure.name, problem: failure.problem, message: failure.message, missing: failure.missingCapabilities });
    }
  }
} finally {
  await host.dispose();
}
let askpass: unknown;
if (spec.askpass !== undefined) {
  const helper = await oneTimeAskpass(spec.askpass);
  // -k: whatever sudo may have kept from the steps above, it must take the password from the helper.
  const sudo = await execa('sudo', ['-k', '-A', '-p', 'unused: ', '--', 'id', '-u'], { reject: false, stdin: 'ignore', env: { SUDO_ASKPASS: helper.helper }, timeout: 20_000 });
  const folderWhileOpen = existsSync(dirname(helper.helper));
  await helper.dispose();
  askpass = { exitCode: sudo.exitCode, stdout: sudo.stdout, stderr: sudo.stderr, folderWhileOpen, folderAfter: existsSync(dirname(helper.helper)) };
}
console.log(JSON.stringify({ uid: process.getuid?.(), asked, results, askpass }));
