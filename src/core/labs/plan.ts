/**
 * A deploy plan: the difference between a topology and what the kernel has, as steps ready for `applySteps` and
 * as lines people can read. Planning reads but never changes anything; a plan with refusals (a name taken by
 * something that is not the lab's, a kernel part missing) must not be applied.
 */
import type { Step } from '../changes/steps.js';
import { listSome } from '../display.js';
import type { Host } from '../host/host.js';
import * as ip from '../iproute2/commands.js';
import type { NamespaceName, RouteInfo } from '../model.js';
import { desiredState, labNamespaces, type DesiredNamespace, type DesiredState } from './desired.js';
import { needsNetem } from './traffic-control.js';
import { missingQdiscs, type QdiscKind } from './kernel-features.js';
import { labTag, type Topology } from '../topology/model.js';
import { readObservedState, type ObservedState } from './observed.js';
import { PlanBuilder, where, type PlanChange } from './plan-builder.js';
import { InterfacePlanner } from './plan-interfaces.js';
import { routeMatches, routeSpecOf, describeRouteSpec } from './route-compare.js';

export type { PlanChange, ChangeAction } from './plan-builder.js';

export interface DeployPlan {
  lab: string;
  /** What applying would change, for people; empty when the lab is as the file says. */
  changes: PlanChange[];
  /** Reasons the plan must not be applied; each says what to do. */
  refusals: string[];
  steps: Step[];
  /** Kernel names of the lab's namespaces once applied. */
  namespaces: string[];
  /** The lab's interfaces in the root namespace once applied. */
  rootInterfaces: string[];
}

/** Reads what the lab needs to know of the host and returns the plan; changes nothing. */
export async function planDeploy(host: Host, topology: Topology): Promise<DeployPlan> {
  const desired = desiredState(topology);
  const missing = await missingQdiscs(host, qdiscKindsNeeded(desired));
  const observed = await readObservedState(host, desired);
  return computePlan(desired, observed, missing, host.label);
}

function computePlan(desired: DesiredState, observed: ObservedState, missingKinds: readonly QdiscKind[], hostLabel: string): DeployPlan {
  const order: NamespaceName[] = [...desired.namespaces.keys()];
  const plan = new PlanBuilder(order);
  refuseMissingKernelParts(plan, desired, missingKinds, hostLabel);
  planNamespaces(plan, desired, observed);
  if (plan.refusals.length === 0) new InterfacePlanner(plan, desired, observed).planAll();
  if (plan.refusals.length === 0) {
    for (const namespace of desired.namespaces.values()) {
      if (namespace.name === null) continue;
      planRoutes(plan, namespace, observed);
      planSysctls(plan, namespace, observed);
    }
  }
  const refused = plan.refusals.length > 0;
  return {
    lab: desired.lab,
    changes: refused ? [] : plan.changes,
    refusals: plan.refusals,
    steps: refused ? [] : plan.steps(),
    namespaces: labNamespaces(desired),
    rootInterfaces: [...(desired.namespaces.get(null)?.interfaces.keys() ?? [])],
  };
}

function qdiscKindsNeeded(desired: DesiredState): QdiscKind[] {
  const kinds = new Set<QdiscKind>();
  for (const namespace of desired.namespaces.values()) {
    for (const wanted of namespace.interfaces.values()) {
      if (wanted.impairment?.rate !== undefined) kinds.add('htb');
      if (needsNetem(wanted.impairment)) kinds.add('netem');
    }
  }
  return [...kinds];
}

function refuseMissingKernelParts(plan: PlanBuilder, desired: DesiredState, missing: readonly QdiscKind[], hostLabel: string): void {
  for (const kind of missing) {
    const users = [...desired.namespaces.values()]
      .flatMap((namespace) => [...namespace.interfaces.values()])
      .filter((wanted) => (kind === 'htb' ? wanted.impairment?.rate !== undefined : needsNetem(wanted.impairment)))
      .map((wanted) => where(wanted.namespace, wanted.name));
    const what = kind === 'netem' ? 'delay, jitter and loss need the netem qdisc (kernel module sch_netem)' : 'rate needs the htb qdisc (kernel module sch_htb)';
    plan.refuse(
      `The kernel of ${hostLabel} cannot impair ${listSome(users)}: ${what}, which it does not have. Remove those impairments from the file, or load the module (modprobe sch_${kind}) where the kernel has it`,
    );
  }
}

