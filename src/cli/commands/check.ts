/** Proving a lab works: check. */
import { checksPayload, type CheckResult } from '../../core/checks/model.js';
import { recordedCheckYaml, recordState } from '../../core/checks/record.js';
import { checkResultLine, checkSummaryLine } from '../../core/checks/report.js';
import { TopologyFileError } from '../../core/errors.js';
import type { NamespaceName } from '../../core/model.js';
import { checkNamespaceName } from '../../core/names.js';
import { checkNamespaceExists, readNamespaceSet } from '../../core/state/read.js';
import { formatDiagnostics } from '../../core/topology/diagnostics.js';
import { checkArguments, flag, parseCommandArgs, stringOption, UsageError } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { junitReport, type CheckedFile } from '../junit.js';
import { count, json } from '../lab-render.js';
import { writeOutputFile } from '../output-files.js';
import { checkNotebookFile, checkTopologyFile } from './check-files.js';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'run the checks of topology files (checks:) and notebooks (```check cells); exit 1 when one fails',
  usage: [
    'netns-lab check FILE... [--timeout SECONDS] [--junit FILE] [--json] [--target TARGET]',
    'netns-lab check --record NS...',
    '',
    "A topology file's checks run against its lab as deployed (netns-lab deploy FILE first). A notebook's check",
    'cells run in order, each after the shell cells above it, as netns-lab run runs them (its lab deployed first',
    'when its front matter names one, and destroyed after when this run made it); checks below a failing shell',
    'cell fail as not run. Independent checks run side by side, and a failing check is tried again until it',
    'passes or its timeout is over, so a check right after a change does not fail while the network settles.',
    '  --timeout SECONDS  how long a check without its own "timeout:" retries (default 3)',
    '  --junit FILE       also write the results as JUnit XML, for CI',
    '  --record NS...     print a "same" check holding the current state of each namespace (/ for the root)',
    '',
    'Each result is one line: PASS or FAIL and the fact that decided it. Problems in check blocks are printed as',
    'FILE:LINE:COL: message, and nothing runs. Exit status 0 when every check passed, 1 otherwise.',
  ].join('\n'),
  handlesInterrupts: true,
  async run(args, context) {
    const parsed = parseCommandArgs('check', args, { junit: { type: 'string' }, timeout: { type: 'string' }, record: { type: 'boolean' } });
    if (flag(parsed, 'record')) return record(parsed.positionals, context);
    if (parsed.positionals.length === 0) throw new UsageError('expected at least one topology (*.netns.yaml) or notebook (*.netns.md) file', 'check');
    const timeoutMs = readTimeout(stringOption(parsed, 'timeout'));
    const checked: CheckedFile[] = [];
    for (const file of parsed.positionals) {
      const results = await checkFile(file, context, timeoutMs);
      if (results === undefined) return 1;
      checked.push({ file, results });
      if (!context.json) context.out(`${file}: ${checkSummaryLine(results)}\n\n`);
    }
    const junit = stringOption(parsed, 'junit');
    if (junit !== undefined) await writeOutputFile(junit, junitReport(checked));
    if (context.json) context.out(json({ files: checked.map(({ file, results }) => ({ file, ...checksPayload(results) })), ...checksPayload(checked.flatMap((file) => file.results)) }));
    return checked.every((file) => file.results.every((result) => result.passed)) ? 0 : 1;
  },
};

/** Runs one file's checks; undefined after printing why the file cannot be checked (nothing ran). */
async function checkFile(file: string, context: CliContext, timeoutMs: number | undefined): Promise<CheckResult[] | undefined> {
  const print = (results: CheckResult[]): void => {
    if (!context.json) context.out(results.map((result) => `  ${result.line === undefined ? '' : `${file}:${result.line}  `}${checkResultLine(result)}\n`).join(''));
  };
  if (!context.json) context.out(`${file} (on ${context.host.label})\n`);
  try {
    const options = { timeoutMs, onResults: print };
    return isTopologyFile(file) ? await checkTopologyFile(file, context.host, context, options) : await checkNotebookFile(file, context.host, context, options);
  } catch (error) {
    if (!(error instanceof TopologyFileError)) throw error;
    context.err(`${formatDiagnostics(error.file, error.diagnostics)}\nnetns-lab check: ${error.message.split('\n')[0]} (${count(error.diagnostics.length, 'problem')}); nothing was checked\n`);
    return undefined;
  }
}

function isTopologyFile(file: string): boolean {
  return /\.ya?ml$/iu.test(file);
}

function readTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = /^\d+(\.\d+)?$/u.test(text) ? Number(text) : Number.NaN;
  if (!(seconds > 0 && seconds <= 3600)) throw new UsageError(`--timeout takes a number of seconds above 0 and at most 3600, not ${JSON.stringify(text)}`, 'check');
  return seconds * 1000;
}

/** Prints a `same` check per namespace, holding its state as it is now. */
async function record(names: string[], context: CliContext): Promise<number> {
  if (names.length === 0) throw new UsageError('--record needs the namespaces to record (/ for the root namespace)', 'check');
  const namespaces: NamespaceName[] = checkArguments('check', () => names.map((name) => (name === '/' ? null : checkNamespaceName(name))));
  for (const namespace of namespaces) await checkNamespaceExists(context.host, namespace);
  const states = await readNamespaceSet(context.host, namespaces);
  for (const state of states) context.out(recordedCheckYaml(state.name, recordState(state)));
  return 0;
}
