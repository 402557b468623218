/**
 * Readable text and the documented JSON shapes of the lab commands (deploy, destroy, inspect): plan lines in the
 * form `+ namespace lab1-red`, `- namespace lab1-old (not in the file)`, `~ lab1-red:eth0: mtu 1500 → 1400`.
 */
import type { DestroyPlan } from '../core/labs/destroy.js';
import type { DeployedLab, LabInspection } from '../core/labs/inspect.js';
import type { PlanChange } from '../core/labs/plan.js';
import { printable } from './table.js';

const MARKS = { create: '+', delete: '-', change: '~' } as const;

/** One plan line; a change's detail follows a colon, a creation's or deletion's stands in parentheses. */
export function changeLine(change: PlanChange): string {
  const subject = printable(change.subject);
  if (change.detail === undefined) return `${MARKS[change.action]} ${subject}`;
  const detail = printable(change.detail);
  return change.action === 'change' ? `${MARKS.change} ${subject}: ${detail}` : `${MARKS[change.action]} ${subject} (${detail})`;
}

export function changeLines(changes: readonly PlanChange[], indent = ''): string {
  return changes.map((change) => `${indent}${changeLine(change)}\n`).join('');
}

export function count(number: number, singular: string, plural = `${singular}s`): string {
  return `${number} ${number === 1 ? singular : plural}`;
}

/** `lab1` or, for a name with control characters, its JSON form, so the line stays one line. */
export function labLabel(lab: string): string {
  return printable(lab);
}

/** The lines of a destroy: what went (or would go) and what was left alone. */
export function renderDestroy(plan: DestroyPlan, hostLabel: string, dryRun: boolean): string {
  const total = plan.namespaces.length + plan.rootInterfaces.length;
  if (total === 0 && plan.skipped.length === 0) return `Lab ${labLabel(plan.lab)} on ${hostLabel}: nothing to destroy\n`;
  const verb = dryRun ? 'would remove' : 'removed';
  const rootPart = plan.rootInterfaces.length > 0 ? ` and ${count(plan.rootInterfaces.length, 'interface')} of the root namespace` : '';
  const lines = [
    `Lab ${labLabel(plan.lab)} on ${hostLabel}: ${verb} ${count(plan.namespaces.length, 'namespace')}${rootPart}`,
    ...plan.namespaces.map((name) => `- namespace ${printable(name)}`),
    ...plan.rootInterfaces.map((name) => `- interface ${printable(name)} (root namespace)`),
    ...plan.skipped.map((name) => `  left alone: namespace ${printable(name)} (the name now belongs to a namespace that is not the lab's)`),
  ];
  if (dryRun) lines.push('Dry run: nothing was changed.');
  return lines.join('\n') + '\n';
}

/** The four lists of an inspection, each under its heading; empty lists are left out. */
export function renderInspection(inspection: LabInspection): string {
  const sections: string[] = [];
  const section = (title: string, body: string): void => void (body && sections.push(`${title}\n${body}`));
  section('missing (in the file, not on the host; a deploy creates them):', changeLines(inspection.missing, '  '));
  section("extra (the lab's, no longer in the file; a deploy deletes them):", changeLines(inspection.extra, '  '));
  section('drifted (set differently from the file; a deploy changes them):', changeLines(inspection.drifted, '  '));
  section('conflicts (a deploy would be refused):', inspection.conflicts.map((reason) => `  ! ${oneLine(reason)}\n`).join(''));
  return sections.join('');
}

/** What the host has of a lab, without its file. */
export function renderDeployedLab(lab: DeployedLab, hostLabel: string): string {
  if (lab.namespaces.length + lab.rootInterfaces.length === 0) return `Lab ${labLabel(lab.lab)} on ${hostLabel}: not deployed (nothing of it is there)\n`;
  const lines = [`Lab ${labLabel(lab.lab)} on ${hostLabel}`];
  if (lab.file !== undefined) lines.push(`  file:             ${printable(lab.file)}`);
  if (lab.deployedAt !== undefined) lines.push(`  deployed at:      ${lab.deployedAt}`);
  lines.push(`  namespaces:       ${lab.namespaces.map(printable).join(', ') || 'none'}`);
  lines.push(`  root interfaces:  ${lab.rootInterfaces.map(printable).join(', ') || 'none'}`);
  return lines.join('\n') + '\n';
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').trim();
}

/** `JSON.stringify` as every command prints it. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
