/**
 * Namespaces of checks as the file means them. In a notebook they are kernel names (as in `{netns=lab1-red}`), and
 * a check that names none is in the cell's namespace; in a topology they are the lab's names (`red` is
 * `lab1-red`) and a namespace target's address is the one the file declares. `/` is the root namespace in both.
 */
import type { NamespaceName } from '../model.js';
import { namespaceNameProblem } from '../names.js';
import type { Located, ReadContext } from '../topology/yaml-nodes.js';
import type { Check } from './model.js';
import type { CheckDraft, TargetReference } from './read-kinds.js';

/** How a file's checks name namespaces. */
export interface CheckScope {
  /** The namespace of a check that names none. */
  defaultNamespace: NamespaceName;
  /** The kernel's name of a written namespace other than `/`, or undefined after reporting it. */
  namespace(written: Located<string>): NamespaceName | undefined;
  /**
   * The address of a namespace or interface target as the file declares it; undefined when it is read from the
   * kernel when the check runs; false after reporting that there is none.
   */
  targetAddress?(target: TargetReference, namespace: NamespaceName): string | undefined | false;
}

/** The checks with their namespaces resolved; those with an unknown namespace are reported and left out. */
export function resolveChecks(drafts: readonly CheckDraft[], scope: CheckScope): Check[] {
  const checks: Check[] = [];
  for (const draft of drafts) {
    let valid = true;
    for (const reference of draft.namespaces) {
      const namespace = reference.written === undefined ? scope.defaultNamespace : resolveOne(scope, reference.written);
      if (namespace === undefined) valid = false;
      else reference.assign(namespace);
    }
    if (draft.target && !resolveTarget(scope, draft.target)) valid = false;
    if (valid) checks.push(draft.check);
  }
  return checks;
}

function resolveTarget(scope: CheckScope, target: TargetReference): boolean {
  const namespace = resolveOne(scope, target.namespace);
  if (namespace === undefined) return false;
  const address = scope.targetAddress?.(target, namespace);
  if (address === false) return false;
  target.assign(namespace, address);
  return true;
}

function resolveOne(scope: CheckScope, written: Located<string>): NamespaceName | undefined {
  return written.value === '/' ? null : scope.namespace(written);
}

/** A notebook's scope: kernel names, checked as `ip netns` takes them; targets are read when the check runs. */
export function notebookCheckScope(context: ReadContext, defaultNamespace: NamespaceName): CheckScope {
  return {
    defaultNamespace,
    namespace(written) {
      const problem = namespaceNameProblem(written.value);
      if (!problem) return written.value;
      context.diagnostics.add(written.span, `${JSON.stringify(written.value)} is not a namespace name: ${problem}; "/" is the root namespace`);
      return undefined;
    },
  };
}
