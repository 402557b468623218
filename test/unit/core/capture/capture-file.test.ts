// A saved pcap read back as a capture: tcpdump's own file gives tcpdump's lines, the ring keeps the last packets,
// and a file that is missing, empty or not pcap is refused in one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCaptureFile } from '../../../../src/core/capture/capture-file.js';
import type { CapturedPacket } from '../../../../src/core/capture/capture.js';
import { CaptureError } from '../../../../src/core/capture/tcpdump.js';

const fixtures = fileURLToPath(new URL('../../../../../test/fixtures/capture/', import.meta.url));

test("reads tcpdump's file as tcpdump reads it, every packet in order, numbered from 1", async () => {
  const seen: CapturedPacket[] = [];
  const capture = await readCaptureFile(join(fixtures, 'veth-mixed.pcap'), { onPacket: (packet) => seen.push(packet) });
  assert.deepEqual(await capture.done, { packets: 22, reason: 'ended' });
  // The fixture holds `tcpdump -nn -S -t -r` of the same file (TCP options aside, which we do not summarise).
  const expected = readFileSync(join(fixtures, 'veth-mixed.tcpdump.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.replace(/, options \[[^\]]*\]/u, ''));
  assert.deepEqual(
    seen.map((packet) => packet.summary.text),
    expected,
  );
  assert.deepEqual(
    seen.map((packet) => packet.number),
    Array.from({ length: 22 }, (_, index) => index + 1),
  );
  assert.equal(seen[0]!.interface, 'veth-mixed.pcap');
});

test('keeps only the last packets of a file longer than its ring', async () => {
  const capture = await readCaptureFile(join(fixtures, 'veth-mixed.pcap'), { keepRecent: 5 });
  await capture.done;
  assert.deepEqual(
    capture.recent().map((packet) => packet.number),
    [18, 19, 20, 21, 22],
  );
});

test('refuses a missing, an empty or a non-pcap file in one line that names it', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-capture-file-'));
  try {
    await assert.rejects(readCaptureFile(join(folder, 'none.pcap')), (error: Error) => error instanceof CaptureError && /none\.pcap: it does not exist$/u.test(error.message));
    writeFileSync(join(folder, 'empty.pcap'), '');
    await assert.rejects((await readCaptureFile(join(folder, 'empty.pcap'))).done, /Cannot read the capture file empty\.pcap: it is empty, not a pcap file/u);
    writeFileSync(join(folder, 'text.pcap'), 'hello, this is not a capture at all');
    await assert.rejects((await readCaptureFile(join(folder, 'text.pcap'))).done, /Cannot read the capture file text\.pcap: not a pcap stream/u);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
