/**
 * The interface part of a plan: bridges and veth pairs the file declares, compared with the links the kernel
 * has. A missing object is created; one of the wrong kind or wired to the wrong peer is replaced; one that is
 * right has only its differing settings changed; a link that carries the lab's tag but is no longer declared goes.
 * A link that is in the way but is not the lab's is never touched: the plan is refused instead.
 */
import { canonicalCidr } from '../addresses.js';
import * as ip from '../iproute2/commands.js';
import type { LinkInfo, NamespaceName, NamespaceState } from '../model.js';
import { interfaceKey, type DesiredInterface, type DesiredState } from './desired.js';
import { clearImpairmentCommand, describeImpairment, impairmentCommands, impairmentNumbers, sameImpairment } from './traffic-control.js';
import { labTag, VETH_DEFAULT_MTU } from '../topology/model.js';
import type { ObservedState } from './observed.js';
import { where, type PlanBuilder } from './plan-builder.js';

/** The default MTU of a veth, which a file that names none asks for. */

export class InterfacePlanner {
  private readonly tag: string;

  constructor(
    private readonly plan: PlanBuilder,
    private readonly desired: DesiredState,
    private readonly observed: ObservedState,
  ) {
    this.tag = labTag(desired.lab);
  }

  planAll(): void {
    for (const namespace of this.desired.namespaces.values()) {
      for (const wanted of namespace.interfaces.values()) if (wanted.kind === 'bridge') this.planBridge(wanted);
    }
    for (const [first, second] of this.desired.pairs) this.planPair(first, second);
    this.planUndeclared();
  }

  isNewNamespace(namespace: NamespaceName): boolean {
    return namespace !== null && !this.observed.names.has(namespace);
  }

  private actual(namespace: NamespaceName, name: string): LinkInfo | undefined {
    if (this.isNewNamespace(namespace) || this.plan.isGone(namespace, name)) return undefined;
    return this.observed.namespaces.get(namespace)?.links.find((link) => link.name === name);
  }

  private planBridge(wanted: DesiredInterface): void {
    const actual = this.actual(wanted.namespace, wanted.name);
    if (actual && !this.isOwned(actual, wanted)) return;
    if (actual?.kind === 'bridge') return this.configureExisting(wanted, actual);
    if (actual) this.remove(wanted.namespace, actual, `a ${actual.kind}, not a bridge`);
    const undo = this.isNewNamespace(wanted.namespace) ? undefined : ip.linkDelete(wanted.namespace, wanted.name);
    const description = `create bridge ${where(wanted.namespace, wanted.name)}`;
    if (wanted.namespace === null) this.plan.createInRoot(ip.bridgeAdd(null, wanted.name), description, undo);
    else this.plan.add('bridges', ip.bridgeAdd(wanted.namespace, wanted.name), description, undo);
    this.plan.note('create', `bridge ${where(wanted.namespace, wanted.name)}`);
    this.configureNew(wanted);
  }

  private planPair(first: DesiredInterface, second: DesiredInterface): void {
    const actualFirst = this.actual(first.namespace, first.name);
    const actualSecond = this.actual(second.namespace, second.name);
    const ends = [
      [first, actualFirst],
      [second, actualSecond],
    ] as const;
    if (!ends.map(([wanted, actual]) => actual === undefined || this.isOwned(actual, wanted)).every(Boolean)) return;
    if (actualFirst && actualSecond && isPeeredWith(actualFirst, second)) {
      this.configureExisting(first, actualFirst);
      this.configureExisting(second, actualSecond);
      return;
    }
    for (const [wanted, actual] of ends) {
      if (actual && !this.plan.isGone(wanted.namespace, actual.name)) this.remove(wanted.namespace, actual, 'not wired as the file says');
    }
    const pair = `${where(first.namespace, first.name)} ↔ ${where(second.namespace, second.name)}`;
    this.plan.createInRoot(ip.vethAddFromRoot(first, second), `create veth pair ${pair}`, this.pairUndo(first, second));
    this.plan.note('create', `veth ${pair}`);
    this.configureNew(first);
    this.configureNew(second);
  }

