/**
 * A notebook's ```` ```check ```` block: YAML read and checked like a topology file, every problem at its line and
 * column. The positions count from the block's own first line; `parseNotebookChecks` moves them into the file.
 */
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { TopologyDiagnostic } from '../diagnostic.js';
import type { NamespaceName } from '../model.js';
import { DiagnosticList } from '../topology/diagnostics.js';
import { checkYamlFeatures, lineCounterOf, sourceTextProblem } from '../topology/source-checks.js';
import type { ReadContext } from '../topology/yaml-nodes.js';
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
  const sourceProblem = sourceTextProblem(text);
  if (sourceProblem) {
    const problems = new DiagnosticList(lineCounterOf(text));
    problems.add(sourceProblem.span, sourceProblem.message);
    return { diagnostics: problems.list() };
  }
  const lineCounter = new LineCounter();
  const diagnostics = new DiagnosticList(lineCounter);
  const document = parseDocument(text, { lineCounter, keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  const context: ReadContext = { document, source: text, diagnostics };
  for (const problem of [...document.errors, ...document.warnings]) {
    const message = problem.code === 'MULTIPLE_DOCS' ? 'a check block holds one YAML document; remove the "---" that starts a second one' : problem.message;
    diagnostics.add({ start: problem.pos[0], end: problem.pos[1] }, `YAML syntax error: ${message}`);
  }
  if (diagnostics.count === 0) checkYamlFeatures(document, diagnostics);
  if (diagnostics.count > 0) return { diagnostics: diagnostics.list() };
  const drafts = readCheckList(context, document.contents as YamlNode | null);
  const checks = resolveChecks(drafts, notebookCheckScope(context, defaultNamespace));
  return diagnostics.count === 0 ? { checks, diagnostics: [] } : { diagnostics: diagnostics.list() };
}
