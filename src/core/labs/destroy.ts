/**
 * Destroying a lab removes exactly what is the lab's, with or without its file: the namespaces its record lists
 * (checked by inode, so a name someone reused is left alone) or, without a record, the namespaces named
 * `<lab>-…` whose `lo` carries the lab's tag; and the root-namespace links that carry the tag. Everything goes
 * in one `ip -batch`; the lab's veths and bridges inside its namespaces go with them.
 */
import type { Host } from '../host/host.js';
import { ipBatchArgv, ipArgv, linkDelete, namespaceDelete, type IpCommand } from '../iproute2/commands.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { parseLinks } from '../iproute2/parse.js';
import { CommandError } from '../errors.js';
import { batchLine } from '../quote.js';
import { labTag } from '../topology/model.js';
import { readTaggedNamespaces } from './observed.js';
import { readLabRecord, readNamespaceInodes, removeLabRecord, type LabRecord } from './registry.js';

export interface DestroyPlan {
  lab: string;
  namespaces: string[];
  rootInterfaces: string[];
  /** Namespaces the record lists that now belong to someone else (the name was reused): left alone. */
  skipped: string[];
}

export interface DestroyOptions {
  dryRun?: boolean;
  onProgress?: (message: string) => void;
}

/** Finds what belongs to the lab; changes nothing. */
export async function planDestroy(host: Host, lab: string): Promise<DestroyPlan> {
  const record = await readLabRecord(host, lab);
  const names = await host.listNamespaceNames();
  const { namespaces, skipped } = record ? await recordedNamespaces(host, lab, record, names) : { namespaces: await taggedByName(host, lab, names), skipped: [] };
  return { lab, namespaces, rootInterfaces: await taggedRootLinks(host, lab), skipped };
}

/** Removes everything of the lab; resolves with what it removed. Destroying a lab that is not there changes nothing. */
export async function destroyLab(host: Host, lab: string, options: DestroyOptions = {}): Promise<DestroyPlan> {
  options.onProgress?.(`Finding lab ${lab} on ${host.label}`);
  const plan = await planDestroy(host, lab);
  if (options.dryRun) return plan;
  const commands = [...plan.rootInterfaces.map((name) => linkDelete(null, name)), ...plan.namespaces.map((name) => namespaceDelete(name))];
  if (commands.length > 0) {
    options.onProgress?.(`Removing ${plan.namespaces.length} namespace${plan.namespaces.length === 1 ? '' : 's'}`);
    await removeAll(host, commands);
    await checkGone(host, plan);
  }
  await removeLabRecord(host, lab);
  return plan;
}

async function recordedNamespaces(host: Host, lab: string, record: LabRecord, names: readonly string[]): Promise<{ namespaces: string[]; skipped: string[] }> {
  const present = new Set(names);
  const listed = record.namespaces.filter((entry) => present.has(entry.name));
  const inodes = await readNamespaceInodes(host, listed.filter((entry) => entry.inode !== undefined).map((entry) => entry.name));
  const namespaces: string[] = [];
  const skipped: string[] = [];
  for (const entry of listed) {
    if (entry.inode === undefined) continue;
    (inodes.get(entry.name) === entry.inode ? namespaces : skipped).push(entry.name);
  }
  // Entries without an inode come from a deploy that was cut short: only their tag can tell.
  const unverified = listed.filter((entry) => entry.inode === undefined).map((entry) => entry.name);
  namespaces.push(...(await readTaggedNamespaces(host, lab, unverified)));
  return { namespaces, skipped };
}

function taggedByName(host: Host, lab: string, names: readonly string[]): Promise<string[]> {
  return readTaggedNamespaces(host, lab, names.filter((name) => name.startsWith(`${lab}-`)));
}

async function taggedRootLinks(host: Host, lab: string): Promise<string[]> {
  const result = await host.run(['ip', '-j', 'link', 'show']);
  if (result.exitCode !== 0) throw new CommandError('Could not list the links of the root namespace', { argv: ['ip', '-j', 'link', 'show'], exitCode: result.exitCode, stderr: result.stderr });
  const tag = labTag(lab);
  return parseLinks(parseJsonValues(result.stdout, 'the root namespace')[0]).filter((link) => link.alias === tag).map((link) => link.name);
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
  const left = plan.namespaces.filter((name) => names.has(name));
  if (left.length > 0) {
    throw new CommandError(`Could not remove all of lab ${plan.lab}`, { argv: ['ip', 'netns', 'delete'], exitCode: 1, stderr: `still there: ${left.join(', ')}` });
  }
}
