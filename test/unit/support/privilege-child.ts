// Run by privilege tests as a throwaway user: a LocalHost (kept behind a GuardedHost, as the editor keeps it) takes
// the steps given as JSON in argv[2] and prints one JSON line with what each did and how often it asked for the
// password. Steps: "run" (ip netns add NAME), "read" (ip -n NAME link show), "allow" (a user's action).
import { GuardedHost } from '../../../src/core/host/guarded-host.js';
import { LocalHost } from '../../../src/core/index.js';
import type { PrivilegeMode } from '../../../src/core/index.js';

interface Spec {
  privilege: PrivilegeMode;
  /** What the password box answers, in turn; null: the box is closed. Absent: there is no box. */
  answers?: Array<string | null>;
  namespace: string;
  steps: Array<'run' | 'read' | 'allow'>;
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
      const failure = error as Error & { problem?: string };
      results.push({ outcome: 'threw', name: failure.name, problem: failure.problem, message: failure.message });
    }
  }
} finally {
  await host.dispose();
}
console.log(JSON.stringify({ uid: process.getuid?.(), asked, results }));
