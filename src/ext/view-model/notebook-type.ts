/**
 * The lab notebook's type and its cells' languages, as package.json names them. Here, at the bottom of the editor
 * layer, so that what only needs to recognise a lab notebook (the background tracker of the services) does not
 * import the serializer.
 */
import { isCheckLanguage } from '../../core/notebook/options.js';

export const NOTEBOOK_TYPE = 'netns-lab';
export const CELL_LANGUAGE = 'shellscript';
/** Check cells hold YAML: the editor highlights them as such. */
export const CHECK_CELL_LANGUAGE = 'yaml';

/** The editor's language for a cell whose fence says `fenceLanguage`. */
export function editorLanguageOf(fenceLanguage: string | undefined): string {
  return fenceLanguage !== undefined && isCheckLanguage(fenceLanguage) ? CHECK_CELL_LANGUAGE : CELL_LANGUAGE;
}

/**
 * The fence language of a cell the editor shows in `editorLanguage`: a cell switched to YAML becomes a check cell,
 * a check cell switched away becomes a shell cell, and otherwise the fence keeps its word (undefined: as parsed).
 */
export function fenceLanguageOf(editorLanguage: string, fenceLanguage: string | undefined): string | undefined {
  const wasCheck = fenceLanguage !== undefined && isCheckLanguage(fenceLanguage);
  if (editorLanguage === CHECK_CELL_LANGUAGE) return wasCheck ? fenceLanguage : 'check';
  return wasCheck ? 'sh' : fenceLanguage;
}
