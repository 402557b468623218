/**
 * Destroying a lab removes exactly what is the lab's, with or without its file: the namespaces its record lists
 * (checked by identity, so a name someone reused is left alone) or, without a record, the namespaces named
 * `<lab>-…` whose `lo` carries the lab's tag; and the root-namespace links that carry the tag. Everything goes
 * in one `ip -batch`; the lab's veths and bridges inside its namespaces go with them.
 */
import { listSome } from '../display.js';
import type { Host } from '../host/host.js';
import { ipBatchArgv, ipArgv, linkDelete, namespaceDelete, type IpCommand } from '../iproute2/commands.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { parseLinks } from '../iproute2/parse.js';
import { CommandError, HostError } from '../errors.js';
import { readNamespaceSet } from '../state/read.js';
import { batchLine } from '../quote.js';
import { labTag } from '../topology/model.js';
import { readTaggedNamespaces } from './observed.js';
import { readLabRecord, readNamespaceIdentities, removeLabRecord, type LabRecord } from './registry.js';

export interface DestroyPlan {
  lab: string;
  namespaces: string[];
  rootInterfaces: string[];
  /** Of `rootInterfaces`, the veth ends whose peers are in `namespaces`: they go with them. */
  rootPeersOfNamespaces: string[];
  /** Namespaces the record lists that now belong to someone else (the name was reused): left alone. */
  skipped: string[];
}

export interface DestroyOptions {
  dryRun?: boolean;
  onProgress?: (message: string) => void;
}

/** Finds what belongs to the lab; changes nothing. `record`: the lab's record when the caller has read it already. */
export async function planDestroy(host: Host, lab: string, known?: { record: LabRecord | undefined }): Promise<DestroyPlan> {
  const record = known ? known.record : await readLabRecord(host, lab);
  const names = await host.listNamespaceNames();
  const { namespaces, skipped } = record ? await recordedNamespaces(host, lab, record, names) : { namespaces: await taggedByName(host, lab, names), skipped: [] };
  const rootLinks = await taggedRootLinks(host, lab);
  const doomed = new Set(namespaces);
  return {
    lab,
    namespaces,
    rootInterfaces: rootLinks.map((link) => link.name),
    rootPeersOfNamespaces: rootLinks.filter((link) => link.peerNamespace !== undefined && doomed.has(link.peerNamespace)).map((link) => link.name),
    skipped,
  };
}

/** Removes everything of the lab; resolves with what it removed. Destroying a lab that is not there changes nothing. */
export async function destroyLab(host: Host, lab: string, options: DestroyOptions = {}): Promise<DestroyPlan> {
  options.onProgress?.(`Finding lab ${lab} on ${host.label}`);
  const plan = await planDestroy(host, lab);
  if (options.dryRun) return plan;
  // Deleting veths one by one costs the kernel a wait each (about 20 ms here); deleting their namespaces lets it
  // remove them all at once. So root ends whose peers are in the lab's namespaces are left to go with them.
  const alongside = new Set(plan.rootPeersOfNamespaces);
  const explicit = plan.rootInterfaces.filter((name) => !alongside.has(name));
  const commands = [...plan.namespaces.map((name) => namespaceDelete(name)), ...explicit.map((name) => linkDelete(null, name))];
  if (commands.length > 0) {
    options.onProgress?.(`Removing ${plan.namespaces.length} namespace${plan.namespaces.length === 1 ? '' : 's'}`);
    await removeAll(host, commands);
    const late = await waitForRootLinksGone(host, [...alongside]);
    if (late.length > 0)
      await removeAll(
        host,
        late.map((name) => linkDelete(null, name)),
      );
    await checkGone(host, plan);
  }
  await removeLabRecord(host, lab);
  return plan;
}

