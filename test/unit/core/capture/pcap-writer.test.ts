import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PcapStreamReader, type PcapRecord } from '../../../../src/core/capture/pcap-reader.js';
import { pcapFileHeader, pcapRecord } from '../../../../src/core/capture/pcap-writer.js';
import { bytes } from './craft.js';

test('what the writer writes, the reader reads back, in microseconds or nanoseconds', () => {
  for (const nanoseconds of [false, true]) {
    const packet = { seconds: 1_700_000_000, nanoseconds: 123_456_789, data: bytes([1, 2, 3]), wireLength: 60 };
    const records: PcapRecord[] = [];
    const reader = new PcapStreamReader((record) => records.push(record));
    reader.push(bytes(pcapFileHeader(113, 65535, nanoseconds), pcapRecord(packet, nanoseconds)));
    assert.deepEqual(reader.header, { littleEndian: true, nanosecondTimestamps: nanoseconds, versionMajor: 2, versionMinor: 4, snapLength: 65535, linkType: 113 });
    assert.equal(records[0]!.nanoseconds, nanoseconds ? 123_456_789 : 123_456_000);
    assert.deepEqual([...records[0]!.data], [1, 2, 3]);
    assert.equal(records[0]!.wireLength, 60);
  }
});
