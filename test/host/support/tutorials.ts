// The tutorial notebooks in notebooks/ as the tests read them: which files, which namespaces each makes, and the lab
// declared beside each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTopology } from '../../../src/core/index.js';

export const NOTEBOOKS = fileURLToPath(new URL('../../../../notebooks/', import.meta.url));

/** The tutorial notebooks' file names, in order. */
export function tutorialFiles(): string[] {
  return readdirSync(NOTEBOOKS)
    .filter((file) => file.endsWith('.netns.md'))
    .sort();
}

/** The namespaces a tutorial makes (`labN-…` names), in the order its text first names them. */
export function namespacesOf(text: string): string[] {
  return [...new Set(text.match(/\blab\d[\w-]*/gu) ?? [])].filter((name) => /^lab\d-[\w-]+$/u.test(name));
}

/** The lab of the topology file beside a tutorial (`01-….netns.yaml` beside `01-….netns.md`). */
export function labBeside(file: string): string {
  const topology = parseTopology(readFileSync(join(NOTEBOOKS, file.replace(/\.netns\.md$/u, '.netns.yaml')), 'utf8')).topology;
  if (!topology) throw new Error(`the topology file beside ${file} is not valid`);
  return topology.lab;
}
