/** Finding and reading topology files in the editor: as the user sees them, unsaved edits included. */
import * as vscode from 'vscode';
import { InvalidArgumentError } from '../../core/errors.js';
import type { Topology } from '../../core/topology/model.js';
import { parseTopology } from '../../core/topology/parse.js';
import { NothingToChoose } from '../commands/prompts.js';
import { firstProblem } from './describe.js';

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
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  } catch (error) {
    throw new InvalidArgumentError(`Cannot read topology file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { topology, diagnostics } = parseTopology(document.getText());
  if (!topology) throw new InvalidArgumentError(firstProblem(vscode.workspace.asRelativePath(file), diagnostics));
  return topology;
}
