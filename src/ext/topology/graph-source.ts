/**
 * What a Topology panel draws, read from its target: a whole target, a deployed lab, or a topology file's lab (the
 * kernel's picture with drift marks when deployed, else the file's plan). The namespaces read last are kept, so a
 * change in a few namespaces re-reads only those; a change of the namespace list reads everything again.
 */
import { graphWithDrift } from '../../core/graph/drift.js';
import { graphFromSnapshot } from '../../core/graph/from-snapshot.js';
import { graphFromTopology } from '../../core/graph/from-topology.js';
import type { NetworkGraph } from '../../core/graph/model.js';
import type { Host } from '../../core/host/host.js';
import { listDeployedLabs, type DeployedLab } from '../../core/labs/inspect.js';
import type { LinkInfo, NamespaceName, NamespaceState } from '../../core/model.js';
import { resolveVethPeers } from '../../core/state/peers.js';
import { readNamespaceSet, readSnapshot } from '../../core/state/read.js';
import type { Topology } from '../../core/topology/model.js';
import type { TopologySubject } from '../view-model/topology-arguments.js';

export interface TopologyReading {
  graph: NetworkGraph;
  /** A file's plan, not the kernel's picture. */
  planned: boolean;
  /** The lab whose namespaces the picture holds (a lab's or a deployed file's), if any. */
  lab?: string;
  /** How many elements carry a drift mark. */
  drifted: number;
}

export class GraphSource {
  /** The namespaces read last, by name (null: the root). */
  private states = new Map<NamespaceName, NamespaceState>();
  private labs: DeployedLab[] = [];

  constructor(
    private readonly host: Host,
    private readonly subject: TopologySubject,
    private readonly readTopology: (file: string) => Promise<Topology>,
  ) {}

  /** The picture now; `changed`: only these namespaces changed since the last read (undefined: anything may have). */
  async read(changed?: readonly NamespaceName[]): Promise<TopologyReading> {
    const topology = this.subject.file === undefined ? undefined : await this.readTopology(this.subject.file);
    const labName = topology?.lab ?? this.subject.lab;
    this.labs = await listDeployedLabs(this.host);
    const lab = labName === undefined ? undefined : this.labs.find((candidate) => candidate.lab === labName);
    if (topology && (!lab || lab.namespaces.length === 0)) {
      this.states.clear();
      return { graph: graphFromTopology(topology), planned: true, lab: topology.lab, drifted: 0 };
    }
    if (labName !== undefined && !lab) throw new Error(`There is no deployed lab ${JSON.stringify(labName)} on ${this.host.label}`);
    const wanted = lab ? [null, ...lab.namespaces] : undefined;
    await this.refresh(wanted, changed);
    const snapshot = { namespaces: [...this.states.values()] };
    const actual = lab ? graphFromSnapshot(snapshot, { labs: [lab], only: new Set(lab.namespaces) }) : graphFromSnapshot(snapshot, { labs: this.labs });
    const graph = topology ? graphWithDrift(graphFromTopology(topology), actual, topology.lab) : actual;
    const drifted = [...graph.namespaces, ...graph.interfaces, ...graph.links].filter((element) => element.drift).length;
    return { graph, planned: false, ...(labName === undefined ? {} : { lab: labName }), drifted };
  }

  /** The named namespaces the picture holds (what to follow). */
  namespaces(): string[] {
    return [...this.states.keys()].filter((name): name is string => name !== null && !name.startsWith('/'));
  }

  /** An interface as last read, for commands run from the picture. */
  link(namespace: NamespaceName, name: string): { link: LinkInfo; ports: LinkInfo[] } | undefined {
    const state = this.states.get(namespace);
    const link = state?.links.find((candidate) => candidate.name === name);
    return link && { link, ports: state!.links.filter((candidate) => candidate.master === name) };
  }

  /** True when the namespace was there at the last read. */
  has(namespace: NamespaceName): boolean {
    return this.states.has(namespace);
  }

  /**
   * Reads `wanted` (undefined: every namespace of the host); once read, only what changed: the namespaces named in
   * `changed`, and those that came into `wanted` (a lab's namespace list is known without reading them).
   */
  private async refresh(wanted: NamespaceName[] | undefined, changed: readonly NamespaceName[] | undefined): Promise<void> {
    if (this.states.size === 0 || (wanted === undefined && changed === undefined)) {
      const states = wanted ? await readNamespaceSet(this.host, wanted) : (await readSnapshot(this.host)).namespaces;
      this.states = new Map(states.filter((state) => state.error === undefined).map((state) => [state.name, state]));
      return;
    }
    const names = wanted ?? [...this.states.keys()];
    const toRead = new Set<NamespaceName>([...names.filter((name) => !this.states.has(name)), ...(changed ?? []).filter((name) => names.includes(name))]);
    const kept = new Set(names);
    for (const name of [...this.states.keys()]) if (!kept.has(name) || toRead.has(name)) this.states.delete(name);
    if (toRead.size === 0) return;
    for (const state of await readNamespaceSet(this.host, [...toRead])) if (state.error === undefined) this.states.set(state.name, state);
    // Peers are named across every namespace kept, not only among those read again.
    resolveVethPeers({ namespaces: [...this.states.values()] });
  }
}
