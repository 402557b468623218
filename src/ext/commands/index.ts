/**
 * The editor's commands: one table from command id to handler. Every command works three ways.
 *
 * - From the palette (no argument): it asks for what it needs, step by step; Escape anywhere cancels. Once SSH
 *   targets are configured, a command that acts on a host asks which first (the selected node's target first).
 * - From a context menu (a tree node of `../view-model/tree-nodes.ts`): it takes what the node says and asks for the rest.
 * - From a program, `vscode.commands.executeCommand(id, object)`: the object must be complete; nothing is asked,
 *   nothing destructive is confirmed, and a failure is thrown back to the caller (as well as shown and logged).
 *
 * The plain objects (`namespace: null` is the root namespace; `targetId` defaults to `'local'`, this machine):
 *
 * | command | object | result |
 * | --- | --- | --- |
 * | `netnsLab.namespace.create` | `{ name, loopbackUp?: boolean = true, targetId? }` | |
 * | `netnsLab.namespace.delete` | `{ name, targetId? }` | |
 * | `netnsLab.namespace.name` | `{ pid: number, name?: string, targetId? }` (names the namespace of that process) | |
 * | `netnsLab.namespace.openTerminal` | `{ namespace: string \| null, targetId? }` | the `vscode.Terminal` |
 * | `netnsLab.veth.create` | `{ first: { name, namespace }, second: { name, namespace }, firstAddresses?: string[], secondAddresses?: string[], up?: boolean = true, targetId? }` | |
 * | `netnsLab.bridge.create` | `{ namespace, name, ports?: string[], up?: boolean = true, targetId? }` | |
 * | `netnsLab.bridge.attach` | `{ namespace, interface, bridge, targetId? }` | |
 * | `netnsLab.bridge.detach` | `{ namespace, interface, targetId? }` | |
 * | `netnsLab.address.add`, `netnsLab.address.remove` | `{ namespace, interface, address: 'ADDRESS/PREFIX', targetId? }` | |
 * | `netnsLab.route.add`, `netnsLab.route.remove` | `{ namespace, destination, via?, device?, metric?: number, targetId? }` | |
 * | `netnsLab.interface.setUp`, `.setDown`, `.delete` | `{ namespace, interface, targetId? }` | |
 * | `netnsLab.copyName` | a NamespaceNode (named) or an InterfaceNode | the text copied |
 * | `netnsLab.copyAddress` | an AddressNode | the text copied, `ADDRESS/PREFIX` |
 * | `netnsLab.target.add` | `{ target: 'ALIAS' \| 'USER@HOST' \| 'ssh://USER@HOST:PORT' }` | the target |
 * | `netnsLab.target.remove` | `{ target }` | |
 * | `netnsLab.notebook.selectTarget` | `{ targetId, notebook?: Uri }` (default: the active notebook) | the target id |
 * | `netnsLab.lab.deploy` | `{ file: string \| Uri, targetId? }` (a topology file) | `{ plan, applied }` (DeployResult) |
 * | `netnsLab.lab.plan` | `{ file: string \| Uri, targetId? }` | `{ plan, text }` |
 * | `netnsLab.lab.check` | `{ file: string \| Uri, targetId? }` (a topology file with `checks:`) | `{ results, passed, failed }` (ChecksPayload) |
 * | `netnsLab.lab.destroy` | `{ file: string \| Uri, targetId? }` or `{ lab, targetId? }` | what was removed (DestroyPlan) |
 * | `netnsLab.lab.openFile` | a lab node of the view, or `{ file: string \| Uri }` | |
 * | `netnsLab.notebook.destroyLab` | `{ notebook: string \| Uri }` (a `*.netns.md` naming a topology) | what was removed |
 * | `netnsLab.notebook.stopBackground` | nothing (the active notebook) | how many cells had left processes running |
 * | `netnsLab.refresh`, `netnsLab.showLog`, `netnsLab.openTutorial` | nothing | |
 * | `netnsLab.privilege.retry` | `{ targetId? }` (default: every target) | |
 * | `netnsLab.capture.start` | `{ interfaces: ['NS:IF', …], filter?: BPF, targetId? }` (`IF` alone: the root namespace) | the CapturePanel, once tcpdump listens |
 * | `netnsLab.capture.openFile` | `{ file: string \| Uri }` (a classic pcap file on this machine) | the CapturePanel, reading the file |
 * | `netnsLab.topology.show` | `{ targetId?, lab?, file?: string \| Uri }` (nothing but the target: every namespace) | the TopologyPanel, once its first picture is sent |
 *
 * The lab commands also take a file's Uri (CodeLens, menus) or a lab node of the view; with nothing, the active
 * editor's topology file (or notebook). These count as the user: destroy then asks first.
 *
 * A malformed object is refused with a CommandArgumentError naming the field and the expected shape; invalid names
 * and addresses are refused by the core (InvalidNameError, InvalidArgumentError) before anything runs.
 */
