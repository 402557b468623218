/**
 * Parsing a `*.netns.yaml` lab topology: YAML with positions, then every rule of the format checked, so that one
 * pass reports every problem at its line and column, and nothing runs until the whole file is valid.
 */
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { readCheckList } from '../checks/read-check.js';
import { readBridges } from './bridges.js';
import type { TopologyDraft } from './drafts.js';
import { readLinks } from './links.js';
import type { Topology, TopologyDiagnostic } from './model.js';
import { readNamespaces } from './namespaces.js';
import { resolveTopology } from './resolve.js';
import { readYamlDocument } from './yaml-document.js';
import { type Located, type ReadContext, readFixedMap, readString } from './yaml-nodes.js';

const TOP_LEVEL_KEYS = ['lab', 'namespaces', 'bridges', 'links', 'checks'] as const;
const LAB_NAME_MAX_BYTES = 64;

export interface TopologyParseResult {
  /** Set only when there are no diagnostics. */
  topology?: Topology;
  /** Every problem found, in file order. */
  diagnostics: TopologyDiagnostic[];
}

/** Parses and checks a topology file's text. */
export function parseTopology(text: string): TopologyParseResult {
  const reading = readYamlDocument(text, 'a topology file');
  if (reading.problems) return { diagnostics: reading.problems };
  const { context, contents } = reading;
  const draft = readDraft(context, contents);
  const topology = draft ? resolveTopology(context, draft) : undefined;
  return context.diagnostics.count === 0 && topology ? { topology, diagnostics: [] } : { diagnostics: context.diagnostics.list() };
}

function readDraft(context: ReadContext, root: YamlNode | null): TopologyDraft | undefined {
  if (root === null || (isScalar(root) && root.value === null)) {
    context.diagnostics.add({ start: 0, end: 0 }, 'the file is empty: a topology needs at least "lab: NAME" and its namespaces');
    return undefined;
  }
  if (!isMap(root)) {
    context.diagnostics.add({ start: root.range?.[0] ?? 0, end: root.range?.[1] ?? 0 }, `a topology must be a map with the keys ${TOP_LEVEL_KEYS.join(', ')}`);
    return undefined;
  }
  const entries = readFixedMap(context, root, 'the topology', TOP_LEVEL_KEYS, ['lab']);
  if (!entries) return undefined;
  const labEntry = entries.get('lab');
  const lab = labEntry ? readLab(context, labEntry.value) : undefined;
  const section = (key: string): YamlNode | null | undefined => entries.get(key)?.value;
  const namespaces = section('namespaces');
  const bridges = section('bridges');
  const links = section('links');
  const checks = entries.get('checks');
  return {
    ...(lab ? { lab } : {}),
    ...(checks ? { checks: readCheckList(context, checks.value) } : {}),
    namespaces: isEmpty(namespaces) ? [] : readNamespaces(context, namespaces!),
    bridges: isEmpty(bridges) ? [] : readBridges(context, bridges!),
    links: isEmpty(links) ? [] : readLinks(context, links!),
  };
}

/** A section that is absent or left empty (`links:` with nothing after it) declares nothing. */
function isEmpty(node: YamlNode | null | undefined): boolean {
  return node === undefined || node === null || (isScalar(node) && node.value === null);
}

/** The lab's name: the prefix of its namespaces' kernel names and the key of its ownership tag. */
function readLab(context: ReadContext, node: YamlNode | null): Located<string> | undefined {
  const lab = readString(context, node, 'lab');
  if (!lab) return undefined;
  const bytes = Buffer.byteLength(lab.value, 'utf8');
  const problem =
    lab.value === ''
      ? 'must not be empty'
      : lab.value.includes('/')
        ? 'must not contain "/" (it becomes part of file names under /run/netns)'
        : lab.value.includes('\0')
          ? 'must not contain a NUL character'
          : bytes > LAB_NAME_MAX_BYTES
            ? `must be at most ${LAB_NAME_MAX_BYTES} bytes (this one is ${bytes})`
            : undefined;
  if (problem) {
    context.diagnostics.add(lab.span, `the lab name ${problem}`);
    return undefined;
  }
  return lab;
}
