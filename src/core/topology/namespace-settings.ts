/**
 * A namespace's settings once its interfaces are known: routes whose devices and gateways make sense there, and
 * sysctls with `forwarding` expanded.
 */
import { parseCidr } from '../addresses.js';
import { listSome } from '../display.js';
import type { RouteSpec } from '../iproute2/commands.js';
import type { RouteDraft } from './drafts.js';
import { addressKey, inNetwork, isLinkLocal, numericAddress } from './ip-math.js';
import type { NamespaceScope } from './scopes.js';
import type { ReadContext } from './yaml-nodes.js';

/** The sysctls `forwarding: true` stands for (IPv4 and IPv6 routing between the namespace's interfaces). */
const FORWARDING_SYSCTLS = ['net.ipv4.ip_forward', 'net.ipv6.conf.all.forwarding'] as const;

/** The namespace's sysctls; a sysctl that contradicts `forwarding` is reported. */
export function namespaceSysctls(context: ReadContext, scope: NamespaceScope): Record<string, string> {
  const sysctls: Record<string, string> = {};
  const forwarding = scope.draft?.forwarding;
  if (forwarding) for (const key of FORWARDING_SYSCTLS) sysctls[key] = forwarding.value ? '1' : '0';
  for (const { key, value } of scope.draft?.sysctls ?? []) {
    const implied = sysctls[key.value];
    if (forwarding && implied !== undefined && implied !== value) {
      context.diagnostics.add(
        key.span,
        `sysctl ${key.value}: ${value} contradicts forwarding: ${forwarding.value} (line ${context.diagnostics.lineOf(forwarding.span.start)}), which sets it to ${implied}; remove one of them`,
      );
    }
    sysctls[key.value] = value;
  }
  return sysctls;
}

/** The namespace's routes; routes to unknown devices, unreachable gateways and repeated routes are reported. */
export function namespaceRoutes(context: ReadContext, scope: NamespaceScope): RouteSpec[] {
  const seen = new Map<string, RouteDraft>();
  const routes: RouteSpec[] = [];
  for (const route of scope.draft?.routes ?? []) {
    const valid = checkDevice(context, scope, route) && checkGateway(context, scope, route);
    const key = `${route.family ?? 'inet'} ${destinationKey(route)} ${route.metric?.value ?? 0}`;
    const first = seen.get(key);
    if (first) {
      const metric = route.metric ? ` with metric ${route.metric.value}` : '';
      context.diagnostics.add(route.destination.span, `the route to ${route.destination.value}${metric} is already declared in ${scope.label} at line ${context.diagnostics.lineOf(first.span.start)}`);
      continue;
    }
    seen.set(key, route);
    if (valid) routes.push(routeSpec(route));
  }
  return routes;
}

function routeSpec(route: RouteDraft): RouteSpec {
  return {
    destination: route.destination.value,
    ...(route.via ? { via: route.via.value } : {}),
    ...(route.device ? { device: route.device.value } : {}),
    ...(route.metric ? { metric: route.metric.value } : {}),
  };
}

/** Equal for one destination however it is written: `default` and 0.0.0.0/0, a host address and ADDRESS/32. */
function destinationKey(route: RouteDraft): string {
  const text = route.destination.value;
  if (text === 'default') return 'default';
  const { address, prefixLength } = text.includes('/') ? parseCidr(text) : { address: text, prefixLength: route.family === 'inet6' ? 128 : 32 };
  return prefixLength === 0 ? 'default' : `${addressKey(address)}/${prefixLength}`;
}

function checkDevice(context: ReadContext, scope: NamespaceScope, route: RouteDraft): boolean {
  if (!route.device || scope.interfaces.has(route.device.value)) return true;
  const list = scope.interfaces.size > 0 ? `declared there: ${listSome(scope.interfaces.keys())}` : 'it has no interfaces yet';
  context.diagnostics.add(route.device.span, `dev ${route.device.value} is not an interface declared in ${scope.label} (${list})`);
  return false;
}

/**
 * The kernel takes a gateway only on a subnet the namespace is directly connected to ("Nexthop has invalid
 * gateway"), and an IPv6 link-local gateway only with its device: refuse here what `ip route add` would refuse.
 */
function checkGateway(context: ReadContext, scope: NamespaceScope, route: RouteDraft): boolean {
  const gateway = route.via && numericAddress(route.via.value);
  if (!route.via || !gateway) return true;
  if (isLinkLocal(gateway)) {
    if (route.device) return true;
    context.diagnostics.add(route.via.span, `the gateway ${route.via.value} is a link-local address, which is only reachable with its device: add "dev INTERFACE"`);
    return false;
  }
  const candidates = route.device ? [scope.interfaces.get(route.device.value)] : [...scope.interfaces.values()];
  const subnets = candidates.flatMap((declaration) => declaration?.addresses ?? []).map((address) => address.value);
  const reachable = subnets.some((subnet) => {
    const { address, prefixLength } = parseCidr(subnet);
    const network = numericAddress(address);
    return network !== undefined && inNetwork(gateway, network, prefixLength);
  });
  if (reachable) return true;
  const where = route.device ? `on ${route.device.value}` : `in ${scope.label}`;
  const known = subnets.length > 0 ? `on no subnet of the addresses ${where} (${listSome(subnets)})` : `unreachable: there are no addresses ${where}`;
  context.diagnostics.add(route.via.span, `the gateway ${route.via.value} is ${known}; the kernel takes only a gateway on a directly connected subnet`);
  return false;
}
