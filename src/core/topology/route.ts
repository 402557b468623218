/**
 * A namespace's routes: the string form `DEST [via GW] [dev IF] [metric N]`, as `ip route add` takes it, and the
 * object form `{ to, via, dev, metric }`. Checks here need only the route itself; whether `dev` is declared in the
 * namespace is checked once every interface is known.
 */
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { checkIpAddress, checkRouteDestination } from '../addresses.js';
import type { Span } from './diagnostics.js';
import type { RouteDraft } from './drafts.js';
import { type Located, type ReadContext, describeNode, readFixedMap, readInteger, readString, spanOf, wordsOf } from './yaml-nodes.js';

const ROUTE_KEYS = ['to', 'via', 'dev', 'metric'] as const;
const ROUTE_FORM = 'DEST [via GATEWAY] [dev INTERFACE] [metric N], e.g. "default via 10.0.1.1"';
const METRIC_MAX = 4294967295;

interface RouteParts {
  destination?: Located<string>;
  via?: Located<string>;
  dev?: Located<string>;
  metric?: Located<number>;
}

/** One route in either form; undefined after reporting when it is not valid. */
export function readRoute(context: ReadContext, node: YamlNode | null): RouteDraft | undefined {
  if (isScalar(node) && typeof node.value === 'string') return checkRoute(context, spanOf(node), readRouteString(context, node, node.value));
  if (isMap(node)) return checkRoute(context, spanOf(node), readRouteObject(context, node));
  context.diagnostics.add(spanOf(node), `a route must be a string ${ROUTE_FORM}, or a map with the keys ${ROUTE_KEYS.join(', ')}; found ${describeNode(node)}`);
  return undefined;
}

function readRouteString(context: ReadContext, node: YamlNode, text: string): RouteParts | undefined {
  const [destination, ...rest] = wordsOf(context, node, text);
  if (!destination) {
    context.diagnostics.add(spanOf(node), `a route must not be empty: expected ${ROUTE_FORM}`);
    return undefined;
  }
  const parts: RouteParts = { destination };
  let valid = true;
  for (let index = 0; index < rest.length; index += 2) {
    const keyword = rest[index]!;
    const value = rest[index + 1];
    if (keyword.value !== 'via' && keyword.value !== 'dev' && keyword.value !== 'metric') {
      context.diagnostics.add(keyword.span, `unexpected ${JSON.stringify(keyword.value)} in a route: expected ${ROUTE_FORM}`);
      valid = false;
    } else if (!value) {
      context.diagnostics.add(keyword.span, `"${keyword.value}" needs a value after it: expected ${ROUTE_FORM}`);
      valid = false;
    } else if (parts[keyword.value] !== undefined) {
      context.diagnostics.add(keyword.span, `"${keyword.value}" is given twice in this route`);
      valid = false;
    } else if (keyword.value === 'metric') {
      const metric = /^\d+$/.test(value.value) ? Number(value.value) : Number.NaN;
      if (checkMetric(context, metric, value.span, value.value)) parts.metric = { value: metric, span: value.span };
      else valid = false;
    } else {
      parts[keyword.value] = value;
    }
  }
  return valid ? parts : undefined;
}

function readRouteObject(context: ReadContext, node: YamlNode): RouteParts | undefined {
  const before = context.diagnostics.count;
  const entries = readFixedMap(context, node, 'a route', ROUTE_KEYS, ['to']);
  if (!entries) return undefined;
  const parts: RouteParts = {};
  // After an unknown key (`gateway:` for `via:`), "needs a gateway" would only repeat the problem.
  let valid = context.diagnostics.count === before;
  for (const key of ['to', 'via', 'dev'] as const) {
    const entry = entries.get(key);
    if (!entry) continue;
    const value = readString(context, entry.value, key);
    if (value) parts[key === 'to' ? 'destination' : key] = value;
    else valid = false;
  }
  const metricEntry = entries.get('metric');
  if (metricEntry) {
    const metric = readInteger(context, metricEntry.value, 'metric', `a whole number from 0 to ${METRIC_MAX}`);
    if (metric && checkMetric(context, metric.value, metric.span, String(metric.value))) parts.metric = metric;
    else valid = false;
  }
  return valid && parts.destination ? parts : undefined;
}

function checkMetric(context: ReadContext, metric: number, span: Span, written: string): boolean {
  if (Number.isInteger(metric) && metric >= 0 && metric <= METRIC_MAX) return true;
  context.diagnostics.add(span, `metric ${JSON.stringify(written)} is not valid: expected a whole number from 0 to ${METRIC_MAX}`);
  return false;
}

/** The checks of a route on its own: a valid destination and gateway of one family, and a gateway or a device. */
function checkRoute(context: ReadContext, span: Span, parts: RouteParts | undefined): RouteDraft | undefined {
  if (!parts?.destination) return undefined;
  const { destination, via, dev, metric } = parts;
  let family: 'inet' | 'inet6' | undefined;
  let viaFamily: 'inet' | 'inet6' | undefined;
  let valid = true;
  try {
    family = checkRouteDestination(destination.value);
  } catch (error) {
    context.diagnostics.add(destination.span, (error as Error).message);
    valid = false;
  }
  try {
    if (via) viaFamily = checkIpAddress(via.value, 'gateway');
  } catch (error) {
    context.diagnostics.add(via!.span, (error as Error).message);
    valid = false;
  }
  if (family && viaFamily && family !== viaFamily) {
    context.diagnostics.add(via!.span, `the gateway ${via!.value} is ${familyName(viaFamily)} but the destination ${destination.value} is ${familyName(family)}`);
    valid = false;
  }
  if (!via && !dev) {
    context.diagnostics.add(span, `the route to ${destination.value} needs a gateway or a device: add "via GATEWAY" or "dev INTERFACE" (or both)`);
    valid = false;
  }
  if (!valid) return undefined;
  return { span, destination, ...((family ?? viaFamily) ? { family: family ?? viaFamily } : {}), ...(via ? { via } : {}), ...(dev ? { device: dev } : {}), ...(metric ? { metric } : {}) };
}

function familyName(family: 'inet' | 'inet6'): string {
  return family === 'inet' ? 'IPv4' : 'IPv6';
}
