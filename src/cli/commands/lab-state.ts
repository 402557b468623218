/** A lab on its host, by file or by name: destroy, inspect. */
import { NetnsLabError, TopologyFileError } from '../../core/errors.js';
import { destroyLab } from '../../core/labs/destroy.js';
import { describeDeployedLab, inspectLab, isInSync } from '../../core/labs/inspect.js';
import { formatDiagnostics } from '../../core/topology/diagnostics.js';
import { loadTopologyFile, readTopologyText } from '../../core/topology/load.js';
import { flag, parseCommandArgs } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { count, json, labLabel, renderDeployedLab, renderDestroy, renderInspection } from '../lab-render.js';
import { readableLabName, readLabReference } from './lab-file.js';

/** `inspect FILE`: the lab differs from its file. */
export const EXIT_NOT_IN_SYNC = 3;

export const destroyCommand: CliCommand = {
  name: 'destroy',
  summary: "remove everything of a lab, and nothing that is not the lab's",
  usage: [
    'netns-lab destroy FILE|--lab NAME [--dry-run] [--json]',
    '',
    "Removes the lab's namespaces (with their veths and bridges) and its interfaces in the root namespace, found",
    "on the host by the lab's record and the tags its objects carry: an edited or deleted file changes nothing",
    "about what is removed, and nothing that is not the lab's is touched. With FILE, the lab is the file's `lab:`;",
    'a file with problems elsewhere still names its lab, but when its `lab:` cannot be read for certain, use',
    '--lab NAME.',
    '  --lab NAME  the lab to destroy, without its file',
    '  --dry-run   print what would be removed; change nothing',
    '',
    'Destroying a lab that is not there changes nothing and succeeds.',
  ].join('\n'),
  async run(args, context) {
    const parsed = parseCommandArgs('destroy', args, { lab: { type: 'string' }, 'dry-run': { type: 'boolean' } });
    const reference = readLabReference('destroy', parsed);
    const lab = reference.lab ?? (await labOfFile(reference.file, context));
    const dryRun = flag(parsed, 'dry-run');
    const plan = await destroyLab(context.host, lab, { dryRun, onProgress: context.progress });
    if (context.json) context.out(json({ lab: plan.lab, host: context.host.label, dryRun, namespaces: plan.namespaces, rootInterfaces: plan.rootInterfaces, skipped: plan.skipped }));
    else context.out(renderDestroy(plan, context.host.label, dryRun));
    return 0;
  },
};

/**
 * The lab a file names. A valid file names it outright; a file with problems elsewhere, when its `lab:` can be
 * read for certain (destroy needs nothing else from it); otherwise the file's problems and a pointer to --lab.
 */
async function labOfFile(file: string, context: CliContext): Promise<string> {
  try {
    return (await loadTopologyFile(file)).lab;
  } catch (error) {
    if (!(error instanceof TopologyFileError)) throw error;
    // A file too large or not UTF-8 has no text to read the name from.
    const text = await readTopologyText(file).catch((readError: unknown) => {
      if (readError instanceof TopologyFileError) return undefined;
      throw readError;
    });
    const lab = text === undefined ? undefined : readableLabName(text);
    context.err(`${formatDiagnostics(file, error.diagnostics)}\n`);
    if (lab === undefined) {
      throw new NetnsLabError(`${file} is not a valid topology and its lab: cannot be read for certain, so nothing was changed; to destroy the lab anyway, name it: netns-lab destroy --lab NAME`);
    }
    context.err(`netns-lab destroy: ${file} has ${count(error.diagnostics.length, 'problem')}; its lab: ${labLabel(lab)} is readable, so that lab is destroyed\n`);
    return lab;
  }
}

export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'compare a lab with its topology file, or show what the host has of a lab',
  usage: [
    'netns-lab inspect FILE|--lab NAME [--json]',
    '',
    'With FILE: what differs between the file and the host, in four lists: missing (a deploy would create it),',
    "extra (the lab's, no longer in the file), drifted (set differently) and conflicts (why a deploy would be",
    'refused). Exit status 0 when the lab is as the file says, 3 when it differs, 1 when the file is not valid.',
    "With --lab NAME: the lab's namespaces and root-namespace interfaces on the host, the file it was deployed",
    'from and when (exit status 0, also when nothing of the lab is there).',
    '  --lab NAME  the lab to show, without its file',
  ].join('\n'),
  async run(args, context) {
    const parsed = parseCommandArgs('inspect', args, { lab: { type: 'string' } });
    const reference = readLabReference('inspect', parsed);
    if (reference.lab !== undefined) return showDeployedLab(reference.lab, context);
    return compareWithFile(reference.file, context);
  },
};

async function compareWithFile(file: string, context: CliContext): Promise<number> {
  const topology = await loadTopologyFile(file);
  const inspection = await inspectLab(context.host, topology);
  const inSync = isInSync(inspection);
  if (context.json) {
    context.out(
      json({ file, lab: inspection.lab, host: context.host.label, inSync, missing: inspection.missing, extra: inspection.extra, drifted: inspection.drifted, conflicts: inspection.conflicts }),
    );
  } else {
    const where = `Lab ${labLabel(inspection.lab)} on ${context.host.label}`;
    context.out(inSync ? `${where}: in sync with ${file}\n` : `${where}: differs from ${file}\n${renderInspection(inspection)}`);
  }
  return inSync ? 0 : EXIT_NOT_IN_SYNC;
}

async function showDeployedLab(lab: string, context: CliContext): Promise<number> {
  const deployed = await describeDeployedLab(context.host, lab);
  const present = deployed.namespaces.length + deployed.rootInterfaces.length > 0;
  if (context.json)
    context.out(
      json({ lab, host: context.host.label, deployed: present, file: deployed.file, deployedAt: deployed.deployedAt, namespaces: deployed.namespaces, rootInterfaces: deployed.rootInterfaces }),
    );
  else context.out(renderDeployedLab(deployed, context.host.label));
  return 0;
}
