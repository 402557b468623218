/**
 * The arguments of the lab commands. From the user: nothing (the active editor's topology file), a file's Uri (a
 * CodeLens, a menu) or a lab node of the tree. From a program: `{ file, targetId? }` (a path or a Uri), and for
 * destroy also `{ lab, targetId? }`. Pure: no vscode import.
 */
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import { CommandArgumentError, FieldReader, isNotebookDocumentLike, isRecord, isTreeNode, isUriLike, type Origin } from './argument-fields.js';

/** What a lab command acts on: a topology file (undefined: the active editor's) or, for destroy, a lab by name. */
export interface LabRequest {
  origin: Origin;
  targetId: string;
  /** A path on this machine. */
  file?: string;
  /** Known without reading a file (a lab node, or a program naming the lab). */
  lab?: string;
}

const EXPECTED_FILE = '{ file: string | Uri, targetId?: string }';
const EXPECTED_FILE_OR_LAB = '{ file: string | Uri, targetId?: string } or { lab: string, targetId?: string }';

/** netnsLab.lab.deploy and netnsLab.lab.plan: they need the file. */
export function labFileRequest(command: string, argument: unknown): LabRequest {
  const request = labRequest(command, argument, { acceptsLab: false });
  if (request.file === undefined && request.lab !== undefined) {
    throw new CommandArgumentError(`The topology file of lab ${request.lab} is not known on this machine, so it cannot be deployed from here`);
  }
  return request;
}

/** netnsLab.lab.destroy: a file or a lab name. */
export function labDestroyRequest(argument: unknown): LabRequest {
  return labRequest('netnsLab.lab.destroy', argument, { acceptsLab: true });
}

/** netnsLab.lab.openFile: a lab node with a file. */
export function labNodeFile(argument: unknown): string {
  const request = labRequest('netnsLab.lab.openFile', argument, { acceptsLab: false });
  if (request.file === undefined) throw new CommandArgumentError(`The topology file of lab ${request.lab ?? ''} is not known on this machine`);
  return request.file;
}

/** `acceptsLab`: a program may name the lab instead of its file (destroy needs only the name). */
function labRequest(command: string, argument: unknown, { acceptsLab }: { acceptsLab: boolean }): LabRequest {
  if (argument === undefined) return { origin: 'ui', targetId: LOCAL_TARGET };
  if (isUriLike(argument)) return { origin: 'ui', targetId: LOCAL_TARGET, file: fileOfUri(command, argument) };
  if (isTreeNode(argument)) {
    if (argument.kind !== 'lab') throw new CommandArgumentError(`${command} takes a lab of the Namespaces view, not a node of kind ${JSON.stringify(argument.kind)}`);
    return { origin: 'ui', targetId: argument.targetId, lab: argument.lab, ...(argument.file === undefined ? {} : { file: argument.file }) };
  }
  const fields = FieldReader.of(command, acceptsLab ? EXPECTED_FILE_OR_LAB : EXPECTED_FILE, argument);
  const targetId = fields.targetId();
  const record = argument as Record<string, unknown>;
  if (acceptsLab && record.file === undefined) return { origin: 'program', targetId, lab: fields.string('lab') };
  const file = isUriLike(record.file) ? fileOfUri(command, record.file) : fields.string('file');
  return { origin: 'program', targetId, file };
}

/** A notebook command's argument: the notebook's path, or undefined for the active notebook. */
export function notebookRequest(command: string, argument: unknown): { origin: Origin; notebook?: string } {
  if (argument === undefined) return { origin: 'ui' };
  if (isNotebookDocumentLike(argument)) return { origin: 'ui', notebook: fileOfUri(command, argument.uri) };
  if (isUriLike(argument)) return { origin: 'ui', notebook: fileOfUri(command, argument) };
  // The toolbar's own context, should it arrive unconverted: `{ notebookEditor: { notebookUri }, ui: true }`.
  const editor = isRecord(argument) && isRecord(argument.notebookEditor) ? argument.notebookEditor.notebookUri : undefined;
  if (isUriLike(editor)) return { origin: 'ui', notebook: fileOfUri(command, editor) };
  const fields = FieldReader.of(command, '{ notebook: string | Uri }', argument);
  const value = isRecord(argument) ? argument.notebook : undefined;
  return { origin: 'program', notebook: isUriLike(value) ? fileOfUri(command, value) : fields.string('notebook') };
}

/** The path of a file's Uri; refuses a document that is not a file on this machine. */
export function fileOfUri(command: string, uri: { scheme: string; fsPath: string }): string {
  if (uri.scheme !== 'file') throw new CommandArgumentError(`${command} works on files on this machine, not on a ${uri.scheme}: document`);
  return uri.fsPath;
}
