/**
 * One round of checks: every check still waiting is tried once, together. The namespaces the state checks need
 * are read in one round trip, and the probes of reach and forwarding checks run side by side in another.
 */
import type { Host } from '../host/host.js';
import type { NamespaceName, NamespaceState } from '../model.js';
import { readNamespaceSet } from '../state/read.js';
import type { Check, ReachCheck } from './model.js';
import { runProbes, type Probe } from './probe-batch.js';
import { forwardingOutcome, forwardingProbe, reachOutcome, reachProbe, type Outcome } from './reach.js';
import { addressOutcome, linkOutcome, routeOutcome, sameOutcome } from './state-checks.js';
import { namespaceLabel } from './subjects.js';

/** Tries each check once; the outcomes are in the order of the checks. */
export async function runRound(host: Host, checks: readonly Check[], options: { signal?: AbortSignal } = {}): Promise<Outcome[]> {
  const existing = new Set<NamespaceName>([null, ...(await host.listNamespaceNames())]);
  const wanted = new Set<NamespaceName>();
  for (const check of checks) for (const namespace of statesNeeded(check)) if (existing.has(namespace)) wanted.add(namespace);
  const states = new Map<NamespaceName, NamespaceState>();
  for (const state of await readNamespaceSet(host, [...wanted])) states.set(state.name, state);
  const outcomes: (Outcome | undefined)[] = checks.map((check) => missingNamespace(check, existing));
  const probes: Probe[] = [];
  const owners: { check: number; address: string; first: number; count: number }[] = [];
  checks.forEach((check, index) => {
    if (outcomes[index]) return;
    if (check.kind === 'reach') {
      const address = targetAddress(check, states);
      if (typeof address !== 'string') return void (outcomes[index] = address);
      const own = reachProbe(check, address);
      owners.push({ check: index, address, first: probes.length, count: own.length });
      probes.push(...own);
    } else if (check.kind === 'forwarding') {
      owners.push({ check: index, address: '', first: probes.length, count: 1 });
      probes.push(forwardingProbe(check));
    } else {
      outcomes[index] = stateOutcome(check, states.get(check.namespace));
    }
  });
  const outputs = await runProbes(host, probes, { signal: options.signal });
  for (const owner of owners) {
    const check = checks[owner.check]!;
    const [first, second] = outputs.slice(owner.first, owner.first + owner.count);
    outcomes[owner.check] = check.kind === 'reach' ? reachOutcome(check, owner.address, first!, second) : forwardingOutcome(check as Extract<Check, { kind: 'forwarding' }>, first!);
  }
  return outcomes.map((outcome) => outcome!);
}

/** The namespaces whose state a check needs: its own for state checks, a namespace target's to find its address. */
function statesNeeded(check: Check): NamespaceName[] {
  if (check.kind === 'reach') return check.to.address === undefined && check.to.namespace !== undefined ? [check.to.namespace] : [];
  if (check.kind === 'forwarding') return [];
  return [check.namespace];
}

function missingNamespace(check: Check, existing: Set<NamespaceName>): Outcome | undefined {
  const namespaces = check.kind === 'reach' ? [check.from, ...(check.to.address === undefined && check.to.namespace !== undefined ? [check.to.namespace] : [])] : [check.namespace];
  const missing = namespaces.find((namespace) => !existing.has(namespace));
  return missing === undefined ? undefined : { passed: false, message: `there is no network namespace named ${missing}` };
}

function stateOutcome(check: Exclude<Check, ReachCheck | { kind: 'forwarding' }>, state: NamespaceState | undefined): Outcome {
  if (!state) return { passed: false, message: `${namespaceLabel(check.namespace)} could not be read (it vanished)` };
  if (state.error) return { passed: false, message: `${namespaceLabel(check.namespace)} could not be read: ${state.error}` };
  if (check.kind === 'route') return routeOutcome(check, state);
  if (check.kind === 'address') return addressOutcome(check, state);
  if (check.kind === 'link') return linkOutcome(check, state);
  return sameOutcome(check, state);
}

/**
 * The address a reach check goes to: given, or read from its target namespace: the interface's (or the
 * namespace's first interface's but lo) first global address, IPv4 before IPv6.
 */
function targetAddress(check: ReachCheck, states: Map<NamespaceName, NamespaceState>): string | Outcome {
  if (check.to.address !== undefined) return check.to.address;
  const state = states.get(check.to.namespace ?? null);
  const where = namespaceLabel(check.to.namespace ?? null);
  if (!state || state.error) return { passed: false, message: `${where} could not be read to find its address` };
  const links = state.links.filter((link) => (check.to.interface === undefined ? link.kind !== 'loopback' : link.name === check.to.interface));
  if (check.to.interface !== undefined && links.length === 0) return { passed: false, message: `${where} has no interface ${check.to.interface}` };
  const addresses = links.flatMap((link) => link.addresses).filter((address) => address.scope === undefined || address.scope === 'global');
  const chosen = addresses.find((address) => address.family === 'inet') ?? addresses.find((address) => address.family === 'inet6');
  if (!chosen) return { passed: false, message: `${check.to.written} has no global address to reach` };
  return chosen.address;
}
