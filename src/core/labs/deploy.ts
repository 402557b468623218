/**
 * Deploying a lab: plan, then apply the plan's steps in batches. Deploying again changes nothing; after the file
 * changed, only the difference. A failure undoes what this run made (the steps' undo, newest first) and leaves
 * the lab's record as it was, so a half-made lab never looks deployed.
 */
import { applySteps } from '../changes/steps.js';
import type { Host } from '../host/host.js';
import { LabRefusedError } from './lab-errors.js';
import type { Topology } from '../topology/model.js';
import { planDeploy, type DeployPlan } from './plan.js';
import { readLabRecord, readNamespaceIdentities, removeLabRecord, writeLabRecord, type LabRecord } from './registry.js';

export interface DeployOptions {
  /** Plan only: read the host and return what would change. */
  dryRun?: boolean;
  /** The topology file, kept in the lab's record so tools can show where a lab came from. */
  file?: string;
  /** Called at each stage with a short message, for progress displays. */
  onProgress?: (message: string) => void;
}

export interface DeployResult {
  plan: DeployPlan;
  /** False for a dry run, and when the lab already was as the file says. */
  applied: boolean;
  /** This deploy made the lab: the host had no record of it before (a repair of a lab that was there is not). */
  madeLab: boolean;
}

/** Deploys (or with `dryRun` only plans) a lab; throws LabRefusedError, before changing anything, when the plan is refused. */
export async function deployLab(host: Host, topology: Topology, options: DeployOptions = {}): Promise<DeployResult> {
  options.onProgress?.(`Reading ${host.label}`);
  const plan = await planDeploy(host, topology);
  if (plan.refusals.length > 0) throw new LabRefusedError(topology.lab, plan.refusals);
  if (options.dryRun) return { plan, applied: false, madeLab: false };
  const previous = await readLabRecord(host, topology.lab);
  if (plan.steps.length > 0) {
    options.onProgress?.(`Applying ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}`);
    // Recorded before anything runs, so that a deploy cut short by a crash still leaves a way to find its namespaces.
    await writeLabRecord(host, await labRecord(host, plan, previous, options.file ?? previous?.file, { beforeApply: true }));
    try {
      await applySteps(host, plan.steps);
    } catch (error) {
      await restoreRecord(host, plan, previous);
      throw error;
    }
  }
  // A deploy that changed nothing keeps the record's time, and its file unless one is given.
  const record = await labRecord(host, plan, previous, options.file ?? previous?.file, { beforeApply: false });
  if (plan.steps.length === 0 && previous && sameRecord(previous, record)) return { plan, applied: false, madeLab: false };
  await writeLabRecord(host, record);
  return { plan, applied: plan.steps.length > 0, madeLab: previous === undefined && plan.steps.length > 0 };
}

/**
 * The record of the lab: its namespaces with their identities. Before applying, it also keeps the namespaces of the
 * previous record (the plan may be about to delete them) and lists new namespaces without an identity.
 */
async function labRecord(host: Host, plan: DeployPlan, previous: LabRecord | undefined, file: string | undefined, stage: { beforeApply: boolean }): Promise<LabRecord> {
  const names = new Set(plan.namespaces);
  if (stage.beforeApply) for (const entry of previous?.namespaces ?? []) names.add(entry.name);
  const identities = await readNamespaceIdentities(host, [...names]);
  const namespaces = [...names].filter((name) => stage.beforeApply || identities.has(name)).map((name) => (identities.has(name) ? { name, identity: identities.get(name)! } : { name }));
  return {
    lab: plan.lab,
    ...(file === undefined ? {} : { file }),
    namespaces,
    rootInterfaces: plan.rootInterfaces,
    deployedAt: new Date().toISOString(),
  };
}

/** After a failed apply: the previous record, or none; kept when undoing left namespaces behind, so destroy finds them. */
async function restoreRecord(host: Host, plan: DeployPlan, previous: LabRecord | undefined): Promise<void> {
  const left = new Set(await host.listNamespaceNames());
  const newLeftovers = plan.namespaces.filter((name) => left.has(name) && !previous?.namespaces.some((entry) => entry.name === name));
  if (newLeftovers.length > 0) return;
  if (previous) await writeLabRecord(host, previous);
  else await removeLabRecord(host, plan.lab);
}

function sameRecord(first: LabRecord, second: LabRecord): boolean {
  const { deployedAt: _first, ...firstRest } = first;
  const { deployedAt: _second, ...secondRest } = second;
  return JSON.stringify(firstRest) === JSON.stringify(secondRest);
}