function planNamespaces(plan: PlanBuilder, desired: DesiredState, observed: ObservedState): void {
  const tag = labTag(desired.lab);
  for (const name of labNamespaces(desired)) {
    if (!observed.names.has(name)) {
      plan.createInRoot(ip.namespaceAdd(name), `create namespace ${name}`, ip.namespaceDelete(name));
      plan.add('settings', ip.linkSet(name, 'lo', { alias: tag, up: true }), `tag namespace ${name} as the lab's and bring up its lo`);
      plan.note('create', `namespace ${name}`);
      continue;
    }
    const state = observed.namespaces.get(name);
    if (!state || state.error !== undefined) {
      plan.refuse(`Namespace ${name} exists but could not be read: ${state?.error ?? 'it vanished while being read'}`);
      continue;
    }
    const loopback = state.links.find((link) => link.name === 'lo');
    if (loopback?.alias !== tag) {
      plan.refuse(`Namespace ${name} already exists and is not lab ${desired.lab}'s (its lo has no "${tag}" alias): delete it, or give the lab another name`);
      continue;
    }
    if (!loopback.up) {
      plan.add('settings', ip.linkSetUp(name, 'lo'), `bring up lo in ${name}`, ip.linkSetDown(name, 'lo'));
      plan.note('change', `${name}:lo`, 'down → up');
    }
  }
  for (const name of observed.undeclared) {
    plan.removeNamespace(ip.namespaceDelete(name), `delete namespace ${name}`);
    plan.note('delete', `namespace ${name}`, 'not in the file');
  }
}

function planRoutes(plan: PlanBuilder, namespace: DesiredNamespace, observed: ObservedState): void {
  const name = namespace.name!;
  const present = (observed.namespaces.get(name)?.routes ?? []).filter((route) => isLabRoute(route) && !plan.isGone(name, route.device ?? ''));
  for (const route of namespace.routes) {
    if (present.some((actual) => routeMatches(actual, route))) continue;
    const existing = observed.names.has(name);
    plan.add('routes', ip.routeAdd(name, route), `add route ${describeRouteSpec(route)} in ${name}`, existing ? ip.routeDelete(name, route) : undefined);
    if (existing) plan.note('change', `namespace ${name}`, `+ route ${describeRouteSpec(route)}`);
  }
  for (const actual of present) {
    if (namespace.routes.some((route) => routeMatches(actual, route))) continue;
    const spec = routeSpecOf(actual);
    plan.add('removals', ip.routeDelete(name, spec), `remove route ${describeRouteSpec(spec)} in ${name}`, ip.routeAdd(name, spec));
    plan.note('change', `namespace ${name}`, `- route ${describeRouteSpec(spec)}`);
  }
}

/** Routes someone added (not the kernel's own for addresses), in the main table. */
function isLabRoute(route: RouteInfo): boolean {
  const mainTable = route.table === undefined || route.table === 'main';
  const unicast = route.type === undefined || route.type === 'unicast';
  return mainTable && unicast && (route.protocol === 'boot' || route.protocol === 'static');
}

function planSysctls(plan: PlanBuilder, namespace: DesiredNamespace, observed: ObservedState): void {
  const name = namespace.name!;
  const current = observed.sysctls.get(name);
  for (const [key, value] of Object.entries(namespace.sysctls)) {
    const before = current?.[key];
    if (before === value) continue;
    const undo = before === undefined || before === '' ? undefined : ip.namespaceSysctl(name, key, before);
    plan.setSysctl(ip.namespaceSysctl(name, key, value), `set ${key} in ${name}`, undo);
    if (observed.names.has(name)) plan.note('change', `namespace ${name}`, `${key} ${before ?? '?'} → ${value}`);
  }
}
