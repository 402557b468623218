/** Which namespace a notebook cell runs in (or, for a check cell, which namespace its checks name by default). */
import type { NamespaceName } from '../model.js';
import type { CellOptions, NotebookOptions } from './model.js';

/** The namespace a cell runs in: its own option, else the notebook's default, else the root namespace. */
export function cellNamespace(cell: { options?: CellOptions }, notebook: NotebookOptions, override?: NamespaceName): NamespaceName {
  if (override !== undefined) return override;
  if (cell.options?.netns !== undefined) return cell.options.netns;
  return notebook.netns ?? null;
}
