/** Lab topologies from their files: validate, deploy. */
import { resolve } from 'node:path';
import { TopologyFileError } from '../../core/errors.js';
import { deployLab } from '../../core/labs/deploy.js';
import { LabRefusedError } from '../../core/labs/lab-errors.js';
import type { DeployPlan } from '../../core/labs/plan.js';
import { formatDiagnostics } from '../../core/topology/diagnostics.js';
import { loadTopologyFile } from '../../core/topology/load.js';
import type { Topology } from '../../core/topology/model.js';
import { expectPositionals, flag, parseCommandArgs } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { changeLines, count, json, labLabel } from '../lab-render.js';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a lab topology file (*.netns.yaml) and report every problem at its line and column',
  usage: [
    'netns-lab validate FILE [--json]',
    '',
    'Checks the whole file and changes nothing. Each problem is printed on stderr as FILE:LINE:COL: message.',
    'Exit status 0 when the file is valid, 1 when it is not (or cannot be read).',
  ].join('\n'),
  async run(args, context) {
    const [file] = expectPositionals('validate', parseCommandArgs('validate', args, {}).positionals, ['FILE']);
    try {
      const topology = await loadTopologyFile(file!);
      if (context.json) context.out(json({ file, valid: true, lab: topology.lab, ...sizes(topology), diagnostics: [] }));
      else context.out(`${file} is valid: lab ${labLabel(topology.lab)}, ${describeSizes(topology)}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof TopologyFileError)) throw error;
      if (context.json) context.out(json({ file, valid: false, diagnostics: error.diagnostics }));
      context.err(`${formatDiagnostics(file!, error.diagnostics)}\n`);
      context.err(`netns-lab validate: ${file} is not valid (${count(error.diagnostics.length, 'problem')})\n`);
      return 1;
    }
  },
};

export const deployCommand: CliCommand = {
  name: 'deploy',
  summary: 'create or update a lab from its topology file, changing only what differs',
  usage: [
    'netns-lab deploy FILE [--dry-run] [--json]',
    '',
    'Checks the whole file first (nothing runs when it has a problem), then compares it with the host and prints',
    'the plan: + to create, - to delete, ~ to change. Deploying again changes nothing; after an edit of the file,',
    'only the difference. If a step fails, what this deploy made is undone.',
    '  --dry-run   print the plan only; change nothing',
    '',
    'Exit status 0 when the lab is as the file says, 1 when the file is not valid, the deploy was refused',
    "(a name is taken by something that is not the lab's, a kernel part is missing) or a step failed.",
  ].join('\n'),
  async run(args, context) {
    const parsed = parseCommandArgs('deploy', args, { 'dry-run': { type: 'boolean' } });
    const [file] = expectPositionals('deploy', parsed.positionals, ['FILE']);
    const dryRun = flag(parsed, 'dry-run');
    const topology = await loadTopologyFile(file!);
    try {
      const result = await deployLab(context.host, topology, { dryRun, file: resolve(file!), onProgress: context.progress });
      if (context.json) context.out(json(deployJson(file!, context, result.plan, { dryRun, applied: result.applied })));
      else context.out(renderDeploy(file!, context, result.plan, dryRun));
      return 0;
    } catch (error) {
      if (error instanceof LabRefusedError && context.json) {
        context.out(json({ file, lab: topology.lab, host: context.host.label, dryRun, applied: false, changes: [], refusals: error.reasons }));
      }
      throw error;
    }
  },
};

function renderDeploy(file: string, context: CliContext, plan: DeployPlan, dryRun: boolean): string {
  const where = `Lab ${labLabel(plan.lab)} on ${context.host.label}`;
  if (plan.changes.length === 0) return `${where}: no changes (it is as ${file} says)\n`;
  const closing = dryRun ? 'Dry run: nothing was changed.' : `Deployed: ${count(plan.changes.length, 'change')} applied.`;
  return `${where}: ${count(plan.changes.length, 'change')}\n${changeLines(plan.changes)}${closing}\n`;
}

/** The documented shape of `deploy --json`. */
function deployJson(file: string, context: CliContext, plan: DeployPlan, state: { dryRun: boolean; applied: boolean }): object {
  return { file, lab: plan.lab, host: context.host.label, dryRun: state.dryRun, applied: state.applied, changes: plan.changes, refusals: plan.refusals };
}

function sizes(topology: Topology): { namespaces: number; bridges: number; links: number } {
  return { namespaces: topology.namespaces.length, bridges: topology.bridges.length, links: topology.links.length };
}

/** `3 namespaces, 2 links` (and the bridges, when there are any). */
function describeSizes(topology: Topology): string {
  const parts = [count(topology.namespaces.length, 'namespace'), count(topology.links.length, 'link')];
  if (topology.bridges.length > 0) parts.push(count(topology.bridges.length, 'bridge'));
  return parts.join(', ');
}
