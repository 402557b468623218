/**
 * Lab notebooks (`*.netns.md`) as text: parse into cells, write back byte for byte, and the cell and front matter
 * options. No editor here: the VS Code serializer and the command line both use these.
 */
export type { Notebook, NotebookCell, CellOrigin, CellOptions, NotebookOptions } from './model.js';
export { parseNotebook } from './parse.js';
export { serializeNotebook } from './serialize.js';
export {
  NotebookFormatError,
  type FormatPosition,
  parseCellOptions,
  formatCellOptions,
  isCellLanguage,
} from './options.js';
