/**
 * Deploying and destroying a 100-namespace lab (each namespace with a veth to a shared bridge in the root
 * namespace, an address and a default route): `deployLab` against one `ip` process per step and against a
 * hand-batched shell script, in the same run. Also times a re-deploy with nothing to change and `destroyLab`.
 * Targets: >= 8x faster than one process per step, within 1.3x of hand-batched, destroy within 0.5 s.
 */
import { execa } from 'execa';
import { deployLab, destroyLab, ip, LocalHost, type Topology } from '../src/core/index.js';
import { measure, PREFIX, removeLab, report } from './support.js';

const COUNT = 100;
const BRIDGE = `${PREFIX}br`;
const GATEWAY = '10.210.0.1';

export interface Member {
  name: string;
  namespace: string;
  rootEnd: string;
  address: string;
}

/** The lab's members: namespace `PREFIX-nI` with root end `PREFIXvI` on the shared bridge. */
export function members(count = COUNT): Member[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `n${index}`,
    namespace: `${PREFIX}-n${index}`,
    rootEnd: `${PREFIX}v${index}`,
    address: `10.210.${1 + Math.floor(index / 250)}.${1 + (index % 250)}/16`,
  }));
}

export function topology(lab: Member[]): Topology {
  return {
    lab: PREFIX,
    namespaces: lab.map((member) => ({ name: member.name, netns: member.namespace, sysctls: {}, routes: [{ destination: 'default', via: GATEWAY }] })),
    bridges: [{ name: BRIDGE, namespace: null, addresses: [`${GATEWAY}/16`], ports: lab.map((member) => member.rootEnd) }],
    links: lab.map((member) => ({
      endpoints: [
        { namespace: member.namespace, interface: 'eth0', addresses: [member.address] },
        { namespace: null, interface: member.rootEnd, addresses: [] },
      ],
    })),
  };
}

/** The same lab as plain `ip` commands: root ones first, then each namespace's. */
function commands(lab: Member[]): ip.IpCommand[] {
  const root = [ip.bridgeAdd(null, BRIDGE), ip.addressAdd(null, BRIDGE, `${GATEWAY}/16`), ip.linkSetUp(null, BRIDGE)];
  const inner: ip.IpCommand[] = [];
  for (const member of lab) {
    root.push(ip.namespaceAdd(member.namespace));
    root.push(ip.vethAdd({ name: member.rootEnd, namespace: null }, { name: 'eth0', namespace: member.namespace }));
    root.push(ip.linkSetMaster(null, member.rootEnd, BRIDGE), ip.linkSetUp(null, member.rootEnd));
    inner.push(ip.linkSetUp(member.namespace, 'lo'), ip.addressAdd(member.namespace, 'eth0', member.address), ip.linkSetUp(member.namespace, 'eth0'));
    inner.push(ip.routeAdd(member.namespace, { destination: 'default', via: GATEWAY }));
  }
  return [...root, ...inner];
}

async function onePerStep(lab: Member[]): Promise<void> {
  for (const command of commands(lab)) {
    const [file, ...args] = ip.ipArgv(command);
    await execa(file!, args);
  }
}

/** What a careful person writes by hand: one root batch, then one batch per namespace, in one shell. */
function handScript(lab: Member[]): string {
  const all = commands(lab);
  const root = all.filter((command) => command.namespace === null).map((command) => command.args.join(' '));
  const perNamespace = lab.map((member) => {
    const lines = all.filter((command) => command.namespace === member.namespace).map((command) => command.args.join(' '));
    return `ip -n ${member.namespace} -batch - <<'EOF'\n${lines.join('\n')}\nEOF`;
  });
  return [`ip -batch - <<'EOF'\n${root.join('\n')}\nEOF`, ...perNamespace].join('\n');
}

export async function benchmarkLab(): Promise<void> {
  const host = new LocalHost();
  const lab = members();
  const file = topology(lab);
  const destroy = async (): Promise<void> => {
    await destroyLab(host, PREFIX);
    await removeLab();
  };
  try {
    await deployLab(host, file); // warms the host's shells and the kernel probe, as a user's second deploy would be
    await destroy();
    const deploys = await measure(
      [
        { name: 'netns-lab deployLab', run: () => deployLab(host, file), reset: destroy },
        { name: 'hand-batched shell script', run: () => execa('sh', ['-c', handScript(lab)]), reset: removeLab },
        { name: 'one ip process per step from Node', run: () => onePerStep(lab), reset: removeLab },
      ],
      3,
    );
    report(`Deploy a ${COUNT}-namespace lab: veth to a shared bridge, address, default route (median of 3)`, deploys, 'netns-lab deployLab', {
      'hand-batched shell script': 'ours within 1.3x of it',
      'one ip process per step from Node': '>= 8x',
    });
    await deployLab(host, file);
    const others = await measure(
      [
        { name: 'netns-lab deployLab again (no change)', run: () => deployLab(host, file), reset: async () => undefined },
        { name: 'netns-lab destroyLab', run: () => destroyLab(host, PREFIX), reset: () => deployLab(host, file) },
      ],
      3,
    );
    report(`Re-deploy and destroy the same lab (median of 3; target: destroy within 500 ms)`, others, 'netns-lab destroyLab');
  } finally {
    await destroyLab(host, PREFIX).catch(() => undefined);
    await host.dispose();
    await removeLab();
  }
}
