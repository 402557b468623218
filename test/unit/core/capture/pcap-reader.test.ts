// The pcap stream reader: both byte orders, both timestamp precisions, any chunking, and broken streams.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PcapFormatError, PcapStreamReader, type PcapHeader, type PcapRecord } from '../../../../src/core/capture/pcap-reader.js';
import { bytes, pcapStream } from './craft.js';

const fixtures = new URL('../../../../../test/fixtures/capture/', import.meta.url);

function readAll(stream: Uint8Array, chunkSize = stream.length): { header: PcapHeader | undefined; records: PcapRecord[]; leftover: number } {
  const records: PcapRecord[] = [];
  const reader = new PcapStreamReader((record) => records.push({ ...record, data: Uint8Array.from(record.data) }));
  for (let offset = 0; offset < stream.length; offset += chunkSize) reader.push(stream.subarray(offset, offset + chunkSize));
  return { header: reader.header, records, leftover: reader.leftover };
}

const packets = [
  { seconds: 1_700_000_000, fraction: 123_456, data: bytes([1, 2, 3]) },
  { seconds: 1_700_000_001, fraction: 999_999, data: bytes([4, 5, 6, 7]), wireLength: 1500 },
];

for (const littleEndian of [true, false]) {
  for (const nanoseconds of [false, true]) {
    test(`${littleEndian ? 'little' : 'big'}-endian pcap with ${nanoseconds ? 'nano' : 'micro'}second timestamps reads the same, cut into 1-byte chunks`, () => {
      const stream = pcapStream({ littleEndian, nanoseconds, linkType: 276, snapLength: 4 }, packets);
      const { header, records, leftover } = readAll(stream, 1);
      assert.deepEqual(header, { littleEndian, nanosecondTimestamps: nanoseconds, versionMajor: 2, versionMinor: 4, snapLength: 4, linkType: 276 });
      assert.deepEqual(
        records.map((record) => [record.seconds, record.nanoseconds, [...record.data], record.wireLength]),
        [
          [1_700_000_000, nanoseconds ? 123_456 : 123_456_000, [1, 2, 3], 3],
          [1_700_000_001, nanoseconds ? 999_999 : 999_999_000, [4, 5, 6, 7], 1500],
        ],
      );
      assert.equal(leftover, 0);
    });
  }
}

test('a record cut at the end of the stream is left over, not delivered', () => {
  const stream = pcapStream({ littleEndian: true, nanoseconds: false, linkType: 1 }, packets);
  const { records, leftover } = readAll(stream.subarray(0, stream.length - 2));
  assert.equal(records.length, 1);
  assert.equal(leftover, 16 + 2);
});

test('the fixture written by tcpdump reads whole in chunks of every size from 1 to 100', () => {
  const file = readFileSync(new URL('veth-mixed.pcap', fixtures));
  const whole = readAll(file);
  assert.equal(whole.records.length, 22);
  assert.equal(whole.header?.linkType, 1);
  for (let size = 1; size <= 100; size++) assert.deepEqual(readAll(file, size).records, whole.records, `chunks of ${size}`);
});

test('pcapng and other streams are refused with what they are', () => {
  const refuse = (stream: Uint8Array, message: RegExp): void =>
    assert.throws(
      () => readAll(stream),
      (error: unknown) => error instanceof PcapFormatError && message.test(error.message),
    );
  refuse(bytes([0x0a, 0x0d, 0x0d, 0x0a], new Array<number>(20).fill(0)), /pcapng/u);
  refuse(new TextEncoder().encode('tcpdump: listening on eth0, link-type'), /not a pcap stream \(it starts with 0x74637064\)/u);
});

test('a record claiming an impossible length is a broken stream, not a wait for 4 GB', () => {
  const stream = pcapStream({ littleEndian: true, nanoseconds: false, linkType: 1 }, [{ seconds: 1, fraction: 0, data: bytes([1]) }]);
  new DataView(stream.buffer).setUint32(24 + 8, 0xffffffff, true);
  assert.throws(() => readAll(stream), /claims 4294967295 captured bytes/u);
});
