/**
 * Collects a plan's steps in buckets and puts them in the order the kernel needs and the batch rules reward:
 * removals first, then one root batch (namespaces, root bridges, every veth pair, root links' settings), then one
 * batch per namespace (its bridges, links' settings, routes), then sysctls, then tc. Consecutive steps of one
 * namespace become one `ip -batch`, so a whole lab costs one process per namespace plus a few.
 */
import type { Step } from '../changes/steps.js';
import type { IpCommand } from '../iproute2/commands.js';
import type { NamespaceName } from '../model.js';
import { interfaceKey } from './desired.js';

export type ChangeAction = 'create' | 'delete' | 'change';

/** One line of a plan for people: `+ namespace lab1-red`, `~ lab1-red:eth0 mtu 1500 → 1400`. */
export interface PlanChange {
  action: ChangeAction;
  /** What is changed: `namespace lab1-red`, `veth lab1-red:eth0 ↔ lab1-blue:eth0`, `lab1-red:eth0`. */
  subject: string;
  /** How, for changes: `mtu 1500 → 1400`, `address 10.0.0.1/24`. */
  detail?: string;
}

type Bucket = 'removals' | 'bridges' | 'settings' | 'routes' | 'trafficControl';

export class PlanBuilder {
  readonly changes: PlanChange[] = [];
  readonly refusals: string[] = [];
  /** Interfaces (by namespace and name) this plan deletes, peers taken along included. */
  readonly gone = new Set<string>();
  private readonly buckets = new Map<Bucket, Map<NamespaceName, Step[]>>();
  private readonly namespaceRemovals: Step[] = [];
  private readonly rootCreations: Step[] = [];
  private readonly sysctls: Step[] = [];

  constructor(private readonly namespaceOrder: readonly NamespaceName[]) {}

  note(action: ChangeAction, subject: string, detail?: string): void {
    this.changes.push(detail === undefined ? { action, subject } : { action, subject, detail });
  }

  refuse(reason: string): void {
    this.refusals.push(reason);
  }

  add(bucket: Bucket, command: IpCommand, description: string, undo?: IpCommand): void {
    let perNamespace = this.buckets.get(bucket);
    if (!perNamespace) this.buckets.set(bucket, (perNamespace = new Map()));
    let steps = perNamespace.get(command.namespace);
    if (!steps) perNamespace.set(command.namespace, (steps = []));
    steps.push(step(command, description, undo));
  }

  removeNamespace(command: IpCommand, description: string): void {
    this.namespaceRemovals.push(step(command, description));
  }

  createInRoot(command: IpCommand, description: string, undo?: IpCommand): void {
    this.rootCreations.push(step(command, description, undo));
  }

  setSysctl(command: IpCommand, description: string, undo?: IpCommand): void {
    this.sysctls.push(step(command, description, undo));
  }

  markGone(namespace: NamespaceName, name: string): void {
    this.gone.add(interfaceKey(namespace, name));
  }

  isGone(namespace: NamespaceName, name: string): boolean {
    return this.gone.has(interfaceKey(namespace, name));
  }

  steps(): Step[] {
    const labNamespaces = this.namespaceOrder.filter((name) => name !== null);
    const of = (bucket: Bucket, namespace: NamespaceName): Step[] => this.buckets.get(bucket)?.get(namespace) ?? [];
    return [
      ...labNamespaces.flatMap((namespace) => of('removals', namespace)),
      ...of('removals', null),
      ...this.namespaceRemovals,
      ...this.rootCreations,
      ...of('bridges', null),
      ...of('settings', null),
      ...labNamespaces.flatMap((namespace) => [...of('bridges', namespace), ...of('settings', namespace), ...of('routes', namespace)]),
      ...this.sysctls,
      ...this.namespaceOrder.flatMap((namespace) => of('trafficControl', namespace)),
    ];
  }
}

function step(command: IpCommand, description: string, undo?: IpCommand): Step {
  return undo === undefined ? { command, description } : { command, undo, description };
}

/** `lab1-red:eth0`, or just `br0` in the root namespace. */
export function where(namespace: NamespaceName, name: string): string {
  return namespace === null ? name : `${namespace}:${name}`;
}
