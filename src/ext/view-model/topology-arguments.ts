/**
 * netnsLab.topology.show's argument: what picture to show. From the user: nothing (the palette picks), a tree node
 * (a target's whole picture, a lab's, or the target's with a namespace selected), a topology file's Uri (CodeLens),
 * a lab notebook (its toolbar: the notebook's lab, or its target). From a program: `{ targetId?, lab?, file? }`.
 * Pure: no vscode import.
 */
import { namespaceId } from '../../core/graph/model.js';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import { CommandArgumentError, FieldReader, invocationOrigin, isNotebookDocumentLike, isRecord, isTreeNode, isUriLike, type Origin } from './argument-fields.js';
import { notebookRequest } from './lab-arguments.js';

const COMMAND = 'netnsLab.topology.show';
const EXPECTED = '{ targetId?: string, lab?: string, file?: string | Uri }';

export interface TopologyRequest {
  origin: Origin;
  /** Undefined: not said (the palette asks once SSH targets are configured). */
  targetId?: string;
  lab?: string;
  /** A topology file on this machine: its lab's picture with drift, or its plan when not deployed. */
  file?: string;
  /** A lab notebook: its lab's file and target are read from it. */
  notebook?: string;
  /** The element to select once drawn (a namespace of the tree). */
  select?: string;
}

/** What a picture shows: the key says when an open panel shows the same. */
export interface TopologySubject {
  targetId: string;
  lab?: string;
  file?: string;
}

export function topologyRequest(argument: unknown): TopologyRequest {
  if (argument === undefined) return { origin: 'ui' };
  if (isUriLike(argument)) return { origin: 'ui', file: fileOf(argument) };
  if (isNotebookDocumentLike(argument) || (isRecord(argument) && argument.ui === true)) return { origin: 'ui', notebook: notebookRequest(COMMAND, argument).notebook };
  if (isTreeNode(argument)) {
    switch (argument.kind) {
      case 'target':
        return { origin: 'ui', targetId: argument.targetId };
      case 'lab':
        return { origin: 'ui', targetId: argument.targetId, lab: argument.lab, ...(argument.file === undefined ? {} : { file: argument.file }) };
      case 'namespace':
        return { origin: 'ui', targetId: argument.targetId, select: namespaceId(argument.namespace) };
      default:
        throw new CommandArgumentError(`${COMMAND} takes a target, lab or namespace of the Namespaces view, not a node of kind ${JSON.stringify(argument.kind)}`);
    }
  }
  if (invocationOrigin(argument) !== 'program') throw new CommandArgumentError(`${COMMAND} takes ${EXPECTED}`);
  const fields = FieldReader.of(COMMAND, EXPECTED, argument);
  const record = argument as Record<string, unknown>;
  const request: TopologyRequest = { origin: 'program', targetId: fields.targetId() };
  if (record.lab !== undefined) request.lab = fields.string('lab');
  if (record.file !== undefined) request.file = isUriLike(record.file) ? fileOf(record.file) : fields.string('file');
  return request;
}

/** The same picture, the same key: a file's picture on a target, a lab's, or a whole target's. */
export function subjectKey(subject: TopologySubject): string {
  if (subject.file !== undefined) return JSON.stringify(['file', subject.targetId, subject.file]);
  if (subject.lab !== undefined) return JSON.stringify(['lab', subject.targetId, subject.lab]);
  return JSON.stringify(['target', subject.targetId]);
}

/** The panel's title: "Topology: lab demo", "Topology: demo.netns.yaml", "Topology: This machine". */
export function subjectTitle(subject: TopologySubject, where: string): string {
  if (subject.file !== undefined) return `Topology: ${subject.file.split('/').pop()}${where}`;
  if (subject.lab !== undefined) return `Topology: lab ${subject.lab}${where}`;
  return subject.targetId === LOCAL_TARGET ? 'Topology: This machine' : `Topology: ${subject.targetId}`;
}

function fileOf(uri: { scheme: string; fsPath: string }): string {
  if (uri.scheme !== 'file') throw new CommandArgumentError(`${COMMAND} works on files on this machine, not on a ${uri.scheme}: document`);
  return uri.fsPath;
}
