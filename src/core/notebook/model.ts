/**
 * Lab notebooks (`*.netns.md`): Markdown whose shell fences are cells that run in a namespace. This is the shape
 * `parseNotebook` produces and `serializeNotebook` writes back; both are text in, text out, with no editor.
 */
import type { CaptureEndpoint } from '../capture/endpoints.js';
import type { NamespaceName } from '../model.js';
import type { PictureSubject } from './picture-option.js';

/** Options of one code cell, from its fence's info string: ```` ```sh {netns=red timeout=30} ````. */
export interface CellOptions {
  /** The namespace the cell runs in; `null` (written `netns=/`) is the root namespace. */
  netns?: NamespaceName;
  /** Seconds after which the cell is stopped (its whole process group). */
  timeoutSeconds?: number;
  /** Show what the cell changed in the namespaces it touches (`diff=true`), or not (`diff=false`); absent: the setting. */
  diff?: boolean;
  /** Interfaces to capture on while the cell runs (`capture="ns1:veth0 ns2:veth1"`). */
  capture?: CaptureEndpoint[];
  /** A picture of the network after the cell ran (`picture=true` the notebook's lab, `picture=host`, `picture=LAB`). */
  picture?: PictureSubject;
}

/** Options of the whole notebook, from its YAML front matter. */
export interface NotebookOptions {
  /** The target host (an SSH alias or ssh:// address); absent: this machine. */
  target?: string;
  /** The namespace cells run in when they name none; absent: the root namespace. */
  netns?: string;
  /** A lab topology file to deploy before the cells run (relative to the notebook). */
  topology?: string;
}

export interface NotebookCell {
  kind: 'markdown' | 'code';
  /** Markdown: the text. Code: the fence's body, without the fences and without the indentation of its container. */
  source: string;
  /**
   * Code cells: the fence's language word (`sh`, `bash`, `shell`; empty for a bare fence). `check` is a check cell:
   * its source is checks in YAML (see src/core/checks), run as checks, never as commands.
   */
  language?: string;
  /** Code cells: the options of the info string. */
  options?: CellOptions;
  /**
   * Where the cell came from in the parsed file, so that an unedited cell is written back byte for byte and an
   * edited code cell keeps its fence and indentation. Absent for cells made in the editor. Never written as data.
   */
  origin?: CellOrigin;
  /**
   * Code cells: why the cell must not run, in one line (a fence that is never closed takes in the prose after it).
   * The cell is still a cell, so that the notebook opens and saves back unchanged; runners refuse to run it.
   */
  problem?: string;
}

/** The exact text a cell had in the file, and what is needed to write an edited version of it the same way. */
export interface CellOrigin {
  /** The cell's text in the file, exactly. */
  text: string;
  /** The source parsed from `text`: when the cell's source still equals it, `text` is written unchanged. */
  source: string;
  /** Code cells: the opening fence line, the closing fence line (may be empty at end of file), and the indentation of body lines. */
  fence?: { opening: string; closing: string; indent: string };
  /**
   * Code cells: blank text that followed the cell in the file and is no cell of its own (the blank lines between
   * two fences). Written after the cell, edited or not, and dropped with it.
   */
  trailing?: string;
}

export interface Notebook {
  /** The front matter block exactly as in the file (with its `---` lines), and its options. */
  frontMatter?: { text: string; options: NotebookOptions };
  cells: NotebookCell[];
  /** Blank text between the front matter (or the start of the file) and the first cell, which is no cell of its own. */
  leading?: string;
  /** The file began with a UTF-8 byte order mark (U+FEFF), which is no part of any cell and is written back. */
  byteOrderMark?: boolean;
  /** The file's line ending, used for new text. */
  lineEnding: '\n' | '\r\n';
}
