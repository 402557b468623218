/**
 * What the editor says about labs: a plan as text, the warning before a destroy, a lab's drift in the tree, and the
 * first problem of an invalid file. Pure: no vscode import, so it is tested under plain Node.
 */
import type { DestroyPlan } from '../../core/labs/destroy.js';
import type { LabInspection } from '../../core/labs/inspect.js';
import type { DeployPlan, PlanChange } from '../../core/labs/plan.js';
import type { TopologyDiagnostic } from '../../core/topology/model.js';

const ACTION_MARKS = { create: '+', delete: '-', change: '~' } as const;

/** One line per change, as `netns-lab deploy --dry-run` prints them: `+ namespace lab1-red`. */
export function planLines(changes: readonly PlanChange[]): string[] {
  return changes.map((change) => `${ACTION_MARKS[change.action]} ${change.subject}${change.detail ? `: ${change.detail}` : ''}`);
}

/** The plan as a document: where, from which file, then the changes (or that there are none). */
export function planText(plan: DeployPlan, where: { hostLabel: string; file: string }): string {
  const heading = `Plan for lab ${plan.lab} on ${where.hostLabel}, from ${where.file}`;
  if (plan.refusals.length > 0) return [heading, '', 'A deploy would be refused:', ...plan.refusals.map((reason) => `- ${reason}`), ''].join('\n');
  if (plan.changes.length === 0) return [heading, '', 'No changes: the lab is as the file says.', ''].join('\n');
  const count = plan.changes.length === 1 ? '1 change' : `${plan.changes.length} changes`;
  return [heading, '', `A deploy would make ${count}:`, ...planLines(plan.changes), ''].join('\n');
}

/** The modal's detail before a lab is destroyed: exactly what goes, and what is left alone. */
export function destroyDetail(plan: DestroyPlan): string {
  const lines: string[] = [];
  if (plan.namespaces.length > 0) lines.push(`Namespaces (with everything in them): ${plan.namespaces.join(', ')}.`);
  if (plan.rootInterfaces.length > 0) lines.push(`Interfaces in the root namespace: ${plan.rootInterfaces.join(', ')}.`);
  if (plan.skipped.length > 0) lines.push(`Left alone (the name now belongs to another namespace): ${plan.skipped.join(', ')}.`);
  if (lines.length === 0) lines.push('Nothing of this lab is on the host; only its record is removed.');
  return lines.join('\n');
}

/** What the tree knows of a lab's state against its file. */
export type LabDrift =
  | { state: 'checking' }
  | { state: 'inSync' }
  | { state: 'drifted'; inspection: LabInspection }
  /** The file could not be used: gone, invalid, or declaring another lab. */
  | { state: 'unknown'; reason: string };

/** The drift part of a lab node's description: `drifted: 2 missing, 1 changed`. */
export function driftSummary(inspection: LabInspection): string {
  const parts = [
    inspection.missing.length ? `${inspection.missing.length} missing` : '',
    inspection.drifted.length ? `${inspection.drifted.length} changed` : '',
    inspection.extra.length ? `${inspection.extra.length} extra` : '',
    inspection.conflicts.length ? `${inspection.conflicts.length} in the way` : '',
  ].filter(Boolean);
  return `drifted: ${parts.join(', ')}`;
}

/** The tooltip lines of a drifted lab: each difference, grouped. */
export function driftDetails(inspection: LabInspection): string[] {
  const group = (title: string, changes: readonly PlanChange[]): string[] => (changes.length ? [`${title}:`, ...planLines(changes)] : []);
  return [
    ...group('Missing', inspection.missing),
    ...group('Changed', inspection.drifted),
    ...group('Not in the file', inspection.extra),
    ...(inspection.conflicts.length ? ['In the way:', ...inspection.conflicts.map((reason) => `- ${reason}`)] : []),
  ];
}

/** `3 namespaces`. */
export function namespaceCount(count: number): string {
  return count === 1 ? '1 namespace' : `${count} namespaces`;
}

/** The first problem of an invalid file, for a refusal: `FILE:LINE:COL: message (and 2 more problems)`. */
export function firstProblem(file: string, diagnostics: readonly TopologyDiagnostic[]): string {
  const [first] = diagnostics;
  if (!first) return `${file} is not a valid topology`;
  const more = diagnostics.length - 1;
  const rest = more === 0 ? '' : ` (and ${more} more problem${more === 1 ? '' : 's'})`;
  return `${file} is not a valid topology: line ${first.line}, column ${first.column}: ${first.message}${rest}`;
}
