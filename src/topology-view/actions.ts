/** The context menu of a picture's node: the commands of a namespace and of an interface, with their titles. */
import type { TopologyActionCommand } from '../ext/view-model/topology-messages.js';

export const TOPOLOGY_ACTIONS: Record<'namespace' | 'interface', ReadonlyArray<{ command: TopologyActionCommand; title: string }>> = {
  namespace: [
    { command: 'netnsLab.namespace.openTerminal', title: 'Open Terminal' },
    { command: 'netnsLab.veth.create', title: 'Add Veth Pair…' },
    { command: 'netnsLab.capture.start', title: 'Capture…' },
    { command: 'netnsLab.namespace.delete', title: 'Delete Namespace' },
  ],
  interface: [
    { command: 'netnsLab.address.add', title: 'Add Address…' },
    { command: 'netnsLab.capture.start', title: 'Capture' },
    { command: 'netnsLab.interface.delete', title: 'Delete Interface' },
  ],
};
