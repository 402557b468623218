/**
 * Where a lab notebook's cells run: the target picked for it in the notebook toolbar during this session, else the
 * target its front matter names. A pick is kept in memory only, per notebook file, and never written into the
 * user's file.
 */
import * as vscode from 'vscode';
import { isLocalTarget, LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { Services } from '../services.js';
import type { NotebookMetadata } from './serializer.js';

/** Where a notebook's cells run and why, for the kernel and the status bar. */
export interface NotebookTarget {
  targetId: string;
  /** `picked`: chosen in the toolbar this session; `frontMatter`: named by the file (or this machine by default). */
  source: 'picked' | 'frontMatter';
}

/**
 * The target a notebook's cells run on: its toolbar pick while that is still a configured target, else its front
 * matter's. @throws Error when the front matter names a target that is not configured (and nothing was picked).
 */
export function notebookTarget(services: Services, notebook: vscode.NotebookDocument): NotebookTarget {
  const picked = services.notebookTargets.chosenFor(notebook.uri);
  if (picked !== undefined && isConfiguredTarget(services, picked)) return { targetId: picked, source: 'picked' };
  return { targetId: frontMatterTargetId(services, frontMatterTarget(notebook)), source: 'frontMatter' };
}

/** The front matter's `target`, as written. */
export function frontMatterTarget(notebook: vscode.NotebookDocument): string | undefined {
  return (notebook.metadata as NotebookMetadata).frontMatter?.options.target;
}

/** This machine, or one of the SSH targets of the settings. */
export function isConfiguredTarget(services: Services, targetId: string): boolean {
  return targetId === LOCAL_TARGET || services.settings.targets.includes(targetId);
}

/**
 * The target a front matter names: this machine, or an SSH target that must be one of the configured targets (so
 * that opening a notebook never makes Netns Lab connect somewhere new by itself).
 */
export function frontMatterTargetId(services: Services, target: string | undefined): string {
  if (isLocalTarget(target)) return LOCAL_TARGET;
  if (services.settings.targets.includes(target)) return target;
  throw new Error(
    `This notebook runs on ${JSON.stringify(target)}, which is not one of your Netns Lab targets: add it with "Netns Lab: Add SSH Target", ` +
      'or pick where to run it with "Select Target" in the notebook toolbar.',
  );
}
