import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizePacket, LINK_TYPE } from '../../../../src/core/capture/dissect.js';
import { keptPacket } from '../../../../src/core/capture/captured-packet.js';
import { readFileSync } from 'node:fs';
import { PcapStreamReader } from '../../../../src/core/capture/pcap-reader.js';

const fixture = new URL('../../../../../test/fixtures/capture/veth-mixed.pcap', import.meta.url);

test('a kept packet has the same fields, and the same summary made again from its bytes', () => {
  new PcapStreamReader((record, header) => {
    const data = record.data.slice();
    const packet = {
      number: 1,
      seconds: record.seconds,
      nanoseconds: record.nanoseconds,
      interface: 'red:veth0',
      endpoint: 0,
      linkType: header.linkType,
      wireLength: record.wireLength,
      data,
      summary: summarizePacket(header.linkType, data, record.wireLength),
    };
    const kept = keptPacket(packet);
    assert.deepEqual({ ...kept, summary: kept.summary }, packet);
    assert.equal(header.linkType, LINK_TYPE.ethernet);
  }).push(readFileSync(fixture));
});
