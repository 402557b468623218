/**
 * The shell script that reads many namespaces in one round trip: one `ip -batch` process per namespace, outputs
 * framed with NUL bytes (which neither namespace names nor JSON can contain). Names reach the script as
 * positional parameters, never spliced into its text.
 */
import { runChecked, type Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';

/**
 * Framing: NUL NAME NUL OUTPUT NUL STATUS NUL STDERR NUL, per namespace; the root namespace's NAME is empty.
 * Starting programs dominates the cost (and does not run in parallel on the machines measured), so a namespace
 * costs exactly one: the batch comes from a here-document rather than a pipe, and ip's stderr goes to a file
 * that is printed only when ip failed, rather than being captured by a subshell.
 */
const READ_SCRIPT = `
batch=$1; options=$2; mode=$3; shift 3
errors=$(mktemp) || exit 1
trap 'rm -f "$errors"' EXIT
read_one() {
  printf '\\0%s\\0' "$1"
  if [ -z "$1" ]; then set --; else set -- -n "$1"; fi
  ip "$@" $options -batch - 2>"$errors" <<NETNS_LAB_BATCH
$batch
NETNS_LAB_BATCH
  status=$?
  printf '\\0%d\\0' "$status"
  if [ "$status" -ne 0 ]; then cat "$errors"; fi
  printf '\\0'
}
if [ "$mode" = all ]; then
  for file in /run/netns/* /run/netns/.[!.]* /run/netns/..?*; do
    if [ -e "$file" ]; then set -- "$@" "\${file##*/}"; fi
  done
  read_one ''
fi
for name in "$@"; do read_one "$name"; done
`;

/** What one namespace's batch printed. */
export interface RawNamespaceOutput {
  name: NamespaceName;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Which namespaces to read: all of them (the root first), or the given ones (`null`: the root). */
export type NamespaceSelection = 'all' | readonly NamespaceName[];

/** Runs `batch` (ip batch lines) in every selected namespace, in one shell process on the host. */
export async function readNamespacesRaw(host: Host, batch: string, options: readonly string[], selection: NamespaceSelection): Promise<RawNamespaceOutput[]> {
  const names = selection === 'all' ? [] : selection.map((name) => name ?? '');
  const argv = ['sh', '-c', READ_SCRIPT, 'netns-lab-read', batch, options.join(' '), selection === 'all' ? 'all' : 'list', ...names];
  const result = await runChecked(host, argv, 'Reading the namespaces failed');
  return splitFramedOutput(result.stdout);
}

/** Splits the script's NUL-framed output into one record per namespace. */
export function splitFramedOutput(output: string): RawNamespaceOutput[] {
  const fields = output.split('\0');
  const records: RawNamespaceOutput[] = [];
  for (let index = 0; index + 4 < fields.length; index += 5) {
    const name = fields[index + 1]!;
    records.push({
      name: name === '' ? null : name,
      stdout: fields[index + 2]!,
      exitCode: Number(fields[index + 3]),
      stderr: fields[index + 4]!,
    });
  }
  return records;
}
