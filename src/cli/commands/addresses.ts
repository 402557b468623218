/** Addresses and routes: addr, route. */
import { addAddress, addRoute, deleteAddress, deleteRoute } from '../../core/changes/operations.js';
import { routeAdd, routeDelete, type RouteSpec } from '../../core/iproute2/commands.js';
import { checkNamespaceName } from '../../core/names.js';
import { checkArguments, expectPositionals, parseCommandArgs, parseEnd, parseWholeNumber, readCidrs, stringOption, UsageError } from '../args.js';
import type { CliCommand } from '../context.js';

export const addressCommand: CliCommand = {
  name: 'addr',
  summary: 'add or remove an address on an interface',
  usage: 'netns-lab addr add IFACE[@NS] CIDR\nnetns-lab addr del IFACE[@NS] CIDR\n\nExample: netns-lab addr add veth-a@red 10.0.0.1/24',
  async run(args, context) {
    const [action, ...rest] = args;
    const [name, cidr] = expectPositionals('addr', parseCommandArgs('addr', rest, {}).positionals, ['IFACE[@NS]', 'CIDR']);
    if (action !== 'add' && action !== 'del' && action !== 'delete') throw new UsageError(`expected add or del, got ${action === undefined ? 'nothing' : JSON.stringify(action)}`, 'addr');
    const end = checkArguments('addr', () => {
      readCidrs([cidr!]);
      return parseEnd(name!);
    });
    if (action === 'add') await addAddress(context.host, end.namespace, end.name, cidr!);
    else await deleteAddress(context.host, end.namespace, end.name, cidr!);
    return 0;
  },
};

export const routeCommand: CliCommand = {
  name: 'route',
  summary: 'add or remove a route in a namespace',
  usage: [
    'netns-lab route add DEST [via GATEWAY] [dev IFACE] [--netns NS] [--metric N] [-6]',
    'netns-lab route del DEST [via GATEWAY] [dev IFACE] [--netns NS] [--metric N] [-6]',
    '',
    'DEST is default, a prefix (10.1.0.0/24) or an address. Without --netns, the root namespace.',
    '-6 makes a default route without a gateway an IPv6 one.',
    '',
    'Example: netns-lab route add default via 10.0.0.1 --netns red',
  ].join('\n'),
  async run(args, context) {
    const [action, ...rest] = args;
    const parsed = parseCommandArgs('route', rest, { netns: { type: 'string' }, metric: { type: 'string' }, ipv6: { type: 'boolean', short: '6' } });
    if (action !== 'add' && action !== 'del' && action !== 'delete') throw new UsageError(`expected add or del, got ${action === undefined ? 'nothing' : JSON.stringify(action)}`, 'route');
    const route = parseRouteWords(parsed.positionals);
    route.metric = parseWholeNumber('route', '--metric', stringOption(parsed, 'metric'));
    if (parsed.values.ipv6 === true) route.family = 'inet6';
    const namespaceOption = stringOption(parsed, 'netns');
    const namespace = checkArguments('route', () => {
      const namespace = namespaceOption === undefined ? null : checkNamespaceName(namespaceOption);
      // The argv builder checks the destination, gateway, device and their families; run it now, before anything.
      (action === 'add' ? routeAdd : routeDelete)(namespace, route);
      return namespace;
    });
    if (action === 'add') await addRoute(context.host, namespace, route);
    else await deleteRoute(context.host, namespace, route);
    return 0;
  },
};

/** Reads `DEST [via GATEWAY] [dev IFACE]` as ip writes it. */
function parseRouteWords(words: string[]): RouteSpec {
  const [destination, ...rest] = words;
  if (destination === undefined) throw new UsageError('expected a destination: default, a prefix or an address', 'route');
  const route: RouteSpec = { destination };
  for (let index = 0; index < rest.length; index += 2) {
    const [keyword, value] = [rest[index], rest[index + 1]];
    if (value === undefined) throw new UsageError(`${JSON.stringify(keyword)} needs a value`, 'route');
    if (keyword === 'via') route.via = value;
    else if (keyword === 'dev') route.device = value;
    else throw new UsageError(`expected via or dev, got ${JSON.stringify(keyword)}`, 'route');
  }
  return route;
}
