/**
 * The shell script that reads many namespaces in one round trip: one `ip -batch` process per namespace, outputs
 * framed with NUL bytes (which neither namespace names nor JSON can contain). Names reach the script as
 * positional parameters, never spliced into its text.
 */
import { runChecked, type Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';

/**
 * Framing: NUL REF NUL OUTPUT NUL STATUS NUL STDERR NUL, per namespace; the root namespace's REF is empty.
 * Starting programs dominates the cost, so a namespace costs exactly one `ip` and one `nsenter` (which enters
 * the namespace without the mount namespace and /sys remount that `ip -n` makes, half the time of `ip -n`): the
 * batch comes from a here-document rather than a pipe, and ip's stderr goes to a file that is printed only when
 * ip failed, rather than being captured by a subshell. A name is entered through /run/netns, a namespace without
 * a name through its path; without nsenter, names fall back to `ip -n`.
 */
const READ_SCRIPT = `
batch=$1; options=$2; shift 2
errors=$(mktemp) || exit 1
trap 'rm -f "$errors"' EXIT
if command -v nsenter >/dev/null 2>&1; then enter=yes; else enter=; fi
read_one() {
  printf '\\0%s\\0' "$1"
  case $1 in
    '') set -- ip ;;
    /*) set -- nsenter "--net=$1" ip ;;
    *) if [ -n "$enter" ]; then set -- nsenter "--net=/run/netns/$1" ip; else set -- ip -n "$1"; fi ;;
  esac
  "$@" $options -batch - 2>"$errors" <<NETNS_LAB_BATCH
$batch
NETNS_LAB_BATCH
  status=$?
  printf '\\0%d\\0' "$status"
  if [ "$status" -ne 0 ]; then cat "$errors"; fi
  printf '\\0'
}
for name in "$@"; do read_one "$name"; done
`;

/** What one namespace's batch printed. */
export interface RawNamespaceOutput {
  name: NamespaceName;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `batch` (ip batch lines) in each of the namespaces (`null`: the root), in one shell process on the host. */
export async function readNamespacesRaw(host: Host, batch: string, options: readonly string[], namespaces: readonly NamespaceName[]): Promise<RawNamespaceOutput[]> {
  const argv = ['sh', '-c', READ_SCRIPT, 'netns-lab-read', batch, options.join(' '), ...namespaces.map((name) => name ?? '')];
  // The root namespace is where the host's shells run: reading it needs no privilege, entering another does.
  const result = await runChecked(host, argv, 'Reading the namespaces failed', { unprivileged: namespaces.every((name) => name === null) });
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
