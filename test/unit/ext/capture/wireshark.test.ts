// The files handed to Wireshark: a private folder, each file gone once the program started on it exits (the folder
// with the last), all of them gone with the extension, and nothing left by a write or a start that fails. A stand-in program plays
// Wireshark (a desktop program cannot start in a test): it records its argument, then exits or waits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { eventually, holds } from '../../../support/eventually.js';
import { findOnPath, WiresharkFiles } from '../../../../src/ext/capture/wireshark.js';

function standIn(folder: string, then: 'exit' | 'wait'): string {
  const program = join(folder, `wireshark-${then}`);
  // 'exit': it exits once the test has made the file `go` (so that the test sees the file before it goes).
  const end = then === 'wait' ? 'exec sleep 30' : `while [ ! -e '${folder}/go' ]; do sleep 0.05; done`;
  // The argument is written aside and renamed, so that the test never reads the file between its creation and the write.
  const record = `printf '%s' "$1" > '${folder}/argument.part' && mv '${folder}/argument.part' '${folder}/argument'`;
  writeFileSync(program, `#!/bin/sh\n${record}\n${end}\n`);
  chmodSync(program, 0o755);
  return program;
}

test('a file lives in a private folder while the program reads it, and goes when it exits', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'netns-lab-wireshark-unit-'));
  const files = new WiresharkFiles(scratch);
  try {
    const file = await files.open(standIn(scratch, 'exit'), (path) => writeFile(path, 'pcap bytes'));
    assert.equal(statSync(dirname(file)).mode & 0o777, 0o700);
    assert.equal(dirname(dirname(file)), scratch);
    await eventually(
      holds(() => existsSync(join(scratch, 'argument'))),
      { what: 'the stand-in started' },
    );
    assert.equal(readFileSync(join(scratch, 'argument'), 'utf8'), file);
    assert.ok(existsSync(file), 'the file is there while the program runs');
    writeFileSync(join(scratch, 'go'), '');
    await eventually(
      holds(() => !existsSync(dirname(file))),
      { what: 'the file and its folder removed after the program exited' },
    );
  } finally {
    await files.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('the folder goes with the extension, though the program still runs', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'netns-lab-wireshark-unit-'));
  const files = new WiresharkFiles(scratch);
  try {
    const file = await files.open(standIn(scratch, 'wait'), (path) => writeFile(path, 'pcap bytes'));
    await eventually(
      holds(() => existsSync(join(scratch, 'argument'))),
      { what: 'the stand-in started' },
    );
    assert.ok(existsSync(file), 'the file is there while the program runs');
    await files.dispose();
    assert.equal(existsSync(dirname(file)), false);
    await assert.rejects(
      files.open(standIn(scratch, 'exit'), () => Promise.resolve()),
      /shutting down/u,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('a write or a start that fails leaves no file', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'netns-lab-wireshark-unit-'));
  const files = new WiresharkFiles(scratch);
  try {
    let written = '';
    await assert.rejects(
      files.open(standIn(scratch, 'exit'), async (path) => {
        written = path;
        await writeFile(path, 'half');
        throw new Error('the disk is full');
      }),
      /the disk is full/u,
    );
    assert.equal(existsSync(written), false);
    await assert.rejects(
      files.open(join(scratch, 'no-such-wireshark'), async (path) => writeFile((written = path), 'pcap')),
      /Cannot start .*no-such-wireshark: spawn .* ENOENT/u,
    );
    assert.equal(existsSync(written), false);
    assert.equal(existsSync(dirname(written)), false, 'no empty folder is left');
  } finally {
    await files.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('findOnPath finds an executable in the PATH given, and nothing where there is none', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'netns-lab-wireshark-unit-'));
  try {
    const program = standIn(scratch, 'exit');
    assert.equal(await findOnPath('wireshark-exit', `/nonexistent:${scratch}`), program);
    assert.equal(await findOnPath('wireshark-exit', '/nonexistent'), undefined);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
