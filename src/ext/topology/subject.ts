/**
 * Which picture netnsLab.topology.show opens: what its argument says, what a lab notebook's front matter says, or
 * what the user picks in the palette (the target, then every namespace, a deployed lab, or the open topology file).
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import { listDeployedLabs } from '../../core/labs/inspect.js';
import { notebookTopologyPath } from '../../core/notebook/notebook-lab.js';
import { readNotebookFile } from '../../core/notebook/notebook-file.js';
import { targetChoices } from '../labs/lab-target.js';
import { isTopologyDocument } from '../labs/topology-files.js';
import { frontMatterOptions } from '../notebook/serializer.js';
import { frontMatterTargetId, notebookTarget } from '../notebook/target-choice.js';
import type { Services } from '../services.js';
import { pickOne, stepTitles } from '../ui/prompts.js';
import type { TopologyRequest, TopologySubject } from '../view-model/topology-arguments.js';
import { subjectChoices } from '../view-model/topology-subject-choices.js';

const TITLE = 'Show Topology';

export async function topologySubject(services: Services, request: TopologyRequest): Promise<TopologySubject> {
  if (request.notebook !== undefined) return notebookSubject(services, request.notebook);
  if (request.file !== undefined) return { targetId: request.targetId ?? (await pickTarget(services, request)), file: request.file, ...(request.lab ? { lab: request.lab } : {}) };
  if (request.lab !== undefined || request.origin === 'program' || request.targetId !== undefined) {
    return { targetId: request.targetId ?? LOCAL_TARGET, ...(request.lab === undefined ? {} : { lab: request.lab }) };
  }
  return pickSubject(services, await pickTarget(services, request));
}

async function pickTarget(services: Services, request: TopologyRequest): Promise<string> {
  if (request.targetId !== undefined) return request.targetId;
  if (services.targets().length <= 1) return LOCAL_TARGET;
  return pickOne(targetChoices(services), { title: TITLE, placeholder: 'Whose network? This machine or one of your SSH targets', emptyMessage: 'There is no target to pick.' });
}

/** Every namespace of the target, one of its deployed labs, or the topology file in the editor. */
async function pickSubject(services: Services, targetId: string): Promise<TopologySubject> {
  const labs = await listDeployedLabs(services.host(targetId));
  const editor = vscode.window.activeTextEditor?.document;
  const openFile = editor && isTopologyDocument(editor) && editor.uri.scheme === 'file' ? { path: editor.uri.fsPath, shown: vscode.workspace.asRelativePath(editor.uri) } : undefined;
  const { choices, ask } = subjectChoices({ targetId, targetLabel: services.where(targetId).label, labs, ...(openFile ? { openFile } : {}) });
  if (!ask) return choices[0]!.value;
  return pickOne<TopologySubject>(choices, { title: stepTitles(TITLE, 1)(), placeholder: 'Which picture?', emptyMessage: '' });
}

/** A notebook's lab (its front matter's topology) on the notebook's target; without one, that target's picture. */
async function notebookSubject(services: Services, path: string | undefined): Promise<TopologySubject> {
  const open = vscode.workspace.notebookDocuments.find(
    (notebook) => notebook.uri.scheme === 'file' && (path === undefined ? notebook === vscode.window.activeNotebookEditor?.notebook : notebook.uri.fsPath === path),
  );
  const file = path ?? open?.uri.fsPath;
  if (file === undefined) return { targetId: LOCAL_TARGET };
  const options = open ? frontMatterOptions(open) : ((await readNotebookFile(file)).frontMatter?.options ?? {});
  const targetId = open ? notebookTarget(services, open).targetId : frontMatterTargetId(services, options.target);
  const topology = notebookTopologyPath(options, dirname(file));
  return topology === undefined ? { targetId } : { targetId, file: topology };
}
