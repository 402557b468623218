/**
 * `*.netns.md` files as notebooks: the core parses and writes them; here they are only mapped to and from VS
 * Code's NotebookData. Each cell's origin travels in its metadata (in memory only), so that saving an unedited
 * notebook gives back the file byte for byte; so does its `problem` (a fence never closed), for the kernel to refuse.
 */
import * as vscode from 'vscode';
import { decodeNotebookBytes, encodeNotebookText } from '../../core/notebook/encoding.js';
import { parseNotebook } from '../../core/notebook/parse.js';
import { serializeNotebook } from '../../core/notebook/serialize.js';
import type { Notebook, NotebookCell, NotebookOptions } from '../../core/notebook/model.js';
import { editorLanguageOf, fenceLanguageOf } from '../view-model/notebook-type.js';

/**
 * What a cell keeps in its metadata: everything of the core's cell but its kind and text, which the editor holds.
 * Taken whole (as the notebook's metadata is), so that a field the core adds cannot be lost between open and save.
 */
export type CellMetadata = Omit<NotebookCell, 'kind' | 'source'>;

/** What the notebook keeps in its metadata: everything of the core's notebook but its cells. */
export type NotebookMetadata = Partial<Omit<Notebook, 'cells'>>;

export class NetnsNotebookSerializer implements vscode.NotebookSerializer {
  /**
   * Decodes as the command line does (decodeNotebookBytes), so both read the same front matter. A file that is not
   * UTF-8 is refused rather than opened: saving it would replace its bad bytes.
   */
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const { cells, ...metadata } = parseOrKeepAsText(decodeNotebookBytes(content));
    const data = new vscode.NotebookData(cells.map(toCellData));
    data.metadata = metadata satisfies NotebookMetadata;
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const metadata = (data.metadata ?? {}) as NotebookMetadata;
    const notebook: Notebook = { ...metadata, lineEnding: metadata.lineEnding ?? '\n', cells: data.cells.map(fromCellData) };
    return encodeNotebookText(serializeNotebook(notebook));
  }
}

/**
 * A file that is not a valid lab notebook (bad front matter, bad cell options) still opens, as one Markdown cell
 * holding the text exactly, so nothing is lost; the problem is shown once.
 */
function parseOrKeepAsText(text: string): Notebook {
  try {
    return parseNotebook(text);
  } catch (error) {
    void vscode.window.showWarningMessage(`This lab notebook could not be read as cells: ${error instanceof Error ? error.message : String(error)}`);
    return { lineEnding: text.includes('\r\n') ? '\r\n' : '\n', cells: [{ kind: 'markdown', source: text, origin: { text, source: text } }] };
  }
}

function toCellData(cell: NotebookCell): vscode.NotebookCellData {
  const kind = cell.kind === 'code' ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup;
  const data = new vscode.NotebookCellData(kind, cell.source, cell.kind === 'code' ? editorLanguageOf(cell.language) : 'markdown');
  const { kind: _kind, source: _source, ...metadata } = cell;
  data.metadata = metadata satisfies CellMetadata;
  return data;
}

function fromCellData(data: vscode.NotebookCellData): NotebookCell {
  const metadata = (data.metadata ?? {}) as CellMetadata;
  if (data.kind === vscode.NotebookCellKind.Markup) return { kind: 'markdown', source: data.value, origin: metadata.origin };
  // Language and options left undefined mean "as parsed" for a cell with an origin; a new cell is plain sh.
  const language = fenceLanguageOf(data.languageId, metadata.language);
  return { ...metadata, kind: 'code', source: data.value, language: language ?? (metadata.origin ? undefined : 'sh') };
}

/** The front matter options of an open lab notebook (none when it has no front matter). */
export function frontMatterOptions(notebook: vscode.NotebookDocument): NotebookOptions {
  return (notebook.metadata as NotebookMetadata).frontMatter?.options ?? {};
}
