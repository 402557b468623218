// Stands in for an extension host or a CLI that gets killed: makes a host (this machine, or an SSH alias), starts on
// it what a session keeps running (a change monitor of a namespace, and a command that leaves a daemon and a
// background process), prints one JSON line with its host's owner mark, and then waits to be killed.
import { LocalHost, SshHost, watchNamespaceChanges, type Host } from '../../../src/core/index.js';

const [namespace, alias, sshConfigFile] = process.argv.slice(2);
if (!namespace) throw new Error('usage: owner-child.js NAMESPACE [SSH-ALIAS SSH-CONFIG]');

const host: Host = alias ? new SshHost(alias, sshConfigFile ? { sshConfigFile } : {}) : new LocalHost();
// The mark every shell of the host carries, as a command sees it.
const token = (await host.run(['sh', '-c', 'printf %s "$NETNS_LAB_OWNER"'])).stdout;
await new Promise<void>((resolve) => watchNamespaceChanges(host, [namespace], () => undefined, { onReady: resolve }));
const command = await host.start(['sh', '-c', 'setsid sleep 1000 </dev/null >/dev/null 2>&1 & sleep 1001 & echo started; wait']);
command.stderr.resume();
await new Promise<void>((resolve) => command.stdout.once('data', () => resolve()));
command.stdout.resume();
const controlPath = host instanceof SshHost ? host.controlPath : undefined;
console.log(JSON.stringify({ token, controlPath }));
setInterval(() => undefined, 60_000);
