/**
 * Creating 100 namespaces, each with a veth to the root namespace, addresses on both ends, links up and a default
 * route: our batched change against one `ip` process per step, and against a hand-batched shell script.
 * Target: >= 8x faster than one process per step.
 */
import { execa } from 'execa';
import { applySteps, ip, LocalHost, type Step } from '../src/core/index.js';
import { measure, PREFIX, removeLab, report } from './support.js';

const COUNT = 100;

interface Member {
  namespace: string;
  rootEnd: string;
  inner: string;
  rootAddress: string;
  innerAddress: string;
  gateway: string;
}

function members(): Member[] {
  return Array.from({ length: COUNT }, (_, index) => {
    const subnet = `10.${120 + Math.floor(index / 250)}.${index % 250}`;
    return { namespace: `${PREFIX}c${index}`, rootEnd: `${PREFIX}v${index}`, inner: 'eth0', rootAddress: `${subnet}.1/24`, innerAddress: `${subnet}.2/24`, gateway: `${subnet}.1` };
  });
}

/** Root-namespace steps first, then each namespace's, so applySteps makes one root batch and one batch per namespace. */
function labSteps(lab: Member[]): Step[] {
  const root: Step[] = [];
  const inner: Step[] = [];
  for (const member of lab) {
    root.push({ command: ip.namespaceAdd(member.namespace), undo: ip.namespaceDelete(member.namespace), description: `create ${member.namespace}` });
    root.push({ command: ip.vethAdd({ name: member.rootEnd, namespace: null }, { name: member.inner, namespace: member.namespace }), description: 'create veth' });
    root.push({ command: ip.addressAdd(null, member.rootEnd, member.rootAddress), description: 'root address' });
    root.push({ command: ip.linkSetUp(null, member.rootEnd), description: 'root up' });
    inner.push({ command: ip.linkSetUp(member.namespace, 'lo'), description: 'lo up' });
    inner.push({ command: ip.addressAdd(member.namespace, member.inner, member.innerAddress), description: 'address' });
    inner.push({ command: ip.linkSetUp(member.namespace, member.inner), description: 'up' });
    inner.push({ command: ip.routeAdd(member.namespace, { destination: 'default', via: member.gateway }), description: 'route' });
  }
  return [...root, ...inner];
}

async function onePerStep(lab: Member[]): Promise<void> {
  for (const step of labSteps(lab)) {
    const [file, ...args] = ip.ipArgv(step.command);
    await execa(file!, args);
  }
}

function handScript(lab: Member[]): string {
  const root = lab.flatMap((member) => [
    `netns add ${member.namespace}`,
    `link add name ${member.rootEnd} type veth peer name ${member.inner} netns ${member.namespace}`,
    `address add ${member.rootAddress} dev ${member.rootEnd}`,
    `link set dev ${member.rootEnd} up`,
  ]);
  const perNamespace = lab.map(
    (member) =>
      `printf 'link set dev lo up\\naddress add ${member.innerAddress} dev ${member.inner}\\nlink set dev ${member.inner} up\\nroute add default via ${member.gateway}\\n' | ip -n ${member.namespace} -batch -`,
  );
  return [`printf '%s\\n' ${root.map((line) => `'${line}'`).join(' ')} | ip -batch -`, ...perNamespace].join('\n');
}

export async function benchmarkCreate(): Promise<void> {
  const host = new LocalHost();
  const lab = members();
  try {
    const medians = await measure(
      [
        { name: 'netns-lab applySteps (batched)', run: () => applySteps(host, labSteps(lab)), reset: removeLab },
        { name: 'hand-batched shell script', run: () => execa('sh', ['-c', handScript(lab)]), reset: removeLab },
        { name: 'one ip process per step from Node', run: () => onePerStep(lab), reset: removeLab },
      ],
      3,
    );
    report(`Create ${COUNT} namespaces with veth, addresses, links up, default route (median of 3)`, medians, 'netns-lab applySteps (batched)', {
      'one ip process per step from Node': '>= 8x',
    });
  } finally {
    await host.dispose();
    await removeLab();
  }
}