  /**
   * A pair with an end in a namespace this run made goes with that namespace, except that the kernel removes a
   * root end only some time after its peer's namespace: that end is deleted outright, so an undone deploy leaves
   * nothing even for a moment.
   */
  private pairUndo(first: DesiredInterface, second: DesiredInterface): ip.IpCommand | undefined {
    const rootEnd = [first, second].find((end) => end.namespace === null);
    if (rootEnd) return ip.linkDelete(null, rootEnd.name);
    return this.isNewNamespace(first.namespace) || this.isNewNamespace(second.namespace) ? undefined : ip.linkDelete(first.namespace, first.name);
  }

  /** Links that carry the lab's tag but that the file does not declare (any more). */
  private planUndeclared(): void {
    for (const [namespace, state] of this.observed.namespaces) {
      const declared = this.desired.namespaces.get(namespace)?.interfaces;
      for (const link of state.links) {
        if (link.kind === 'loopback' || link.alias !== this.tag || declared?.has(link.name) || this.plan.isGone(namespace, link.name)) continue;
        if (this.goesWithDeletedNamespace(state, link)) continue;
        this.remove(namespace, link, 'not in the file');
      }
    }
  }

  /** A veth whose peer is in a namespace the plan deletes goes with it. */
  private goesWithDeletedNamespace(state: NamespaceState, link: LinkInfo): boolean {
    if (link.kind !== 'veth' || link.linkNetnsId === undefined) return false;
    const peerNamespace = state.nsids.find((entry) => entry.id === link.linkNetnsId)?.namespace;
    return typeof peerNamespace === 'string' && this.observed.undeclared.includes(peerNamespace);
  }

  /** A link in the way is the lab's only when it carries the lab's tag; otherwise the plan is refused. */
  private isOwned(actual: LinkInfo, wanted: DesiredInterface): boolean {
    if (actual.alias === this.tag) return true;
    const place = wanted.namespace === null ? 'the root namespace' : `namespace ${wanted.namespace}`;
    this.plan.refuse(
      `Interface ${wanted.name} already exists in ${place} and is not lab ${this.desired.lab}'s (it has no "${this.tag}" alias): ` + 'rename it in the file, or delete that interface first',
    );
    return false;
  }

  private remove(namespace: NamespaceName, link: LinkInfo, reason: string): void {
    this.plan.add('removals', ip.linkDelete(namespace, link.name), `delete ${where(namespace, link.name)}`);
    this.plan.markGone(namespace, link.name);
    if (link.peer) this.plan.markGone(link.peer.namespace, link.peer.interface);
    this.plan.note('delete', `${link.kind} ${where(namespace, link.name)}`, reason);
  }

  /** Settings of an interface this run creates: tag, MTU, bridge and up in one line, then addresses, impairment. */
  private configureNew(wanted: DesiredInterface): void {
    const { namespace, name } = wanted;
    const at = where(namespace, name);
    const settings = { alias: this.tag, up: true, ...(wanted.mtu === undefined ? {} : { mtu: wanted.mtu }), ...(wanted.master === undefined ? {} : { master: wanted.master }) };
    this.plan.add('settings', ip.linkSet(namespace, name, settings), `set up ${at}`);
    for (const address of wanted.addresses) this.plan.add('settings', ip.addressAdd(namespace, name, address), `add ${address} to ${at}`);
    if (wanted.impairment) {
      for (const command of impairmentCommands(namespace, name, wanted.impairment)) this.plan.add('trafficControl', command, `impair ${at}`);
    }
  }

