/**
 * Inspecting a lab: its state against its file, as three lists (missing, extra, drifted), from the same reading a
 * deploy plan makes. Without the file, what the host has of the lab.
 */
import type { Host } from '../host/host.js';
import type { Topology } from '../topology/model.js';
import { planDeploy, type PlanChange } from './plan.js';
import { planDestroy } from './destroy.js';
import { readLabRecord, readLabRecords } from './registry.js';

export interface LabInspection {
  lab: string;
  /** In the file, not on the host: a deploy would create it. */
  missing: PlanChange[];
  /** The lab's on the host, no longer in the file: a deploy would delete it. */
  extra: PlanChange[];
  /** On both, set differently: a deploy would change it. */
  drifted: PlanChange[];
  /** Why a deploy would be refused (a name taken by something that is not the lab's). */
  conflicts: string[];
}

export async function inspectLab(host: Host, topology: Topology): Promise<LabInspection> {
  const plan = await planDeploy(host, topology);
  return {
    lab: topology.lab,
    missing: plan.changes.filter((change) => change.action === 'create'),
    extra: plan.changes.filter((change) => change.action === 'delete' && change.detail === 'not in the file'),
    drifted: plan.changes.filter((change) => change.action === 'change' || (change.action === 'delete' && change.detail !== 'not in the file')),
    conflicts: plan.refusals,
  };
}

export function isInSync(inspection: LabInspection): boolean {
  return inspection.missing.length + inspection.extra.length + inspection.drifted.length + inspection.conflicts.length === 0;
}

/** A lab as the host knows it, without its file. */
export interface DeployedLab {
  lab: string;
  file?: string;
  namespaces: string[];
  rootInterfaces: string[];
  deployedAt?: string;
}

/** What the host has of one lab: from its record and tags; empty lists when nothing of it is there. */
export async function describeDeployedLab(host: Host, lab: string): Promise<DeployedLab> {
  const record = await readLabRecord(host, lab);
  const found = await planDestroy(host, lab, { record });
  return {
    lab,
    ...(record?.file === undefined ? {} : { file: record.file }),
    namespaces: found.namespaces,
    rootInterfaces: found.rootInterfaces,
    ...(record ? { deployedAt: record.deployedAt } : {}),
  };
}

/**
 * The labs recorded on the host with the namespaces of each that exist: one record read and one directory
 * listing (none when the caller has the names already), cheap enough for the tree.
 */
export async function listDeployedLabs(host: Host, namespaceNames?: readonly string[]): Promise<DeployedLab[]> {
  const [records, names] = await Promise.all([readLabRecords(host), namespaceNames ?? host.listNamespaceNames()]);
  const present = new Set(names);
  return records.map((record) => ({
    lab: record.lab,
    ...(record.file === undefined ? {} : { file: record.file }),
    namespaces: record.namespaces.map((entry) => entry.name).filter((name) => present.has(name)),
    rootInterfaces: record.rootInterfaces,
    deployedAt: record.deployedAt,
  }));
}
