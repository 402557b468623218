// Run by host-privilege tests as an unprivileged user: tries `ip netns add NAME` through LocalHost and prints
// what happened as one JSON line, so the parent can assert on the error class and message.
import { LocalHost } from '../../../src/core/index.js';

const name = process.argv[2];
if (!name) throw new Error('usage: unprivileged-child.js NAMESPACE');

const host = new LocalHost();
try {
  const result = await host.run(['ip', 'netns', 'add', name]);
  console.log(JSON.stringify({ outcome: 'ran', exitCode: result.exitCode, uid: process.getuid?.() }));
} catch (error) {
  const failure = error as Error;
  console.log(JSON.stringify({ outcome: 'threw', name: failure.name, message: failure.message, uid: process.getuid?.() }));
} finally {
  await host.dispose();
}
