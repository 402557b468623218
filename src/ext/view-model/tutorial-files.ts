/**
 * Which files are the tutorials that ship with the extension, what each is called, and what a copy of one needs.
 * Pure: no vscode import, so it is tested under plain Node.
 */

const NOTEBOOK_SUFFIX = '.netns.md';
const TOPOLOGY_SUFFIX = '.netns.yaml';

/** The tutorial notebooks among the file names of the extension's `notebooks` folder, each once, in order. */
export function tutorialNotebooks(fileNames: readonly string[]): string[] {
  return [...new Set(fileNames.filter((name) => name.endsWith(NOTEBOOK_SUFFIX)))].sort((first, second) => first.localeCompare(second));
}

/** A tutorial's title: its first `# ` heading (`1. Isolating a network`), else its file name without the suffix. */
export function tutorialTitle(fileName: string, text: string): string {
  const heading = /^# +(.+?)\s*$/mu.exec(text)?.[1];
  return heading ?? fileName.slice(0, -NOTEBOOK_SUFFIX.length);
}

/**
 * The files a working copy of a tutorial needs: the notebook, and the topology file of the same name beside it when
 * there is one (tutorial 6 deploys it from its front matter; the others link to it).
 */
export function tutorialCopyFiles(notebook: string, fileNames: readonly string[]): string[] {
  const topology = `${notebook.slice(0, -NOTEBOOK_SUFFIX.length)}${TOPOLOGY_SUFFIX}`;
  return fileNames.includes(topology) ? [notebook, topology] : [notebook];
}
