/**
 * netnsLab.capture.start: the interfaces come from the node (one interface), are picked in a namespace (several
 * at once), or are given by a program; then a capture panel opens and streams their packets.
 * netnsLab.capture.openFile: a saved pcap file (from the Explorer, a file picker or a program) read back into the
 * same panel.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { readCaptureFile } from '../../core/capture/capture-file.js';
import { startCapture } from '../../core/capture/capture.js';
import { endpointLabel, type CaptureEndpoint } from '../../core/capture/endpoints.js';
import { readNamespace } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { givenOrPickedNamespace, pickInterfaces } from '../ui/pickers.js';
import { PromptCancelled, stepTitles } from '../ui/prompts.js';
import { captureFileRequest, captureStartRequest } from '../view-model/capture-arguments.js';
import { CapturePanel, type CaptureSource } from './capture-panel.js';
import { WiresharkFiles } from './wireshark.js';

const EXTENSION_ID = 'netns-lab.netns-lab';

/** The open capture panels, ended with the extension. */
const openPanels = new Set<CapturePanel>();
/** The captures handed to Wireshark, removed when it exits, and all of them with the extension. */
const wiresharkFiles = new WiresharkFiles();

/** The open capture panels (for other extensions and the editor tests): also those whose capture failed to start. */
export interface CapturePanels {
  open(): CapturePanel[];
}

/** Makes the extension's context the owner of every capture panel: they stop their captures when it goes. */
export function registerCapturePanels(context: vscode.ExtensionContext): CapturePanels {
  context.subscriptions.push({
    dispose: () => void Promise.allSettled([...[...openPanels].map((panel) => panel.dispose()), wiresharkFiles.dispose()]),
  });
  return { open: () => [...openPanels] };
}

/** netnsLab.capture.start; returns the panel (for programs and tests), once its capture is listening. */
export async function startCaptureCommand(services: Services, argument: unknown): Promise<CapturePanel> {
  const request = captureStartRequest(argument);
  const host = services.host(request.targetId);
  const where = services.where(request.targetId).suffix;
  let endpoints: CaptureEndpoint[] | undefined = request.endpoints;
  if (endpoints === undefined) {
    const title = stepTitles(`Capture Packets${where}`, request.namespace === undefined ? 2 : 1);
    const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the interfaces' });
    const links = await pickInterfaces(await readNamespace(host, namespace), { title: title(), placeholder: 'The interfaces to capture on (tick one or more)' });
    endpoints = links.map((link) => ({ namespace, interfaceName: link.name }));
  }
  const chosen = endpoints;
  return openPanel(services, {
    kind: 'live',
    title: `Capture ${chosen.map(endpointLabel).join(', ')}${where}`,
    start: (keepRecent, onPacket) => startCapture(host, chosen, { filter: request.filter, keepRecent, onPacket }),
  });
}

/** netnsLab.capture.openFile; returns the panel once the file is being read. */
export async function openCaptureFileCommand(services: Services, argument: unknown): Promise<CapturePanel> {
  const file = captureFileRequest(argument).file ?? (await pickCaptureFile());
  return openPanel(services, { kind: 'file', title: basename(file), start: (keepRecent, onPacket) => readCaptureFile(file, { keepRecent, onPacket }) });
}

async function pickCaptureFile(): Promise<string> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { 'Packet capture': ['pcap', 'cap'] },
    openLabel: 'Open Capture',
    title: 'Open a saved capture (classic pcap)',
  });
  if (!picked?.[0]) throw new PromptCancelled();
  if (picked[0].scheme !== 'file') throw new Error(`A capture file must be on this machine, not on a ${picked[0].scheme}: document`);
  return picked[0].fsPath;
}

async function openPanel(services: Services, source: CaptureSource): Promise<CapturePanel> {
  const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
  const panel = new CapturePanel({ source, extensionUri, log: services.log, wiresharkFiles });
  openPanels.add(panel);
  panel.panel.onDidDispose(() => openPanels.delete(panel));
  await panel.start();
  return panel;
}
