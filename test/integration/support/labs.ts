/**
 * Lab topologies for the editor tests: files written into the workspace under this run's prefix, and a cleanup of
 * what deploying them leaves (namespaces go with `lab.cleanup()`; the labs' records are removed here).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { lab } from './lab.js';

const RECORDS = '/run/netns-lab/labs';

/** Lab names of this run: they start with the run's prefix, so their namespaces do too. */
export function labName(suffix: string): string {
  return lab.namespaceName(suffix);
}

/** Files written in the workspace, removed by `removeTopologyFiles`. */
const written: string[] = [];

/** Writes `text` to `name` (prefixed) in the workspace folder and returns its Uri. */
export function writeWorkspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const file = join(folder, `${lab.prefix}-${name}`);
  writeFileSync(file, text);
  written.push(file);
  return vscode.Uri.file(file);
}

/** Two namespaces joined by a veth, with addresses in `10.<octet>.0.0/24`. */
export function twoNamespaceLab(name: string, octet: number): string {
  return `lab: ${name}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.${octet}.0.1/24, blue:eth0 10.${octet}.0.2/24]\n`;
}

/** The record file of a lab (as the core names it: percent-encoded, dots too). */
export function recordFile(name: string): string {
  return join(RECORDS, `${encodeURIComponent(name).replace(/\./gu, '%2E')}.json`);
}

export function recordExists(name: string): boolean {
  return existsSync(recordFile(name));
}

/** Removes the written files and the records of the given labs (their namespaces go with `lab.cleanup()`). */
export function removeLabLeftovers(labs: readonly string[]): void {
  for (const file of written.splice(0)) rmSync(file, { force: true });
  for (const name of labs) rmSync(recordFile(name), { force: true });
}
