/** Running lab notebooks headless: run. */
import { dirname } from 'node:path';
import type { DeployResult } from '../../core/labs/deploy.js';
import type { DestroyPlan } from '../../core/labs/destroy.js';
import type { NamespaceName } from '../../core/model.js';
import { checkNamespaceName } from '../../core/names.js';
import { readNotebookFile } from '../../core/notebook/notebook-file.js';
import { runNotebook, type CellPosition, type NotebookRunSummary } from '../../core/notebook/run-notebook.js';
import type { CellRun } from '../../core/notebook/execute.js';
import { stateDiffLines } from '../../core/state/diff.js';
import { packetSummaryLines } from '../../core/notebook/cell-capture.js';
import { checkArguments, flag, parseCommandArgs, stringOption, UsageError } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { count, labLabel } from '../lab-render.js';
import { namespaceLabel } from '../render.js';
import { LateOutput } from '../late-output.js';
import { CellPictures } from '../cell-pictures.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run lab notebooks (*.netns.md) top to bottom, printing each cell and its status',
  usage: [
    'netns-lab run FILE... [--keep-going] [--netns NS] [--keep-lab | --destroy-after] [--keep-background] [--diff]',
    '              [--pictures DIR] [--target TARGET]',
    '',
    'Runs every shell cell of each notebook in order, in its namespace, and stops at the first failing cell,',
    "on --target if given, else on the notebook's own target (front matter), else on this machine. A notebook",
    'whose front matter names a topology (topology: ./lab.netns.yaml, relative to the notebook) has that lab',
    'deployed before its first cell, as netns-lab deploy would; nothing runs when the file is not valid. When the',
    'cells are done, passed or failed, a lab that this run deployed (it was not there before) is destroyed again,',
    'and a lab that was there before the run is left as it is.',
    '  --keep-going      run the remaining cells (and notebooks) after a failure',
    '  --netns NS        run every cell in NS instead of the namespaces the notebook names (/ for the root namespace)',
    "  --keep-lab        keep each notebook's lab after the run, also when the run deployed it, to explore it",
    "  --destroy-after   destroy each notebook's lab after the run, also when it was there before the run",
    '  --keep-background leave running what cells started in the background (a server started with &);',
    '                    by default it is stopped, with its whole process group, when each notebook is done',
    '  --diff            after each cell, print what it changed in the namespaces it touched (its own, those it',
    '                    names, those it made or deleted); a cell option diff=true or diff=false decides per cell',
    '  --pictures DIR    also write the picture of each cell with a picture option as DIR/NOTEBOOK-cell-N.svg',
    '',
    "A cell with picture=true (its notebook's lab), picture=host (every namespace) or picture=LAB (a deployed",
    'lab) prints the network after it ran as Mermaid text.',
    'A cell passes when its shell exits 0, even while processes it started in the background still run; what',
    'they print after the cell has ended is shown after the notebook. A cell with a timeout=SECONDS option that',
    'runs longer is stopped and fails. Ctrl-C stops the running cell and everything it started.',
    '',
    'Exit status 0 when every cell passed, 1 otherwise, 130 when interrupted.',
  ].join('\n'),
  handlesInterrupts: true,
  async run(args, context) {
    const parsed = parseCommandArgs('run', args, {
      'keep-going': { type: 'boolean' },
      netns: { type: 'string' },
      'destroy-after': { type: 'boolean' },
      'keep-lab': { type: 'boolean' },
      'keep-background': { type: 'boolean' },
      diff: { type: 'boolean' },
      pictures: { type: 'string' },
    });
    if (parsed.positionals.length === 0) throw new UsageError('expected at least one notebook file', 'run');
    const override = checkArguments('run', () => readNamespaceOverride(stringOption(parsed, 'netns')));
    const keepGoing = flag(parsed, 'keep-going');
    const destroyAfter = flag(parsed, 'destroy-after');
    const keepLab = flag(parsed, 'keep-lab');
    if (destroyAfter && keepLab) throw new UsageError('give either --keep-lab or --destroy-after, not both', 'run');
    const keepBackground = flag(parsed, 'keep-background');
    const diff = flag(parsed, 'diff');
    const pictures = stringOption(parsed, 'pictures');
    if (pictures === '') throw new UsageError('--pictures needs a folder, like --pictures pictures/', 'run');
    let failed = false;
    for (const file of parsed.positionals) {
      const summary = await runFile(file, context, { keepGoing, override, destroyAfter, keepLab, keepBackground, diff, pictures });
      failed ||= summary.failed > 0;
      if (failed && !keepGoing) break;
    }
    return failed ? 1 : 0;
  },
};

