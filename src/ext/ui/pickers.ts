/** Pickers of what is on a host: namespaces, interfaces, addresses, routes. Each reads just what it lists. */
import type { Host } from '../../core/host/host.js';
import type { LinkInfo, NamespaceName, NamespaceState, RouteInfo } from '../../core/model.js';
import { describeNamespace } from '../../core/changes/operations.js';
import { readNamespace, readNamespaceNames } from '../../core/state/read.js';
import { pickLabel, typedNamespace } from '../view-model/input-rules.js';
import { NothingToChoose, pickMany, pickOne, PromptCancelled, type Choice } from './prompts.js';

/** What a picker says at its top. */
export interface PickerTitles {
  title: string;
  placeholder: string;
}

/** Every namespace of the host, the root namespace first unless left out. */
export async function pickNamespace(host: Host, options: PickerTitles & { includeRoot: boolean; active?: NamespaceName }): Promise<NamespaceName> {
  const names = await readNamespaceNames(host);
  const root: Choice<NamespaceName> = { label: 'Root namespace', description: "the host's own", value: null };
  const choices = [...(options.includeRoot ? [root] : []), ...names.map((name): Choice<NamespaceName> => ({ label: pickLabel(name), value: name }))];
  const active = options.active === undefined ? undefined : choices.find((choice) => choice.value === options.active);
  return pickOne(choices, { ...options, active, emptyMessage: `There are no named network namespaces on ${host.label}.` });
}

/** A namespace picked from the list, or one typed in that does not exist yet (`isNew`: to be created). */
export interface NamespaceChoice {
  namespace: NamespaceName;
  isNew: boolean;
}

/** Like pickNamespace (the root namespace included), and a name typed in that is not in the list is offered too. */
export async function pickOrNameNamespace(host: Host, options: PickerTitles & { active?: NamespaceName }): Promise<NamespaceChoice> {
  const names = await readNamespaceNames(host);
  const listed = (namespace: NamespaceName, label: string, description?: string): Choice<NamespaceChoice> => ({ label, description, value: { namespace, isNew: false } });
  const choices = [listed(null, 'Root namespace', "the host's own"), ...names.map((name) => listed(name, pickLabel(name)))];
  const existing = new Set(names);
  const typed = (text: string): Choice<NamespaceChoice>[] => {
    const offer = typedNamespace(text, existing);
    if (!offer) return [];
    if (offer.kind === 'invalid') return [{ label: `$(error) Not a namespace name: ${pickLabel(offer.problem)}`, value: { namespace: null, isNew: false }, inert: true, alwaysShow: true }];
    return [
      {
        label: `$(add) Create namespace ${pickLabel(JSON.stringify(offer.name))}`,
        description: `not on ${host.label} yet; asks first`,
        value: { namespace: offer.name, isNew: true },
        alwaysShow: true,
      },
    ];
  };
  const active = options.active === undefined ? undefined : choices.find((choice) => choice.value.namespace === options.active);
  return pickOne(choices, { ...options, active, typed, emptyMessage: '' });
}

/** A named namespace (for what the root namespace cannot be: deleted). */
export async function pickNamedNamespace(host: Host, options: PickerTitles): Promise<string> {
  return (await pickNamespace(host, { ...options, includeRoot: false })) as string;
}

/**
 * The namespace given, or the one the user picks (the root namespace among them). The title is made only when the
 * picker shows, so that a step that is not asked does not count.
 */
export async function givenOrPickedNamespace(host: Host, given: NamespaceName | undefined, options: { title: string | (() => string); placeholder: string }): Promise<NamespaceName> {
  if (given !== undefined) return given;
  const title = typeof options.title === 'string' ? options.title : options.title();
  return pickNamespace(host, { title, placeholder: options.placeholder, includeRoot: true });
}

/** Reads a namespace when first asked, and only once: for flows that may need it for several steps, or not at all. */
export function namespaceReader(host: Host, namespace: NamespaceName): () => Promise<NamespaceState> {
  let reading: Promise<NamespaceState> | undefined;
  return () => (reading ??= readNamespace(host, namespace));
}

/** An interface of a namespace read just before, among those `filter` keeps. */
export function pickInterface(state: NamespaceState, options: PickerTitles & { filter?: (link: LinkInfo) => boolean }): Promise<LinkInfo> {
  const links = state.links.filter(options.filter ?? (() => true));
  const choices = links.map((link): Choice<LinkInfo> => ({ label: pickLabel(link.name), description: describeLink(link), value: link }));
  return pickOne(choices, { ...options, emptyMessage: `There is no suitable interface in ${describeNamespace(state.name)}.` });
}

/** Any number of a namespace's interfaces (at least one), all unticked at first. */
export async function pickInterfaces(state: NamespaceState, options: PickerTitles): Promise<LinkInfo[]> {
  if (state.links.length === 0) throw new NothingToChoose(`There is no interface in ${describeNamespace(state.name)}.`);
  const choices = state.links.map((link): Choice<LinkInfo> => ({ label: pickLabel(link.name), description: describeLink(link), value: link }));
  const chosen = await pickMany(choices, options);
  if (chosen.length === 0) throw new PromptCancelled();
  return chosen;
}

/** An address of a namespace (of one interface, when given), as the interface and `ADDRESS/PREFIX`. */
export function pickAddress(state: NamespaceState, interfaceName: string | undefined, options: PickerTitles): Promise<{ interface: string; address: string }> {
  const links = state.links.filter((link) => interfaceName === undefined || link.name === interfaceName);
  const choices = links.flatMap((link) =>
    link.addresses.map((address) => {
      const cidr = `${address.address}/${address.prefixLength}`;
      return { label: cidr, description: pickLabel(link.name), value: { interface: link.name, address: cidr } };
    }),
  );
  const where = interfaceName === undefined ? describeNamespace(state.name) : `${interfaceName} in ${describeNamespace(state.name)}`;
  return pickOne(choices, { ...options, emptyMessage: `There are no addresses on ${where}.` });
}

/** A route of a namespace's main table (the only table routes are removed from here). */
export function pickRoute(state: NamespaceState, options: PickerTitles): Promise<RouteInfo> {
  const routes = state.routes.filter((route) => route.table === undefined || route.table === 'main');
  const choices = routes.map((route): Choice<RouteInfo> => ({ label: route.destination, description: describeRouteTarget(route), value: route }));
  return pickOne(choices, { ...options, emptyMessage: `There are no routes in ${describeNamespace(state.name)}.` });
}

/** "veth, up, peer veth-b in namespace lab2, port of br0, 10.0.0.1/24". */
function describeLink(link: LinkInfo): string {
  const parts = [link.kind, link.up ? 'up' : 'down'];
  if (link.peer) parts.push(`peer ${link.peer.interface} in ${describeNamespace(link.peer.namespace)}`);
  if (link.master) parts.push(`port of ${link.master}`);
  parts.push(...link.addresses.map((address) => `${address.address}/${address.prefixLength}`));
  return pickLabel(parts.join(', '));
}

function describeRouteTarget(route: RouteInfo): string {
  const parts = [route.gateway ? `via ${route.gateway}` : '', route.device ? `dev ${route.device}` : '', route.metric !== undefined ? `metric ${route.metric}` : ''];
  if (route.nextHops.length > 0) parts.push(`${route.nextHops.length} next hops`);
  return pickLabel(parts.filter(Boolean).join(' '));
}
