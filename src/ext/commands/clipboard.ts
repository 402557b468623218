/** Copying names and addresses from the tree. */
import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { addressToCopy, nameToCopy } from '../view-model/arguments.js';

/** netnsLab.copyName: a namespace's or an interface's name. Returns what was copied. */
export async function copyNameCommand(_services: Services, argument: unknown): Promise<string> {
  return copy(nameToCopy(argument));
}

/** netnsLab.copyAddress: an address as `ADDRESS/PREFIX`. Returns what was copied. */
export async function copyAddressCommand(_services: Services, argument: unknown): Promise<string> {
  return copy(addressToCopy(argument));
}

async function copy(text: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
  return text;
}
