/**
 * Reading a picture from a host: the whole host, one deployed lab's namespaces and what they connect to, or a
 * topology file's lab (the kernel's picture marked against the file when it is deployed, else the file's plan).
 * `GraphReader` keeps the namespaces it read, so that a picture kept current (the editor's Topology panel) reads
 * again only the namespaces that changed; `readGraph` and `readTopologyGraph` read once.
 */
import { listSome } from '../display.js';
import { NotFoundError } from '../errors.js';
import type { Host } from '../host/host.js';
import { listDeployedLabs, type DeployedLab } from '../labs/inspect.js';
import type { HostSnapshot, LinkInfo, NamespaceName, NamespaceState } from '../model.js';
import { resolveVethPeers } from '../state/peers.js';
import { readNamespaceSet, readSnapshot } from '../state/read.js';
import type { Topology } from '../topology/model.js';
import { graphWithDrift } from './drift.js';
import { graphFromSnapshot } from './from-snapshot.js';
import { graphFromTopology } from './from-topology.js';
import type { NetworkGraph } from './model.js';

/** What a picture shows: every namespace of the host (neither given), one deployed lab, or a topology file's lab. */
export interface GraphSubject {
  lab?: string;
  /** The topology file's lab, read again at each read (the file may have changed); it wins over `lab`. */
  topology?: () => Promise<Topology>;
}

export interface GraphReading {
  graph: NetworkGraph;
  /** A file's plan, not the kernel's picture (its lab is not deployed). */
  planned: boolean;
  /** The lab whose namespaces the picture holds (a lab's or a file's), if any. */
  lab?: string;
  /** How many elements carry a drift mark. */
  drifted: number;
  /** How many namespaces this read read (the others were kept from the reads before). */
  namespacesRead: number;
  /** Milliseconds each step took: the lab records and the file, the namespaces, building the model. */
  timings: { labs: number; namespaces: number; model: number };
}

export class GraphReader {
  /** The namespaces read last, by name (null: the root). */
  private states = new Map<NamespaceName, NamespaceState>();
  /** Namespaces whose last read failed (busy, going, not a namespace): drawn as such, read again at the next read. */
  private unread = new Map<NamespaceName, NamespaceState>();
  /** The file and lab records `upcoming()` read, taken by the read just after it instead of reading them again. */
  private ahead: { topology: Topology | undefined; labs: DeployedLab[] } | undefined;

  constructor(
    private readonly host: Host,
    private readonly subject: GraphSubject,
  ) {}

  /**
   * The picture now. `changed`: only these namespaces changed since the last read. Undefined: the namespace list
   * may have changed too; a whole host is read again, while for a lab only the namespaces that joined it are read
   * and those gone are dropped (what changes inside its namespaces comes named).
   */
  async read(changed?: readonly NamespaceName[]): Promise<GraphReading> {
    const started = performance.now();
    const ahead = this.ahead;
    this.ahead = undefined;
    const topology = ahead ? ahead.topology : await this.subject.topology?.();
    const labName = topology?.lab ?? this.subject.lab;
    if (labName === undefined) {
      // The whole host: the lab records only name the labs' boxes, so they are read beside the namespaces.
      const [labs, read] = await Promise.all([listDeployedLabs(this.host), this.refresh(undefined, changed)]);
      const modelling = performance.now();
      const graph = graphFromSnapshot(this.snapshot(), { labs });
      return { graph, planned: false, drifted: 0, namespacesRead: read, timings: { labs: 0, namespaces: modelling - started, model: performance.now() - modelling } };
    }
    const labs = ahead?.labs ?? (await listDeployedLabs(this.host));
    const lab = labs.find((candidate) => candidate.lab === labName);
    const listed = performance.now();
    if (topology && (!lab || lab.namespaces.length === 0)) {
      this.states.clear();
      this.unread.clear();
      return { graph: graphFromTopology(topology), planned: true, lab: labName, drifted: 0, namespacesRead: 0, timings: { labs: listed - started, namespaces: 0, model: performance.now() - listed } };
    }
    if (!lab) throw new NotFoundError(`There is no deployed lab ${JSON.stringify(labName)} on ${this.host.label}; ${deployedWords(labs)}`);
    const read = await this.refresh([null, ...lab.namespaces], changed);
    const modelling = performance.now();
    const graph = this.labGraph(lab, topology);
    const drifted = [...graph.namespaces, ...graph.interfaces, ...graph.links].filter((element) => element.drift).length;
    return { graph, planned: false, lab: labName, drifted, namespacesRead: read, timings: { labs: listed - started, namespaces: modelling - listed, model: performance.now() - modelling } };
  }

