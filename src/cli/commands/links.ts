/** Creating and changing interfaces: veth, bridge, link. */
import { attachToBridge, createBridge, createVethPair, deleteLink, describeNamespace, detachFromBridge, setLinkMtu, setLinkUp } from '../../core/changes/operations.js';
import { quoteName } from '../../core/display.js';
import { vethAdd } from '../../core/iproute2/commands.js';
import type { NamespaceName } from '../../core/model.js';
import { checkArguments, expectPositionals, flag, parseCommandArgs, parseEnd, readCidrs, readMtu, stringListOption, stringOption, UsageError } from '../args.js';
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
    const [firstText, secondText] = expectPositionals('veth', parsed.positionals, ['NAME[@NS]', 'PEER[@NS]']);
    const [first, second] = checkArguments('veth', () => {
      const mtu = readMtu('veth', '--mtu', stringOption(parsed, 'mtu'));
      const ends = [
        { ...parseEnd(firstText!), addresses: readCidrs(stringListOption(parsed, 'address')), mtu },
        { ...parseEnd(secondText!), addresses: readCidrs(stringListOption(parsed, 'peer-address')), mtu },
      ] as const;
      vethAdd(...ends); // refuses two ends of the same name in one namespace
      return ends;
    });
    await createVethPair(context.host, first, second, { up: flag(parsed, 'up') });
    return 0;
  },
};

const PORT_FIX = "name an interface of the bridge's namespace (--port IFACE), or create the bridge where the port is (NAME@NS)";
const BRIDGE_FIX = "write the bridge's name alone: it is looked up in the interface's namespace";

export const bridgeCommand: CliCommand = {
  name: 'bridge',
  summary: 'create a bridge, attach or detach its ports',
  usage: [
    'netns-lab bridge add NAME[@NS] [--port IFACE]... [--address CIDR]... [--up]',
    'netns-lab bridge attach IFACE[@NS] BRIDGE',
    'netns-lab bridge detach IFACE[@NS]',
    '',
    "A bridge and its ports are in one namespace: --port IFACE names an interface in the bridge's namespace",
    "(IFACE@NS is accepted when NS is the bridge's), and attach takes the BRIDGE in IFACE's namespace.",
  ].join('\n'),
  async run(args, context) {
    const [action, ...rest] = args;
    const parsed = parseCommandArgs('bridge', rest, { port: { type: 'string', multiple: true }, address: { type: 'string', multiple: true }, up: { type: 'boolean' } });
    if (action === 'add') {
      const [name] = expectPositionals('bridge', parsed.positionals, ['NAME[@NS]']);
      const { bridge, ports, addresses } = checkArguments('bridge', () => {
        const bridge = parseEnd(name!);
        const ports = stringListOption(parsed, 'port').map((port) => sameNamespace('--port', port, bridge.namespace, "a port must be in the bridge's namespace", PORT_FIX));
        return { bridge, ports, addresses: readCidrs(stringListOption(parsed, 'address')) };
      });
      await createBridge(context.host, bridge.namespace, bridge.name, { ports, addresses, up: flag(parsed, 'up') });
    } else if (action === 'attach') {
      const [portText, bridgeText] = expectPositionals('bridge', parsed.positionals, ['IFACE[@NS]', 'BRIDGE']);
      const [port, bridge] = checkArguments('bridge', () => {
        const port = parseEnd(portText!);
        return [port, sameNamespace('BRIDGE', bridgeText!, port.namespace, "the bridge must be in the interface's namespace", BRIDGE_FIX)] as const;
      });
      await attachToBridge(context.host, port.namespace, port.name, bridge);
    } else if (action === 'detach') {
      const [portText] = expectPositionals('bridge', parsed.positionals, ['IFACE[@NS]']);
      const port = checkArguments('bridge', () => parseEnd(portText!));
      await detachFromBridge(context.host, port.namespace, port.name);
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
      const [name] = expectPositionals('link', positionals, ['IFACE[@NS]']);
      const end = checkArguments('link', () => parseEnd(name!));
      await setLinkUp(context.host, end.namespace, end.name, action === 'up');
    } else if (action === 'mtu') {
      const [name, mtuText] = expectPositionals('link', positionals, ['IFACE[@NS]', 'MTU']);
      const [end, mtu] = checkArguments('link', () => [parseEnd(name!), readMtu('link', 'MTU', mtuText)!] as const);
      await setLinkMtu(context.host, end.namespace, end.name, mtu);
    } else if (action === 'del' || action === 'delete') {
      const [name] = expectPositionals('link', positionals, ['IFACE[@NS]']);
      const end = checkArguments('link', () => parseEnd(name!));
      await deleteLink(context.host, end.namespace, end.name);
    } else {
      throw new UsageError(`expected up, down, mtu or del, got ${action === undefined ? 'nothing' : JSON.stringify(action)}`, 'link');
    }
    return 0;
  },
};

/**
 * An interface that must be in `namespace` (a bridge's port, a port's bridge), written `IFACE` or `IFACE@NS` with
 * that NS. Another NS is refused by name here: ip would only say it cannot find a device called "IFACE@NS".
 */
function sameNamespace(what: string, text: string, namespace: NamespaceName, rule: string, fix: string): string {
  const end = parseEnd(text, namespace);
  if (end.namespace === namespace) return end.name;
  throw new UsageError(`${what} ${quoteName(text)}: ${rule}, ${describeNamespace(namespace)}, but this one is in ${describeNamespace(end.namespace)}; ${fix}`);
}
