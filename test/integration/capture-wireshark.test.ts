/**
 * "Open in Wireshark" in the real editor, on a real capture of a ping. The real Wireshark is a desktop program that
 * cannot start here (no display, and a test must not wait on a window), so a stand-in named `wireshark` is put
 * first on the PATH: it records the arguments it was given, reads the file it got with the real `tcpdump -r` (the
 * file must be a valid pcap holding the ping), then stays running, as Wireshark would, until the test ends it.
 * The file must sit in a private folder (mode 0700) while Wireshark runs, also after the panel is closed, and be
 * gone once Wireshark has exited, its folder with it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { CapturePanel } from '../../src/ext/capture/capture-panel.js';
import { activateExtension } from './support/extension.js';
import { lab, namespacesJoined } from './support/lab.js';
import { eventually } from './support/wait.js';

const STAND_IN = `#!/bin/sh
# Records how it was started, reads the capture as Wireshark would, then runs on until ended.
printf '%s\\n' "$@" > "$NETNS_LAB_TEST_RECORD/argv"
tcpdump -nn -r "$1" > "$NETNS_LAB_TEST_RECORD/read" 2> "$NETNS_LAB_TEST_RECORD/read-errors"
echo $? > "$NETNS_LAB_TEST_RECORD/read-status.tmp"
echo $$ > "$NETNS_LAB_TEST_RECORD/pid"
mv "$NETNS_LAB_TEST_RECORD/read-status.tmp" "$NETNS_LAB_TEST_RECORD/read-status"
exec sleep 120
`;

describe('Open in Wireshark', function () {
  this.timeout(60_000);
  const red = lab.namespaceName('-wsred');
  const blue = lab.namespaceName('-wsblue');
  const path = process.env.PATH;
  let folder = '';
  let standIn: number | undefined;
  let panel: CapturePanel | undefined;

  before(async () => {
    await activateExtension();
    folder = mkdtempSync(join(tmpdir(), 'netns-lab-wireshark-test-'));
    mkdirSync(join(folder, 'bin'));
    mkdirSync(join(folder, 'record'));
    writeFileSync(join(folder, 'bin', 'wireshark'), STAND_IN);
    chmodSync(join(folder, 'bin', 'wireshark'), 0o755);
    // The extension host is this process: the panel looks for wireshark on this PATH, and the stand-in inherits this environment.
    process.env.PATH = `${join(folder, 'bin')}:${path ?? ''}`;
    process.env.NETNS_LAB_TEST_RECORD = join(folder, 'record');
    namespacesJoined(red, blue, '10.242.0');
  });

  after(async () => {
    process.env.PATH = path;
    delete process.env.NETNS_LAB_TEST_RECORD;
    if (standIn !== undefined) spawnSync('kill', [String(standIn)]);
    await panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('hands Wireshark a valid pcap of the packets in a private folder, kept while it runs and removed when it exits', async () => {
    panel = await vscode.commands.executeCommand<CapturePanel>('netnsLab.capture.start', { interfaces: [`${red}:veth0`], filter: 'icmp' });
    const ping = spawnSync('ip', ['netns', 'exec', red, 'ping', '-c', '2', '-i', '0.2', '-W', '2', '10.242.0.2'], { encoding: 'utf8' });
    assert.equal(ping.status, 0, ping.stderr);
    await eventually(async () => ((await panel!.pageReport()).rows >= 4 ? true : undefined), { what: 'the ping in the panel' });

    const file = await panel.showInWireshark();
    const record = join(folder, 'record');
    await eventually(() => (existsSync(join(record, 'read-status')) ? true : undefined), { what: 'the stand-in reading the file' });
    standIn = Number(readFileSync(join(record, 'pid'), 'utf8'));
    assert.deepEqual(readFileSync(join(record, 'argv'), 'utf8').split('\n').filter(Boolean), [file], 'Wireshark gets the file, and only it');
    assert.equal(readFileSync(join(record, 'read-status'), 'utf8').trim(), '0', readFileSync(join(record, 'read-errors'), 'utf8'));
    const read = readFileSync(join(record, 'read'), 'utf8');
    assert.match(read, /IP 10\.242\.0\.1 > 10\.242\.0\.2: ICMP echo request/u);
    assert.match(read, /IP 10\.242\.0\.2 > 10\.242\.0\.1: ICMP echo reply/u);
    assert.equal(statSync(dirname(file)).mode & 0o777, 0o700, 'only its owner can enter the folder');
    assert.equal(dirname(dirname(file)), tmpdir());

    // Closing the panel leaves the file to the Wireshark that still reads it (Reload and Save As open it by name).
    await panel.dispose();
    panel = undefined;
    assert.ok(existsSync(file), 'the file went while Wireshark still runs');
    process.kill(standIn, 'SIGTERM');
    standIn = undefined;
    await eventually(() => (existsSync(file) ? undefined : true), { what: 'the file removed after Wireshark exited' });
    assert.equal(existsSync(dirname(file)), false, 'the private folder goes with its last file');
  });
});