async function recordedNamespaces(host: Host, lab: string, record: LabRecord, names: readonly string[]): Promise<{ namespaces: string[]; skipped: string[] }> {
  const present = new Set(names);
  const listed = record.namespaces.filter((entry) => present.has(entry.name));
  const identities = await readNamespaceIdentities(
    host,
    listed.filter((entry) => entry.identity !== undefined).map((entry) => entry.name),
  );
  const namespaces: string[] = [];
  const skipped: string[] = [];
  for (const entry of listed) {
    if (entry.identity === undefined) continue;
    (identities.get(entry.name) === entry.identity ? namespaces : skipped).push(entry.name);
  }
  // Entries without an identity come from a deploy that was cut short: only their tag can tell.
  const unverified = listed.filter((entry) => entry.identity === undefined).map((entry) => entry.name);
  namespaces.push(...(await readTaggedNamespaces(host, lab, unverified)));
  return { namespaces, skipped };
}

function taggedByName(host: Host, lab: string, names: readonly string[]): Promise<string[]> {
  return readTaggedNamespaces(
    host,
    lab,
    names.filter((name) => name.startsWith(`${lab}-`)),
  );
}

interface RootLink {
  name: string;
  /** For a veth: the named namespace its peer is in, when the root namespace's nsid map names it. */
  peerNamespace?: string;
}

async function taggedRootLinks(host: Host, lab: string): Promise<RootLink[]> {
  const [root] = await readNamespaceSet(host, [null]);
  if (!root || root.error !== undefined) throw new HostError(`Could not read the root namespace of ${host.label}: ${root?.error ?? 'no output'}`);
  const tag = labTag(lab);
  return root.links
    .filter((link) => link.alias === tag)
    .map((link) => {
      const peerNamespace = link.kind === 'veth' ? (root.nsids.find((entry) => entry.id === link.linkNetnsId)?.namespace ?? undefined) : undefined;
      return peerNamespace === undefined ? { name: link.name } : { name: link.name, peerNamespace };
    });
}

/** Waits (briefly) for the kernel to finish removing links of deleted namespaces; returns those still there. */
async function waitForRootLinksGone(host: Host, names: readonly string[]): Promise<string[]> {
  let left = [...names];
  const deadline = performance.now() + ROOT_PEERS_GONE_WITHIN_MS;
  while (left.length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const present = new Set(await rootLinkNames(host));
    left = left.filter((name) => present.has(name));
  }
  return left;
}

/** How long the kernel gets to clean up deleted namespaces before their root peers are deleted one by one. */
const ROOT_PEERS_GONE_WITHIN_MS = 5000;

async function rootLinkNames(host: Host): Promise<string[]> {
  const result = await host.run(['ip', '-j', 'link', 'show']);
  if (result.exitCode !== 0) return [];
  return parseLinks(parseJsonValues(result.stdout, 'the root namespace')[0]).map((link) => link.name);
}

/**
 * One `ip -force -batch` for all: -force goes on past a line that fails (a veth already gone with its peer's
 * namespace, say), and what is left is checked afterwards. Names a batch line cannot hold run on their own.
 */
async function removeAll(host: Host, commands: readonly IpCommand[]): Promise<void> {
  const lines: string[] = [];
  for (const command of commands) {
    const line = batchLine(command.args);
    if (line === undefined) await host.run(ipArgv(command));
    else lines.push(line);
  }
  if (lines.length > 0) await host.run(ipBatchArgv(null, ['-force']), { input: `${lines.join('\n')}\n` });
}

async function checkGone(host: Host, plan: DestroyPlan): Promise<void> {
  const names = new Set(await host.listNamespaceNames());
  const links = new Set(plan.rootInterfaces.length > 0 ? await rootLinkNames(host) : []);
  const left = [...plan.namespaces.filter((name) => names.has(name)), ...plan.rootInterfaces.filter((name) => links.has(name))];
  if (left.length > 0) {
    throw new CommandError(`Could not remove all of lab ${plan.lab}`, { argv: ['ip', 'netns', 'delete'], exitCode: 1, stderr: `still there: ${listSome(left)}` });
  }
}
