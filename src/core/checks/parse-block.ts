/**
 * A notebook's ```` ```check ```` block: YAML read and checked like a topology file, every problem at its line and
 * column. The positions count from the block's own first line; `parseNotebookChecks` moves them into the file.
 */
import type { TopologyDiagnostic } from '../diagnostic.js';
import type { NamespaceName } from '../model.js';
import { readYamlDocument } from '../topology/yaml-document.js';
import type { Check } from './model.js';
import { readCheckList } from './read-check.js';
import { notebookCheckScope, resolveChecks } from './resolve.js';

export interface CheckBlockParse {
  /** Set only when there are no diagnostics. */
  checks?: Check[];
  diagnostics: TopologyDiagnostic[];
}

/** Parses a check block's text; `defaultNamespace` is the namespace of checks that name none (the cell's). */
export function parseCheckBlock(text: string, defaultNamespace: NamespaceName): CheckBlockParse {
  const reading = readYamlDocument(text, 'a check block');
  if (reading.problems) return { diagnostics: reading.problems };
  const { context, contents } = reading;
  const drafts = readCheckList(context, contents);
  const checks = resolveChecks(drafts, notebookCheckScope(context, defaultNamespace));
  return context.diagnostics.count === 0 ? { checks, diagnostics: [] } : { diagnostics: context.diagnostics.list() };
}