  /**
   * The named namespaces the next read will hold, known without reading them (to follow them from before it). The
   * file and lab records it reads serve that next read too: what changes in between announces itself by the
   * namespace list, which brings a whole read.
   */
  async upcoming(): Promise<string[]> {
    const topology = await this.subject.topology?.();
    const labName = topology?.lab ?? this.subject.lab;
    if (labName === undefined) return this.host.listNamespaceNames();
    const labs = await listDeployedLabs(this.host);
    this.ahead = { topology, labs };
    return labs.find((candidate) => candidate.lab === labName)?.namespaces ?? [];
  }

  /** The named namespaces the picture holds (what to follow). */
  namespaces(): string[] {
    return [...this.states.keys()].filter((name): name is string => name !== null && !name.startsWith('/'));
  }

  /** An interface as last read, with the ports of a bridge (for commands run from the picture). */
  link(namespace: NamespaceName, name: string): { link: LinkInfo; ports: LinkInfo[] } | undefined {
    const state = this.states.get(namespace);
    const link = state?.links.find((candidate) => candidate.name === name);
    return link && { link, ports: state!.links.filter((candidate) => candidate.master === name) };
  }

  /** True when the namespace was there at the last read. */
  has(namespace: NamespaceName): boolean {
    return this.states.has(namespace);
  }

  /** The lab's namespaces (and the root one, for what they connect to there), marked against its file if given. */
  private labGraph(lab: DeployedLab, topology: Topology | undefined): NetworkGraph {
    const actual = graphFromSnapshot(this.snapshot(), { labs: [lab], only: new Set(lab.namespaces) });
    return topology ? graphWithDrift(graphFromTopology(topology), actual, topology.lab) : actual;
  }

  /**
   * Reads `wanted` (undefined: every namespace of the host); once read, only what changed: the namespaces named in
   * `changed`, and those that came into `wanted` (a lab's namespace list is known without reading them). Returns
   * how many namespaces it read.
   */
  private async refresh(wanted: NamespaceName[] | undefined, changed: readonly NamespaceName[] | undefined): Promise<number> {
    if (this.states.size === 0 || (wanted === undefined && changed === undefined)) {
      const states = wanted ? await readNamespaceSet(this.host, wanted) : (await readSnapshot(this.host)).namespaces;
      this.states = new Map();
      this.unread.clear();
      this.keep(states);
      return states.length;
    }
    const names = wanted ?? [...this.states.keys(), ...this.unread.keys()];
    const toRead = new Set<NamespaceName>([...names.filter((name) => !this.states.has(name)), ...(changed ?? []).filter((name) => names.includes(name))]);
    const kept = new Set(names);
    for (const name of [...this.states.keys()]) if (!kept.has(name) || toRead.has(name)) this.states.delete(name);
    this.unread.clear();
    if (toRead.size === 0) return 0;
    this.keep(await readNamespaceSet(this.host, [...toRead]));
    // Peers are named across every namespace kept, not only among those read again.
    resolveVethPeers({ namespaces: [...this.states.values()] });
    return toRead.size;
  }

  /** Keeps what was read; a namespace that could not be read is kept apart, with why, until a read succeeds. */
  private keep(states: readonly NamespaceState[]): void {
    for (const state of states) {
      if (state.error === undefined) this.states.set(state.name, state);
      else this.unread.set(state.name, state);
    }
  }

  /** What the picture is made from: the namespaces read, and those that could not be. */
  private snapshot(): HostSnapshot {
    return { namespaces: [...this.states.values(), ...this.unread.values()] };
  }
}

/** `the labs deployed there are a, b`, or that there are none. */
function deployedWords(labs: readonly DeployedLab[]): string {
  return labs.length === 0 ? 'no lab is deployed there' : `the labs deployed there are ${listSome(labs.map((lab) => lab.lab))}`;
}

/** The picture of a whole host (`lab` undefined) or of one deployed lab; throws NotFoundError for an unknown lab. */
export async function readGraph(host: Host, lab?: string): Promise<NetworkGraph> {
  return (await new GraphReader(host, lab === undefined ? {} : { lab }).read()).graph;
}

/** A topology file's lab as a picture: deployed, the kernel's with drift marks against the file; else the plan. */
export async function readTopologyGraph(host: Host, topology: Topology): Promise<{ graph: NetworkGraph; deployed: boolean }> {
  const { graph, planned } = await new GraphReader(host, { topology: () => Promise.resolve(topology) }).read();
  return { graph, deployed: !planned };
}
