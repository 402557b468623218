/**
 * netnsLab.capture.start's argument: from an interface node, that one interface; from a namespace node, the
 * namespace (its interfaces are picked, several at once); from the palette, everything is asked; from a program,
 * `{ interfaces: ['NS:IF', …], filter?, targetId? }` (the command line's NS:IF words), complete.
 */
import { parseCaptureEndpoint, type CaptureEndpoint } from '../../core/capture/endpoints.js';
import type { NamespaceName } from '../../core/model.js';
import { CommandArgumentError, FieldReader, invocationOrigin, isRecord, isUriLike, type Origin } from './argument-fields.js';
import { nodePlace } from './arguments.js';
import { fileOfUri } from './lab-arguments.js';

export interface CaptureStartRequest {
  origin: Origin;
  targetId: string;
  /** Known from a node; undefined is asked (null is the root namespace). */
  namespace?: NamespaceName;
  /** Complete when known: from an interface node or a program. */
  endpoints?: CaptureEndpoint[];
  /** A BPF filter, from a program. */
  filter?: string;
}

const EXPECTED = "{ interfaces: string[] (each 'NS:IF', or 'IF' in the root namespace), filter?: string, targetId?: string }";

/** Reads the argument of netnsLab.capture.start; throws CommandArgumentError or InvalidNameError, naming the fault. */
export function captureStartRequest(argument: unknown): CaptureStartRequest {
  const command = 'netnsLab.capture.start';
  if (invocationOrigin(argument) === 'ui') {
    const place = nodePlace(command, argument);
    const base: CaptureStartRequest = { origin: place.origin, targetId: place.targetId };
    if (place.namespace !== undefined) base.namespace = place.namespace;
    if (place.interface === undefined || place.namespace === undefined) return base;
    return { ...base, endpoints: [{ namespace: place.namespace, interfaceName: place.interface }] };
  }
  const fields = FieldReader.of(command, EXPECTED, argument);
  const words = fields.optionalStringList('interfaces');
  if (words.length === 0) throw new CommandArgumentError(`${command} needs at least one interface in "interfaces", like ${EXPECTED}`);
  const filter = fields.optionalString('filter');
  return { origin: 'program', targetId: fields.targetId(), endpoints: words.map(parseCaptureEndpoint), ...(filter === undefined ? {} : { filter }) };
}

/** netnsLab.capture.openFile's argument: nothing (a file is picked), a file's Uri (the Explorer), or `{ file }`. */
export function captureFileRequest(argument: unknown): { origin: Origin; file?: string } {
  const command = 'netnsLab.capture.openFile';
  if (argument === undefined) return { origin: 'ui' };
  if (isUriLike(argument)) return { origin: 'ui', file: fileOfUri(command, argument) };
  const fields = FieldReader.of(command, '{ file: string | Uri }', argument);
  const value = isRecord(argument) ? argument.file : undefined;
  return { origin: 'program', file: isUriLike(value) ? fileOfUri(command, value) : fields.string('file') };
}
