/**
 * netnsLab.namespace.name ("Name It"): which namespace without a name gets a name. It is named through one of its
 * processes (`ip netns attach NAME PID`), so the request carries that pid. Pure, like `arguments.ts`.
 */
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { UnnamedNamespace } from '../../core/model.js';
import { CommandArgumentError, FieldReader, invocationOrigin } from './argument-fields.js';
import type { RequestBase } from './arguments.js';

/** `pid` undefined: picked from the namespaces without a name; `name` undefined: asked. */
export interface NameNamespaceRequest extends RequestBase {
  pid?: number;
  name?: string;
  /** What the namespace is, for the prompt's title. */
  unnamed?: UnnamedNamespace;
}

const COMMAND = 'netnsLab.namespace.name';
const EXPECTED = '{ pid: number, name?: string, targetId?: string }';

export function nameNamespaceRequest(argument: unknown): NameNamespaceRequest {
  if (argument === undefined) return { origin: 'ui', targetId: LOCAL_TARGET };
  if (invocationOrigin(argument) === 'ui') return fromNode(argument);
  const fields = FieldReader.of(COMMAND, EXPECTED, argument);
  const pid = fields.number('pid');
  if (!Number.isSafeInteger(pid) || pid < 1) throw new CommandArgumentError(`${COMMAND}: "pid" must be a process id (a whole number from 1), not ${pid}`);
  const name = fields.optionalString('name');
  return { origin: 'program', targetId: fields.targetId(), pid, ...(name === undefined ? {} : { name }) };
}

/** A namespace node without a name; its first process names it. */
function fromNode(argument: unknown): NameNamespaceRequest {
  const node = FieldReader.of(COMMAND, 'a namespace without a name in the Namespaces view', argument);
  const unnamed = (argument as { unnamed?: UnnamedNamespace }).unnamed;
  if (node.string('kind') !== 'namespace' || !unnamed) throw new CommandArgumentError('Name It works on a namespace without a name (under "Without a name")');
  const pid = unnamed.pids[0];
  if (pid === undefined) {
    throw new CommandArgumentError(`This namespace has no process (it is held open by ${unnamed.mount ?? 'a file descriptor'}), and ip netns attach names a namespace through a process`);
  }
  return { origin: 'ui', targetId: node.targetId(), pid, unnamed };
}
