/**
 * netnsLab.notebook.selectTarget: where a lab notebook runs its cells for this session, picked in the notebook
 * toolbar, from the status bar item or the palette (a picker of this machine, the configured SSH targets, and
 * "Add SSH Target…"), or by a program with `{ targetId, notebook?: Uri }`. The pick overrides the front matter's
 * target in memory only; the user's file is not changed.
 */
import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../view-model/notebook-type.js';
import { isConfiguredTarget, notebookTarget } from './target-choice.js';
import type { Services } from '../services.js';
import { CommandArgumentError, FieldReader } from '../view-model/argument-fields.js';
import { NothingToChoose, pickOne } from '../ui/prompts.js';
import { askSshTarget } from '../ui/ssh-target-prompt.js';
import { targetChoices } from '../labs/lab-target.js';

const COMMAND = 'netnsLab.notebook.selectTarget';
const EXPECTED = '{ targetId: "local" or a configured SSH target, notebook?: Uri of an open lab notebook }';
/** Stands for "Add SSH Target…" in the picker (no target id can be empty). */
const ADD_TARGET = '';

/** Picks (or takes) the target and returns its id. */
export async function selectNotebookTargetCommand(services: Services, argument: unknown): Promise<string> {
  const request = readRequest(argument);
  const notebook = request.notebook ?? activeLabNotebook();
  if (request.targetId !== undefined && !isConfiguredTarget(services, request.targetId)) {
    throw new CommandArgumentError(`${COMMAND}: ${JSON.stringify(request.targetId)} is not one of your Netns Lab targets; expected ${EXPECTED}`);
  }
  // A picked target is configured: it was listed, or "Add SSH Target…" has just added it.
  const targetId = request.targetId ?? (await pickTarget(services, notebook));
  services.notebookTargets.choose(notebook.uri, targetId);
  services.log.info(`Cells of ${notebook.uri.fsPath} run on ${targetId} for this session`);
  return targetId;
}

interface Request {
  notebook?: vscode.NotebookDocument;
  targetId?: string;
}

/**
 * Nothing (palette, status bar), what the notebook toolbar passes (the notebook or its editor), or a program's
 * `{ targetId, notebook? }`.
 */
function readRequest(argument: unknown): Request {
  if (argument === undefined || argument === null) return {};
  if (isNotebookDocument(argument)) return { notebook: argument };
  const editor = (argument as { notebookEditor?: { notebook?: unknown } }).notebookEditor;
  if (editor !== undefined) return isNotebookDocument(editor.notebook) ? { notebook: editor.notebook } : {};
  const fields = FieldReader.of(COMMAND, EXPECTED, argument);
  const request: Request = { targetId: fields.string('targetId') };
  const uri = (argument as { notebook?: unknown }).notebook;
  if (uri !== undefined) request.notebook = openLabNotebook(uri);
  return request;
}

function isNotebookDocument(value: unknown): value is vscode.NotebookDocument {
  return typeof value === 'object' && value !== null && 'notebookType' in value && 'uri' in value;
}

function openLabNotebook(uri: unknown): vscode.NotebookDocument {
  const wanted = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? vscode.Uri.parse(uri).toString() : undefined;
  const notebook = vscode.workspace.notebookDocuments.find((candidate) => candidate.uri.toString() === wanted && candidate.notebookType === NOTEBOOK_TYPE);
  if (!notebook) throw new CommandArgumentError(`${COMMAND}: "notebook" must be the Uri of an open lab notebook; expected ${EXPECTED}`);
  return notebook;
}

function activeLabNotebook(): vscode.NotebookDocument {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) throw new NothingToChoose('Open a lab notebook (*.netns.md) first: the target is picked for each notebook.');
  return notebook;
}

/** This machine, the configured SSH targets, and "Add SSH Target…" (which then becomes the pick). */
async function pickTarget(services: Services, notebook: vscode.NotebookDocument): Promise<string> {
  const current = currentTargetId(services, notebook);
  const choices = targetChoices(services, (targetId) => (targetId === current ? 'cells run here now' : undefined));
  choices.push({ label: '', kind: vscode.QuickPickItemKind.Separator, value: ADD_TARGET }, { label: '$(add) Add SSH Target…', value: ADD_TARGET });
  const chosen = await pickOne(choices, {
    title: 'Select Target',
    placeholder: 'Where the cells of this notebook run (for this session; the file is not changed)',
    active: choices.find((choice) => choice.value === current),
    emptyMessage: '',
  });
  return chosen === ADD_TARGET ? addAndReturnTarget(services) : chosen;
}

function currentTargetId(services: Services, notebook: vscode.NotebookDocument): string | undefined {
  try {
    return notebookTarget(services, notebook).targetId;
  } catch {
    return undefined; // the front matter names an unknown target: nothing is current
  }
}

/** Asks for an SSH target as "Add SSH Target" does, adds it and returns it; one already listed is refused. */
async function addAndReturnTarget(services: Services): Promise<string> {
  const target = await askSshTarget(services.settings.sshConfigFile);
  if (services.config.targets.includes(target)) throw new NothingToChoose('That target was already configured; pick it from the list.');
  await services.config.addTarget(target);
  return target;
}
