/**
 * Reading a command's argument, whatever brought it: nothing (the palette, a keybinding, a welcome link), a tree
 * node (a context menu), or a plain object (another extension, a test). Pure: no vscode import, so it is tested
 * under plain Node.
 */
import { InvalidArgumentError } from '../../core/errors.js';
import type { NamespaceName } from '../../core/model.js';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { TreeNode } from './tree-nodes.js';

/** A command's argument is not what the command takes. The message says what was expected. */
export class CommandArgumentError extends InvalidArgumentError {}

/**
 * Who invoked a command: the user (nothing, or a tree node from a menu) or a program (a plain object). The user is
 * asked for what is missing and before anything is destroyed; a program is never asked and sees errors thrown.
 */
export type Origin = 'ui' | 'program';

const NODE_KINDS: ReadonlySet<string> = new Set<TreeNode['kind']>(['target', 'lab', 'namespace', 'interface', 'address', 'routes', 'route', 'message']);

/** True for a node of the Namespaces tree (an object whose `kind` is one of the tree's kinds). */
export function isTreeNode(value: unknown): value is TreeNode {
  return isRecord(value) && typeof value.kind === 'string' && NODE_KINDS.has(value.kind);
}

/**
 * `ui` for nothing, a tree node, or what a menu or CodeLens passes (a file's Uri, a notebook document); `program`
 * for anything else, which must then be the command's plain object.
 */
export function invocationOrigin(argument: unknown): Origin {
  return argument === undefined || isTreeNode(argument) || isUriLike(argument) || isNotebookDocumentLike(argument) || isNotebookToolbarContext(argument) ? 'ui' : 'program';
}

/** What a notebook toolbar passes when it is not converted to the notebook: `{ notebookEditor: { notebookUri }, ui: true }`. */
function isNotebookToolbarContext(value: unknown): boolean {
  return isRecord(value) && value.ui === true && isRecord(value.notebookEditor);
}

/** A vscode.Uri (checked by shape: this module has no vscode import). */
export function isUriLike(value: unknown): value is { scheme: string; fsPath: string; path: string } {
  return isRecord(value) && typeof value.scheme === 'string' && typeof value.fsPath === 'string' && typeof value.path === 'string';
}

/** A vscode.NotebookDocument, which a notebook toolbar passes to its commands (checked by shape). */
export function isNotebookDocumentLike(value: unknown): value is { notebookType: string; uri: { scheme: string; fsPath: string; path: string } } {
  return isRecord(value) && typeof value.notebookType === 'string' && isUriLike(value.uri);
}

/**
 * Reads the fields of one object (a plain-object argument, or a tree node) and throws CommandArgumentError naming
 * the command, the field and the expected shape when a field is missing or of the wrong type.
 */
export class FieldReader {
  private constructor(
    private readonly command: string,
    private readonly expected: string,
    private readonly fields: Record<string, unknown>,
    private readonly path: string,
  ) {}

  /** A reader of `argument`, which must be an object. */
  static of(command: string, expected: string, argument: unknown): FieldReader {
    if (!isRecord(argument)) {
      throw new CommandArgumentError(`${command} takes an object ${expected}, not ${describeValue(argument)}`);
    }
    return new FieldReader(command, expected, argument, '');
  }

  /** A reader of the object in field `key`. */
  object(key: string): FieldReader {
    const value = this.fields[key];
    if (!isRecord(value)) this.fail(key, value === undefined ? 'is missing' : `must be an object, not ${describeValue(value)}`);
    return new FieldReader(this.command, this.expected, value, `${this.path}${key}.`);
  }

  string(key: string): string {
    const value = this.fields[key];
    if (typeof value !== 'string') this.fail(key, value === undefined ? 'is missing' : `must be a string, not ${describeValue(value)}`);
    return value;
  }

  /** A string, or undefined when the field is absent or null. */
  optionalString(key: string): string | undefined {
    return this.fields[key] === undefined || this.fields[key] === null ? undefined : this.string(key);
  }

  /** A namespace: a name, or null for the root namespace. Required, so that no one reaches the root by omission. */
  namespace(key: string): NamespaceName {
    const value = this.fields[key];
    if (value === null) return null;
    if (typeof value !== 'string') {
      this.fail(key, value === undefined ? 'is missing (null means the root namespace)' : `must be a namespace name or null, not ${describeValue(value)}`);
    }
    return value;
  }

  optionalBoolean(key: string, fallback: boolean): boolean {
    const value = this.fields[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') this.fail(key, `must be true or false, not ${describeValue(value)}`);
    return value;
  }

  number(key: string): number {
    const value = this.fields[key];
    if (typeof value !== 'number') this.fail(key, value === undefined ? 'is missing' : `must be a number, not ${describeValue(value)}`);
    return value;
  }

  /** A number, or undefined when the field is absent or null. */
  optionalNumber(key: string): number | undefined {
    return this.fields[key] === undefined || this.fields[key] === null ? undefined : this.number(key);
  }

  /** A list of strings; an absent field is an empty list. */
  optionalStringList(key: string): string[] {
    const value = this.fields[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.fail(key, `must be a list of strings, not ${describeValue(value)}`);
    }
    return [...value];
  }

  /** The `targetId` field, defaulting to this machine. */
  targetId(): string {
    const targetId = this.optionalString('targetId') ?? LOCAL_TARGET;
    if (targetId.length === 0) this.fail('targetId', 'must not be empty');
    return targetId;
  }

  private fail(key: string, problem: string): never {
    throw new CommandArgumentError(`${this.command}: "${this.path}${key}" ${problem}; expected ${this.expected}`);
  }
}

/** A plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for messages: its JSON when small, its type otherwise. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 40 ? typeof value : text;
}
