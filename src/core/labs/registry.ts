/**
 * The record each deployed lab leaves on its host, in /run/netns-lab/labs (a tmpfs, gone at reboot with the
 * namespaces themselves): which namespaces are the lab's, each with the identity of its /run/netns entry (the
 * namespace's inode number and that inode's change time, to the nanosecond: the kernel reuses inode numbers of
 * deleted namespaces at once, but the time tells a new namespace from the old). `destroy` finds a lab's
 * namespaces from it in one `stat`, and an identity that no longer matches means the name was reused by someone
 * else, so that namespace is left alone. Without a record (a lab deployed before, or a
 * record lost), the tags on each namespace's `lo` are the authority, read one namespace at a time.
 */
import type { Host } from '../host/host.js';

const REGISTRY_DIRECTORY = '/run/netns-lab/labs';

export interface LabRecord {
  lab: string;
  /** The topology file it was last deployed from, as given. */
  file?: string;
  /** `identity` is absent while a deploy that creates the namespace is under way. */
  namespaces: Array<{ name: string; identity?: string }>;
  rootInterfaces: string[];
  deployedAt: string;
}

/** A file name for any lab name: percent-encoded, dots included, so `..` stays a plain name. */
function recordFile(lab: string): string {
  return `${encodeURIComponent(lab).replace(/\./gu, '%2E')}.json`;
}

export async function readLabRecord(host: Host, lab: string): Promise<LabRecord | undefined> {
  const result = await host.run(['cat', `${REGISTRY_DIRECTORY}/${recordFile(lab)}`]);
  if (result.exitCode !== 0) return undefined;
  return parseRecord(result.stdout);
}

/** Every lab recorded on the host, in one round trip. */
export async function readLabRecords(host: Host): Promise<LabRecord[]> {
  const texts = host.readJsonFiles ? await host.readJsonFiles(REGISTRY_DIRECTORY) : await readJsonFilesThroughShell(host);
  return texts
    .map(parseRecord)
    .filter((record): record is LabRecord => record !== undefined)
    .sort((first, second) => (first.lab < second.lab ? -1 : first.lab > second.lab ? 1 : 0));
}

async function readJsonFilesThroughShell(host: Host): Promise<string[]> {
  const script = 'for file in "$1"/*.json; do if [ -f "$file" ]; then cat "$file"; printf "\\0"; fi; done; exit 0';
  return (await host.run(['sh', '-c', script, 'sh', REGISTRY_DIRECTORY])).stdout.split('\0');
}

export async function writeLabRecord(host: Host, record: LabRecord): Promise<void> {
  // Written beside and renamed into place, so a reader never sees half a record; printf is the shell's own, so
  // the one program started is mv (mkdir only the first time).
  const script = '{ [ -d "$1" ] || mkdir -p "$1"; } && printf %s "$3" > "$1/.$2.tmp" && mv -f "$1/.$2.tmp" "$1/$2"';
  const result = await host.run(['sh', '-c', script, 'sh', REGISTRY_DIRECTORY, recordFile(record.lab), JSON.stringify(record)]);
  if (result.exitCode !== 0) throw new Error(`Could not record lab ${record.lab} in ${REGISTRY_DIRECTORY}: ${result.stderr.trim()}`);
}

export async function removeLabRecord(host: Host, lab: string): Promise<void> {
  await host.run(['rm', '-f', `${REGISTRY_DIRECTORY}/${recordFile(lab)}`]);
}

/** Identities (`INODE@CHANGE-TIME`) of the given namespaces' /run/netns entries; a missing namespace has none. */
export async function readNamespaceIdentities(host: Host, names: readonly string[]): Promise<Map<string, string>> {
  const identities = new Map<string, string>();
  if (names.length === 0) return identities;
  const result = await host.run(['stat', '-L', '--printf', '%i|%z|%n\\0', '--', ...names.map((name) => `/run/netns/${name}`)]);
  for (const entry of result.stdout.split('\0')) {
    const [inode, changed, ...path] = entry.split('|');
    if (path.length === 0) continue;
    identities.set(path.join('|').slice('/run/netns/'.length), `${inode}@${changed}`);
  }
  return identities;
}

function parseRecord(text: string): LabRecord | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value = JSON.parse(text) as LabRecord;
    return typeof value.lab === 'string' && Array.isArray(value.namespaces) ? value : undefined;
  } catch {
    return undefined;
  }
}
