/**
 * The pictures of a headless notebook run (cells with the `picture` option): each printed as Mermaid text after its
 * cell, and with `--pictures DIR` also written as an SVG file, `DIR/NOTEBOOK-cell-N.svg`, once the notebook is done
 * (laying out takes a moment, and the file need not hold up the next cell).
 */
import { basename, join } from 'node:path';
import { layoutGraph } from '../core/graph/layout.js';
import { toMermaid } from '../core/graph/mermaid.js';
import { toSvg } from '../core/graph/svg.js';
import type { CellPicture } from '../core/notebook/cell-picture.js';
import type { CellPosition } from '../core/notebook/run-notebook.js';
import { makeOutputFolder, writeOutputFile } from './output-files.js';

export class CellPictures {
  private readonly waiting: Array<{ path: string; picture: CellPicture }> = [];

  /** @param folder where SVG files go (`--pictures`); undefined: none are written. */
  constructor(
    private readonly notebookFile: string,
    private readonly folder: string | undefined,
  ) {}

  /** Makes the folder for the SVG files before any cell runs: a folder that cannot be made is said before the work. */
  async prepare(): Promise<void> {
    if (this.folder !== undefined) await makeOutputFolder(this.folder);
  }

  /** `── picture of lab NAME (Mermaid):` and the Mermaid text; keeps the picture for its SVG file. */
  text(position: CellPosition, picture: CellPicture | undefined): string {
    if (!picture) return '';
    if (this.folder !== undefined) this.waiting.push({ path: join(this.folder, `${notebookStem(this.notebookFile)}-cell-${position.number}.svg`), picture });
    return `── cell ${position.number}/${position.count} picture of ${picture.title} (Mermaid):\n${toMermaid(picture.graph)}`;
  }

  /** Writes the SVG files kept; gives the line that says where each went. */
  async write(): Promise<string> {
    if (this.folder === undefined || this.waiting.length === 0) return '';
    await makeOutputFolder(this.folder);
    const lines: string[] = [];
    for (const { path, picture } of this.waiting.splice(0)) {
      await writeOutputFile(path, toSvg(await layoutGraph(picture.graph), picture.title));
      lines.push(`── picture of ${picture.title} written to ${path}\n`);
    }
    return lines.join('');
  }
}

/** `notebooks/intro.netns.md` → `intro`. */
function notebookStem(file: string): string {
  return basename(file).replace(/\.netns\.md$|\.md$/u, '');
}
