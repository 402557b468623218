/**
 * From a draft to a Topology: namespace references resolved to kernel names, the checks that need the whole file,
 * and the normalized form the rest of the core works from.
 */
import { resolveChecks } from '../checks/resolve.js';
import { namespaceNameProblem } from '../names.js';
import { topologyCheckScope } from './check-scope.js';
import type { EndpointDraft, TopologyDraft } from './drafts.js';
import { type Topology, type TopologyEndpoint, type TopologyNamespace, labNamespaceName } from './model.js';
import { namespaceRoutes, namespaceSysctls } from './namespace-settings.js';
import { resolvePorts } from './ports.js';
import { type InterfaceSource, Scopes, checkDuplicateAddresses, declareInterfaces } from './scopes.js';
import type { ReadContext } from './yaml-nodes.js';

/** The topology a draft describes; undefined when the file has any problem (all of them are reported). */
export function resolveTopology(context: ReadContext, draft: TopologyDraft): Topology | undefined {
  const lab = draft.lab?.value ?? '';
  if (draft.lab) checkKernelNames(context, lab, draft);
  const scopes = new Scopes(context, lab, draft.namespaces);
  const sources: InterfaceSource[] = [
    ...draft.bridges.map((bridge) => ({ bridge })),
    ...draft.links.flatMap(({ endpoints: [first, second] }) => [
      { endpoint: first, other: second, second: false },
      { endpoint: second, other: first, second: true },
    ]),
  ];
  declareInterfaces(context, scopes, sources);
  for (const scope of [scopes.root, ...scopes.namespaces]) checkDuplicateAddresses(context, scope);
  const ports = resolvePorts(context, scopes, draft.bridges, draft.links);
  const checks = draft.checks ? resolveChecks(draft.checks, topologyCheckScope(context, scopes)) : undefined;
  const namespaces: TopologyNamespace[] = scopes.namespaces.map((scope) => ({
    name: scope.draft!.name.value,
    netns: scope.netns!,
    sysctls: namespaceSysctls(context, scope),
    routes: namespaceRoutes(context, scope),
  }));
  if (context.diagnostics.count > 0 || !draft.lab) return undefined;
  const netnsOf = (endpoint: EndpointDraft): string | null => (endpoint.namespace ? labNamespaceName(lab, endpoint.namespace.value) : null);
  return {
    lab,
    namespaces,
    bridges: draft.bridges.map((bridge) => ({
      name: bridge.name.value,
      namespace: bridge.namespace ? labNamespaceName(lab, bridge.namespace.value) : null,
      addresses: bridge.addresses.map((address) => address.value),
      ...(bridge.mtu !== undefined ? { mtu: bridge.mtu } : {}),
      ports: ports.get(bridge) ?? [],
    })),
    links: draft.links.map((link) => ({ endpoints: [endpointOf(link.endpoints[0], netnsOf), endpointOf(link.endpoints[1], netnsOf)] })),
    ...(checks ? { checks } : {}),
  };
}

function endpointOf(endpoint: EndpointDraft, netnsOf: (endpoint: EndpointDraft) => string | null): TopologyEndpoint {
  return {
    namespace: netnsOf(endpoint),
    interface: endpoint.interface.value,
    addresses: endpoint.addresses.map((address) => address.value),
    ...(endpoint.mtu !== undefined ? { mtu: endpoint.mtu } : {}),
    ...(endpoint.impairment ? { impairment: endpoint.impairment } : {}),
  };
}

/** Each `<lab>-<name>` must be a name `ip netns add` takes (a long lab and a long name can make one too long). */
function checkKernelNames(context: ReadContext, lab: string, draft: TopologyDraft): void {
  for (const { name } of draft.namespaces) {
    if (name.value === '') continue;
    const netns = labNamespaceName(lab, name.value);
    const problem = namespaceNameProblem(netns);
    if (problem) context.diagnostics.add(name.span, `this namespace's kernel name is "<lab>-<name>" (${JSON.stringify(shorten(netns))}), but ${problem}`);
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 18)}…${text.slice(-18)}` : text;
}
