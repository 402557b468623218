/**
 * Lab notebooks (`*.netns.md`) as text: a file's bytes as text, parsed into cells and written back byte for byte,
 * and the cell and front matter options. No editor here: the VS Code serializer and the command line both use these.
 */
export type { Notebook, NotebookCell, CellOrigin, CellOptions, NotebookOptions } from './model.js';
export { parseNotebook } from './parse.js';
export { serializeNotebook } from './serialize.js';
export { decodeNotebookBytes, encodeNotebookText } from './encoding.js';
export { readNotebookFile } from './notebook-file.js';
export { NotebookFormatError, type FormatPosition, parseCellOptions, formatCellOptions, isCellLanguage } from './options.js';