function readNamespaceOverride(value: string | undefined): NamespaceName | undefined {
  if (value === undefined) return undefined;
  return value === '/' ? null : checkNamespaceName(value);
}

interface RunFileOptions {
  keepGoing: boolean;
  override?: NamespaceName;
  destroyAfter: boolean;
  keepLab: boolean;
  keepBackground: boolean;
  diff: boolean;
  /** The folder for the cells' pictures as SVG files (`--pictures`). */
  pictures: string | undefined;
}

async function runFile(file: string, context: CliContext, options: RunFileOptions): Promise<NotebookRunSummary> {
  const notebook = await readNotebookFile(file);
  // --target wins; otherwise the notebook's own target, else this machine.
  const host = context.targetGiven ? context.host : context.hostFor(notebook.frontMatter?.options.target);
  context.out(`${file} (on ${host.label})\n`);
  const late = new LateOutput();
  const pictures = new CellPictures(file, options.pictures);
  await pictures.prepare();
  const summary = await runNotebook(host, notebook, {
    onTargetHost: true,
    signal: context.interrupts.signal,
    keepBackground: options.keepBackground,
    diff: options.diff,
    keepGoing: options.keepGoing,
    namespaceOverride: options.override,
    notebookDirectory: dirname(file),
    destroyLabAfter: options.destroyAfter,
    destroyLabIfMade: !options.keepLab,
    onLabDeployed: (result, path) => context.out(labDeployed(result, path)),
    onLabDestroyed: (plan) => context.out(labDestroyed(plan)),
    onLabProgress: context.progress,
    onCellStart: (cell, position) => context.out(cellHeading(cell.source, position)),
    stdout: context.stdout,
    stderr: context.stderr,
    onLateOutput: (position, _stream, bytes) => late.add(position.number, bytes),
    onBackgroundStopped: (cells) => context.out(`── stopped what ${count(cells, 'cell')} left running in the background\n`),
    onCellEnd: (_cell, position, run) => context.out(cellDiff(position, run) + cellPackets(run) + pictures.text(position, run.picture) + cellStatus(position, run)),
  });
  late.print(context.out);
  context.out(await pictures.write());
  const skipped = summary.skipped ? `, ${summary.skipped} not run` : '';
  context.out(`${file}: ${summary.passed} passed, ${summary.failed} failed${skipped}\n\n`);
  return summary;
}

/** `── lab lab6 deployed from …: 5 changes` (and each change), or that it already was as the file says. */
function labDeployed(result: DeployResult, path: string): string {
  const lab = labLabel(result.plan.lab);
  if (!result.applied) return `── lab ${lab} from ${path}: no changes\n`;
  return `── lab ${lab} deployed from ${path}: ${count(result.plan.changes.length, 'change')}\n`;
}

function labDestroyed(plan: DestroyPlan): string {
  const removed = plan.namespaces.length + plan.rootInterfaces.length;
  if (removed === 0) return `── lab ${labLabel(plan.lab)}: nothing to destroy\n`;
  return `── lab ${labLabel(plan.lab)} destroyed: ${count(plan.namespaces.length, 'namespace')} removed\n`;
}

/** `── cell 2/5 in red ──` and the cell's first line. */
function cellHeading(source: string, position: CellPosition): string {
  const firstLine = source.split('\n').find((line) => line.trim()) ?? '';
  return `── cell ${position.number}/${position.count} in ${namespaceLabel(position.namespace)}: ${firstLine.trim()}\n`;
}

/** `── cell 2/5 changed:` and one indented line per change (see stateDiffLines); nothing when no diff was asked. */
function cellDiff(position: CellPosition, run: CellRun): string {
  if (!run.diff) return '';
  return `── cell ${position.number}/${position.count} changed:\n${stateDiffLines(run.diff)
    .map((line) => `   ${line}\n`)
    .join('')}`;
}

/** `── 4 packets on red:veth0, blue:veth0` and a summary line for each, when the cell captured. */
function cellPackets(run: CellRun): string {
  if (!run.packets) return '';
  return `── ${count(run.packets.total, 'packet')} on ${run.packets.interfaces.join(', ')}\n${packetSummaryLines(run.packets)}`;
}

function cellStatus(position: CellPosition, run: CellRun): string {
  const mark = run.exitCode === 0 ? 'passed' : `FAILED (${run.failure ?? `exit status ${run.exitCode}`})`;
  return `── cell ${position.number}/${position.count} ${mark} in ${Math.round(run.durationMs)} ms\n`;
}