  /** Only what differs between an existing interface and the file. */
  private configureExisting(wanted: DesiredInterface, actual: LinkInfo): void {
    const { namespace, name } = wanted;
    const at = where(namespace, name);
    const mtu = wanted.mtu ?? (wanted.kind === 'veth' ? VETH_DEFAULT_MTU : undefined);
    if (mtu !== undefined && actual.mtu !== mtu) {
      const undo = actual.mtu === undefined ? undefined : ip.linkSetMtu(namespace, name, actual.mtu);
      this.plan.add('settings', ip.linkSetMtu(namespace, name, mtu), `set the MTU of ${at}`, undo);
      this.plan.note('change', at, `mtu ${actual.mtu ?? '?'} → ${mtu}`);
    }
    this.planMaster(wanted, actual);
    this.planAddresses(wanted, actual);
    if (!actual.up) {
      this.plan.add('settings', ip.linkSetUp(namespace, name), `bring up ${at}`, ip.linkSetDown(namespace, name));
      this.plan.note('change', at, 'down → up');
    }
    this.planImpairment(wanted, actual);
  }

  private planMaster(wanted: DesiredInterface, actual: LinkInfo): void {
    const { namespace, name } = wanted;
    const at = where(namespace, name);
    const bridgeReplaced = wanted.master !== undefined && this.plan.isGone(namespace, wanted.master);
    if (wanted.master === actual.master && !bridgeReplaced) return;
    // Undone back to the old bridge, unless that bridge itself is being replaced (then it is gone either way).
    const undo = bridgeReplaced ? undefined : actual.master === undefined ? ip.linkSetNoMaster(namespace, name) : ip.linkSetMaster(namespace, name, actual.master);
    if (wanted.master !== undefined) this.plan.add('settings', ip.linkSetMaster(namespace, name, wanted.master), `attach ${at} to ${wanted.master}`, undo);
    else this.plan.add('settings', ip.linkSetNoMaster(namespace, name), `detach ${at} from ${actual.master ?? 'its bridge'}`, undo);
    this.plan.note('change', at, `bridge ${actual.master ?? 'none'} → ${wanted.master ?? 'none'}`);
  }

  private planAddresses(wanted: DesiredInterface, actual: LinkInfo): void {
    const { namespace, name } = wanted;
    const at = where(namespace, name);
    const present = new Map(
      actual.addresses
        .filter((address) => !(address.family === 'inet6' && address.scope === 'link'))
        .map((address) => [canonicalCidr(`${address.address}/${address.prefixLength}`), `${address.address}/${address.prefixLength}`]),
    );
    const asked = new Set(wanted.addresses.map(canonicalCidr));
    for (const address of wanted.addresses) {
      if (present.has(canonicalCidr(address))) continue;
      this.plan.add('settings', ip.addressAdd(namespace, name, address), `add ${address} to ${at}`, ip.addressDelete(namespace, name, address));
      this.plan.note('change', at, `+ address ${address}`);
    }
    for (const [canonical, address] of present) {
      if (asked.has(canonical)) continue;
      this.plan.add('removals', ip.addressDelete(namespace, name, address), `remove ${address} from ${at}`, ip.addressAdd(namespace, name, address));
      this.plan.note('change', at, `- address ${address}`);
    }
  }

  private planImpairment(wanted: DesiredInterface, actual: LinkInfo): void {
    const { namespace, name } = wanted;
    const at = where(namespace, name);
    const current = this.observed.impairments.get(interfaceKey(namespace, name)) ?? {};
    if (sameImpairment(current, impairmentNumbers(wanted.impairment))) return;
    // htb cannot change into another htb in place: the old root qdisc goes first, then the new one is made.
    if (actual.qdisc === 'htb' || actual.qdisc === 'netem') this.plan.add('trafficControl', clearImpairmentCommand(namespace, name), `clear the impairment of ${at}`);
    if (wanted.impairment) {
      for (const command of impairmentCommands(namespace, name, wanted.impairment)) this.plan.add('trafficControl', command, `impair ${at}`);
    }
    this.plan.note('change', at, wanted.impairment ? `impairment → ${describeImpairment(wanted.impairment)}` : 'impairment removed');
  }
}

function isPeeredWith(actual: LinkInfo, other: DesiredInterface): boolean {
  return actual.kind === 'veth' && actual.peer?.namespace === other.namespace && actual.peer.interface === other.name;
}
