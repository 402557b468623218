/** Creating and changing interfaces: veth, bridge, link. */
import { attachToBridge, createBridge, createVethPair, deleteLink, detachFromBridge, setLinkMtu, setLinkUp } from '../../core/changes/operations.js';
import { checkInterfaceName } from '../../core/names.js';
import { expectPositionals, flag, parseCommandArgs, parseEnd, parseWholeNumber, stringListOption, stringOption, UsageError } from '../args.js';
import type { CliCommand } from '../context.js';

export const vethCommand: CliCommand = {
  name: 'veth',
  summary: 'create a veth pair with each end in any namespace',
  usage: [
    'netns-lab veth NAME[@NS] PEER[@NS] [--address CIDR]... [--peer-address CIDR]... [--mtu N] [--up]',
    '',
    'An end without @NS is in the root namespace.',
    '  --address CIDR        add an address to the first end (repeatable), e.g. 10.0.0.1/24',
    '  --peer-address CIDR   add an address to the peer (repeatable)',
    '  --mtu N               set the MTU of both ends',
    '  --up                  bring both ends up',
    '',
    'Example: netns-lab veth veth-a@red veth-b@blue --address 10.0.0.1/24 --peer-address 10.0.0.2/24 --up',
  ].join('\n'),
  async run(args, context) {
    const parsed = parseCommandArgs('veth', args, {
      address: { type: 'string', multiple: true },
      'peer-address': { type: 'string', multiple: true },
      mtu: { type: 'string' },
      up: { type: 'boolean' },
    });
    const [first, second] = expectPositionals('veth', parsed.positionals, ['NAME[@NS]', 'PEER[@NS]']);
    const mtu = parseWholeNumber('veth', '--mtu', stringOption(parsed, 'mtu'));
    await createVethPair(
      context.host,
      { ...parseEnd(first!), addresses: stringListOption(parsed, 'address'), mtu },
      { ...parseEnd(second!), addresses: stringListOption(parsed, 'peer-address'), mtu },
      { up: flag(parsed, 'up') },
    );
    return 0;
  },
};

export const bridgeCommand: CliCommand = {
  name: 'bridge',
  summary: 'create a bridge, attach or detach its ports',
  usage: [
    'netns-lab bridge add NAME[@NS] [--port IFACE]... [--address CIDR]... [--up]',
    'netns-lab bridge attach IFACE[@NS] BRIDGE',
    'netns-lab bridge detach IFACE[@NS]',
    '',
    'Ports are interfaces in the same namespace as the bridge.',
  ].join('\n'),
  async run(args, context) {
    const [action, ...rest] = args;
    const parsed = parseCommandArgs('bridge', rest, { port: { type: 'string', multiple: true }, address: { type: 'string', multiple: true }, up: { type: 'boolean' } });
    if (action === 'add') {
      const [name] = expectPositionals('bridge', parsed.positionals, ['NAME[@NS]']);
      const end = parseEnd(name!);
      await createBridge(context.host, end.namespace, end.name, { ports: stringListOption(parsed, 'port'), addresses: stringListOption(parsed, 'address'), up: flag(parsed, 'up') });
    } else if (action === 'attach') {
      const [port, bridge] = expectPositionals('bridge', parsed.positionals, ['IFACE[@NS]', 'BRIDGE']);
      const end = parseEnd(port!);
      await attachToBridge(context.host, end.namespace, end.name, checkInterfaceName(bridge!));
    } else if (action === 'detach') {
      const [port] = expectPositionals('bridge', parsed.positionals, ['IFACE[@NS]']);
      const end = parseEnd(port!);
      await detachFromBridge(context.host, end.namespace, end.name);
    } else {
      throw new UsageError(`expected add, attach or detach, got ${action === undefined ? 'nothing' : JSON.stringify(action)}`, 'bridge');
    }
    return 0;
  },
};

export const linkCommand: CliCommand = {
  name: 'link',
  summary: 'bring an interface up or down, set its MTU, delete it',
  usage: ['netns-lab link up IFACE[@NS]', 'netns-lab link down IFACE[@NS]', 'netns-lab link mtu IFACE[@NS] MTU', 'netns-lab link del IFACE[@NS]'].join('\n'),
  async run(args, context) {
    const [action, ...rest] = args;
    const { positionals } = parseCommandArgs('link', rest, {});
    if (action === 'up' || action === 'down') {
      const end = parseEnd(expectPositionals('link', positionals, ['IFACE[@NS]'])[0]!);
      await setLinkUp(context.host, end.namespace, end.name, action === 'up');
    } else if (action === 'mtu') {
      const [name, mtu] = expectPositionals('link', positionals, ['IFACE[@NS]', 'MTU']);
      const end = parseEnd(name!);
      await setLinkMtu(context.host, end.namespace, end.name, parseWholeNumber('link', 'MTU', mtu)!);
    } else if (action === 'del' || action === 'delete') {
      const end = parseEnd(expectPositionals('link', positionals, ['IFACE[@NS]'])[0]!);
      await deleteLink(context.host, end.namespace, end.name);
    } else {
      throw new UsageError(`expected up, down, mtu or del, got ${action === undefined ? 'nothing' : JSON.stringify(action)}`, 'link');
    }
    return 0;
  },
};
