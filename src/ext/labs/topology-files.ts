/** Finding and reading topology files in the editor: as the user sees them, unsaved edits included. */
import * as vscode from 'vscode';
import { InvalidArgumentError } from '../../core/errors.js';
import { labNameOfText } from '../../core/labs/lab-name.js';
import type { Topology } from '../../core/topology/model.js';
import { parseTopology } from '../../core/topology/parse.js';
import { NothingToChoose } from '../ui/prompts.js';
import { firstProblem } from '../view-model/lab-describe.js';

/** The suffix of topology files. */
export const TOPOLOGY_SUFFIX = '.netns.yaml';

export function isTopologyDocument(document: vscode.TextDocument): boolean {
  return document.uri.path.endsWith(TOPOLOGY_SUFFIX);
}

/** The active editor's topology file, for a command run from the palette. */
export function activeTopologyFile(): string {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !isTopologyDocument(document) || document.uri.scheme !== 'file') {
    throw new NothingToChoose(`Open a lab topology (a saved *${TOPOLOGY_SUFFIX} file) in the editor first.`);
  }
  return document.uri.fsPath;
}

/**
 * The topology of a file, read from its editor when it is open (so what is deployed is what the user sees); an
 * invalid file is refused with its first problem, before anything runs.
 */
export async function readTopology(file: string): Promise<Topology> {
  const { topology, diagnostics } = parseTopology(await readTopologyText(file));
  if (!topology) throw new InvalidArgumentError(firstProblem(vscode.workspace.asRelativePath(file), diagnostics));
  return topology;
}

/**
 * The lab a file names, also while it has problems elsewhere (destroying needs only the name); refused, with the
 * file's first problem, only when even its `lab:` cannot be read for certain.
 */
export async function readLabName(file: string): Promise<string> {
  const text = await readTopologyText(file);
  const lab = labNameOfText(text);
  if (lab !== undefined) return lab;
  const { diagnostics } = parseTopology(text);
  throw new InvalidArgumentError(
    `${firstProblem(vscode.workspace.asRelativePath(file), diagnostics)}; its lab's name cannot be read for certain, so destroy the lab from its node in the Namespaces view`,
  );
}

/** The file's text as the user sees it: from its editor when it is open, unsaved edits included. */
async function readTopologyText(file: string): Promise<string> {
  try {
    return (await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText();
  } catch (error) {
    throw new InvalidArgumentError(`Cannot read topology file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