import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { checkLabCommand } from '../labs/lab-checks.js';
import { openCaptureFileCommand, startCaptureCommand } from '../capture/start-capture.js';
import { showTopologyCommand } from '../topology/show-topology.js';
import { deployLabCommand, destroyLabCommand, openLabFileCommand, planLabCommand } from '../labs/lab-commands.js';
import { stopNotebookBackgroundCommand } from '../notebook-background.js';
import { destroyNotebookLabCommand } from '../notebook/topology.js';
import { addAddressCommand, removeAddressCommand } from './addresses.js';
import { attachToBridgeCommand, createBridgeCommand, detachFromBridgeCommand } from './bridges.js';
import { copyAddressCommand, copyNameCommand } from './clipboard.js';
import { deleteInterfaceCommand, setInterfaceDownCommand, setInterfaceUpCommand } from './interfaces.js';
import { createNamespaceCommand, deleteNamespaceCommand } from './namespaces.js';
import { nameNamespaceCommand } from './name-namespace.js';
import { selectNotebookTargetCommand } from '../notebook/notebook-target.js';
import { addRouteCommand, removeRouteCommand } from './routes.js';
import { commandCallback, type CommandDefinition } from './run.js';
import { addTargetCommand, removeTargetCommand } from './targets.js';
import { openTerminalCommand } from './terminal.js';
import { openTutorialCommand } from './tutorials.js';
import { createVethCommand } from './veth.js';
import { refreshCommand, retryPrivilegeCommand, showLogCommand } from './view.js';

/**
 * Every command of package.json. `needsTrust`: it changes the host or runs something, so not in Restricted Mode.
 * `targetTitle` (the palette title): it acts on one host, which the palette asks for once SSH targets are configured.
 */
const COMMANDS: readonly CommandDefinition[] = [
  { id: 'netnsLab.refresh', needsTrust: false, handler: refreshCommand },
  { id: 'netnsLab.showLog', needsTrust: false, handler: showLogCommand },
  { id: 'netnsLab.privilege.retry', needsTrust: false, handler: retryPrivilegeCommand },
  { id: 'netnsLab.namespace.create', needsTrust: true, targetTitle: 'Create Namespace', handler: createNamespaceCommand },
  { id: 'netnsLab.namespace.delete', needsTrust: true, targetTitle: 'Delete Namespace', handler: deleteNamespaceCommand },
  { id: 'netnsLab.namespace.name', needsTrust: true, targetTitle: 'Name It', handler: nameNamespaceCommand },
  { id: 'netnsLab.namespace.openTerminal', needsTrust: true, targetTitle: 'Open Terminal in Namespace', handler: openTerminalCommand },
  { id: 'netnsLab.veth.create', needsTrust: true, targetTitle: 'Create Veth Pair', handler: createVethCommand },
  { id: 'netnsLab.bridge.create', needsTrust: true, targetTitle: 'Create Bridge', handler: createBridgeCommand },
  { id: 'netnsLab.bridge.attach', needsTrust: true, targetTitle: 'Attach Interface to Bridge', handler: attachToBridgeCommand },
  { id: 'netnsLab.bridge.detach', needsTrust: true, targetTitle: 'Detach Interface from Bridge', handler: detachFromBridgeCommand },
  { id: 'netnsLab.address.add', needsTrust: true, targetTitle: 'Add Address', handler: addAddressCommand },
  { id: 'netnsLab.address.remove', needsTrust: true, targetTitle: 'Remove Address', handler: removeAddressCommand },
  { id: 'netnsLab.route.add', needsTrust: true, targetTitle: 'Add Route', handler: addRouteCommand },
  { id: 'netnsLab.route.remove', needsTrust: true, targetTitle: 'Remove Route', handler: removeRouteCommand },
  { id: 'netnsLab.interface.setUp', needsTrust: true, targetTitle: 'Set Interface Up', handler: setInterfaceUpCommand },
  { id: 'netnsLab.interface.setDown', needsTrust: true, targetTitle: 'Set Interface Down', handler: setInterfaceDownCommand },
  { id: 'netnsLab.interface.delete', needsTrust: true, targetTitle: 'Delete Interface', handler: deleteInterfaceCommand },
  { id: 'netnsLab.capture.start', needsTrust: true, targetTitle: 'Capture Packets', handler: startCaptureCommand },
  // Reading a saved file runs nothing and changes nothing: allowed in Restricted Mode too.
  { id: 'netnsLab.capture.openFile', needsTrust: false, handler: openCaptureFileCommand },
  { id: 'netnsLab.topology.show', needsTrust: false, handler: showTopologyCommand },
  { id: 'netnsLab.copyName', needsTrust: false, handler: copyNameCommand },
  { id: 'netnsLab.copyAddress', needsTrust: false, handler: copyAddressCommand },
  { id: 'netnsLab.openTutorial', needsTrust: false, handler: openTutorialCommand },
  { id: 'netnsLab.target.add', needsTrust: false, handler: addTargetCommand },
  { id: 'netnsLab.target.remove', needsTrust: false, handler: removeTargetCommand },
  { id: 'netnsLab.notebook.selectTarget', needsTrust: false, handler: selectNotebookTargetCommand },
  { id: 'netnsLab.lab.deploy', needsTrust: true, handler: deployLabCommand },
  { id: 'netnsLab.lab.plan', needsTrust: true, handler: planLabCommand },
  { id: 'netnsLab.lab.destroy', needsTrust: true, handler: destroyLabCommand },
  { id: 'netnsLab.lab.check', needsTrust: true, handler: checkLabCommand },
  { id: 'netnsLab.lab.openFile', needsTrust: false, handler: openLabFileCommand },
  { id: 'netnsLab.notebook.destroyLab', needsTrust: true, handler: destroyNotebookLabCommand },
  { id: 'netnsLab.notebook.stopBackground', needsTrust: false, handler: stopNotebookBackgroundCommand },
];

/** Registers every command; each registration is owned by the extension's context. */
export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  for (const definition of COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(definition.id, commandCallback(services, definition)));
  }
}
