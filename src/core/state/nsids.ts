/**
 * Resolving the nsids that links point through (`link_netnsid`) to the namespaces they stand for, exactly and at
 * a cost that grows with the number of namespaces and links, not with its square.
 *
 * The netlink helper (Python, on the target) does it in one process: it gives every namespace an nsid of its own
 * choosing inside a throwaway namespace, then lists each namespace's nsids with those (see `netlink-helper.ts`).
 * Where the target has no Python 3 (or a kernel older than 4.20), `ip netns list` inside each namespace resolves
 * what it can: named namespaces only, and it opens every name, so that way grows with the square.
 */
import type { Host } from '../host/host.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { parseNetnsList } from '../iproute2/parse.js';
import type { NamespaceName, NamespaceState } from '../model.js';
import { namespacePath, runNetlinkHelper } from './netlink-helper-run.js';

/**
 * Fills `nsids` of every state whose links point into other namespaces. `everyNamespace` lists the host's
 * namespaces (the candidates; the states' own are added), and is called only when some link needs it.
 */
export async function resolveNsids(host: Host, states: readonly NamespaceState[], everyNamespace: () => Promise<readonly NamespaceName[]>): Promise<void> {
  const asked = states.filter(pointsElsewhere);
  if (asked.length === 0) return;
  const files = [...new Set<NamespaceName>([...states.map((state) => state.name), ...(await everyNamespace())])];
  const answer = await runNetlinkHelper(host, { namespaces: files, ask: asked.map((state) => [files.indexOf(state.name), wantedNsids(state)] as const) });
  if (answer === undefined) return resolveWithIp(host, asked);
  asked.forEach((state, index) => {
    for (const [nsid, file] of answer.nsids[index] ?? []) if (file >= 0) state.nsids.push({ id: nsid, namespace: files[file]! });
  });
}

/** The distinct nsids a namespace's links point through. */
function wantedNsids(state: NamespaceState): number[] {
  return [...new Set(state.links.flatMap((link) => (link.linkNetnsId !== undefined && link.linkNetnsId >= 0 ? [link.linkNetnsId] : [])))];
}

function pointsElsewhere(state: NamespaceState): boolean {
  return state.error === undefined && state.links.some((link) => link.linkNetnsId !== undefined && link.linkNetnsId >= 0);
}

/** Without the helper: `ip netns list` inside each namespace that asks, one process each, named peers only. */
async function resolveWithIp(host: Host, asked: readonly NamespaceState[]): Promise<void> {
  for (const state of asked) {
    const result = await host.run(['nsenter', `--net=${namespacePath(state.name)}`, 'ip', '-j', 'netns', 'list']);
    if (result.exitCode !== 0) continue;
    const text = result.stdout.trim();
    const entries = parseNetnsList(text === '' ? undefined : parseJsonValues(text, 'ip -j netns list')[0]);
    const wanted = new Set(state.links.map((link) => link.linkNetnsId));
    for (const entry of entries) if (entry.id !== undefined && wanted.has(entry.id)) state.nsids.push({ id: entry.id, namespace: entry.name });
  }
}
