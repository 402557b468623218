/**
 * `*.netns.md` files as notebooks: the core parses and writes them; here they are only mapped to and from VS
 * Code's NotebookData. Each cell's origin travels in its metadata (in memory only), so that saving an unedited
 * notebook gives back the file byte for byte.
 */
import * as vscode from 'vscode';
import { parseNotebook } from '../../core/notebook/parse.js';
import { serializeNotebook } from '../../core/notebook/serialize.js';
import type { Notebook, NotebookCell, NotebookOptions } from '../../core/notebook/model.js';

export const NOTEBOOK_TYPE = 'netns-lab';
export const CELL_LANGUAGE = 'shellscript';

/** What a cell keeps in its metadata. */
export interface CellMetadata {
  language?: string;
  options?: NotebookCell['options'];
  origin?: NotebookCell['origin'];
}

/** What the notebook keeps in its metadata. */
export interface NotebookMetadata {
  frontMatter?: Notebook['frontMatter'];
  leading?: Notebook['leading'];
  lineEnding?: Notebook['lineEnding'];
}

export class NetnsNotebookSerializer implements vscode.NotebookSerializer {
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();

  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const text = this.decoder.decode(content);
    const notebook = parseOrKeepAsText(text);
    const cells = notebook.cells.map(toCellData);
    const data = new vscode.NotebookData(cells);
    data.metadata = { frontMatter: notebook.frontMatter, leading: notebook.leading, lineEnding: notebook.lineEnding } satisfies NotebookMetadata;
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const metadata = (data.metadata ?? {}) as NotebookMetadata;
    const notebook: Notebook = {
      frontMatter: metadata.frontMatter,
      leading: metadata.leading,
      lineEnding: metadata.lineEnding ?? '\n',
      cells: data.cells.map(fromCellData),
    };
    return this.encoder.encode(serializeNotebook(notebook));
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
  const data = new vscode.NotebookCellData(kind, cell.source, cell.kind === 'code' ? CELL_LANGUAGE : 'markdown');
  data.metadata = { language: cell.language, options: cell.options, origin: cell.origin } satisfies CellMetadata;
  return data;
}

function fromCellData(data: vscode.NotebookCellData): NotebookCell {
  const metadata = (data.metadata ?? {}) as CellMetadata;
  if (data.kind === vscode.NotebookCellKind.Markup) return { kind: 'markdown', source: data.value, origin: metadata.origin };
  // Language and options left undefined mean "as parsed" for a cell with an origin; a new cell is plain sh.
  return { kind: 'code', source: data.value, language: metadata.language ?? (metadata.origin ? undefined : 'sh'), options: metadata.options, origin: metadata.origin };
}

/** The front matter options of an open lab notebook (none when it has no front matter). */
export function frontMatterOptions(notebook: vscode.NotebookDocument): NotebookOptions {
  return (notebook.metadata as NotebookMetadata).frontMatter?.options ?? {};
}
