/**
 * Reading one YAML document the way every file of ours is read (a topology, a check block): the text's own
 * problems first, then YAML's syntax errors, then the features we refuse; only a document with none of them is
 * handed on, with the context its readers need. The caller reads its own shape from there.
 */
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { TopologyDiagnostic } from '../diagnostic.js';
import { DiagnosticList } from './diagnostics.js';
import { checkYamlFeatures, lineCounterOf, sourceTextProblem } from './source-checks.js';
import type { ReadContext } from './yaml-nodes.js';

export type YamlReading = { context: ReadContext; contents: YamlNode | null; problems?: undefined } | { problems: TopologyDiagnostic[] };

/** `what` names the text in the message about a second document ("a topology file", "a check block"). */
export function readYamlDocument(text: string, what: string): YamlReading {
  const sourceProblem = sourceTextProblem(text);
  if (sourceProblem) {
    // YAML's own line counter learns the lines while it parses, and this text is not parsed.
    const problems = new DiagnosticList(lineCounterOf(text));
    problems.add(sourceProblem.span, sourceProblem.message);
    return { problems: problems.list() };
  }
  const lineCounter = new LineCounter();
  const diagnostics = new DiagnosticList(lineCounter);
  const document = parseDocument(text, { lineCounter, keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  for (const problem of [...document.errors, ...document.warnings]) {
    // yaml's own advice for this one names its API; the user needs to know what to change in the file.
    const message = problem.code === 'MULTIPLE_DOCS' ? secondDocumentMessage(text, lineCounter.linePos(problem.pos[0]).line, what) : problem.message;
    diagnostics.add({ start: problem.pos[0], end: problem.pos[1] }, `YAML syntax error: ${message}`);
  }
  // After a syntax error, an alias to nothing or a merge key, the document's shape is a guess; checking it would
  // only add confusing follow-on problems.
  if (diagnostics.count === 0) checkYamlFeatures(document, diagnostics);
  if (diagnostics.count > 0) return { problems: diagnostics.list() };
  return { context: { document, source: text, diagnostics }, contents: document.contents as YamlNode | null };
}

/**
 * What to do about a second document starting at `line`. A file that opens with `---` and has a second `---` a few
 * lines down most likely carries a front matter (a site generator's, say), which the user should take out whole:
 * taking out only the second `---` would merge its keys into the document.
 */
function secondDocumentMessage(text: string, line: number, what: string): string {
  const frontMatter = /^\uFEFF?---[ \t]*\r?$/u.test(text.split('\n', 1)[0] ?? '');
  if (frontMatter) return `${what} holds one YAML document: lines 1 to ${line} look like a front matter, which ${what} does not have; remove them`;
  return `${what} holds one YAML document; remove the "---" that starts a second one`;
}
