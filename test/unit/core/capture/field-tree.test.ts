// The field tree of one packet: a layer per header, each field with the bytes it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dissectPacket, LINK_TYPE } from '../../../../src/core/capture/dissect.js';
import { FieldTree } from '../../../../src/core/capture/field-tree.js';
import { arpRequest, bytes, ethernet, IP6_A, ipv6 } from './craft.js';

test('an ARP request has an Ethernet layer and an ARP layer whose fields point at their bytes', () => {
  const frame = ethernet(0x0806, arpRequest([10, 0, 0, 1], [10, 0, 0, 2]));
  const { layers } = dissectPacket(LINK_TYPE.ethernet, frame);
  assert.deepEqual(
    layers.map((layer) => layer.name),
    ['Ethernet', 'ARP'],
  );
  const targetIp = layers[1]!.fields.find((field) => field.name === 'Target IP')!;
  assert.deepEqual(targetIp, { name: 'Target IP', value: '10.0.0.2', offset: 38, length: 4 });
  assert.deepEqual([...frame.subarray(targetIp.offset, targetIp.offset + targetIp.length)], [10, 0, 0, 2]);
});

test('a neighbour advertisement lists its target and its link-layer address option', () => {
  const target = [0xfe, 0x80, ...new Array<number>(13).fill(0), 2];
  const advert = bytes([136, 0, 0, 0, 0x60, 0, 0, 0], target, [2, 1, 2, 0, 0, 0, 0, 0x0b]);
  const { summary, layers } = dissectPacket(LINK_TYPE.ethernet, ethernet(0x86dd, ipv6(58, IP6_A, target, advert)));
  assert.equal(summary.text, 'IP6 fd00::1 > fe80::2: ICMP6, neighbor advertisement, tgt is fe80::2, length 32');
  const fields = Object.fromEntries(layers.at(-1)!.fields.map((field) => [field.name, field.value]));
  assert.equal(fields.Flags, 'solicited, override');
  assert.equal(fields['Target link-layer address'], '02:00:00:00:00:0b');
});

test('a truncated header becomes a layer of its own when no layer for it was opened', () => {
  const tree = new FieldTree();
  tree.layer('Ethernet', 0, 14);
  tree.truncated('ip', 14, 20, 6);
  assert.deepEqual(
    tree.layers.map((layer) => [layer.name, layer.truncated]),
    [
      ['Ethernet', undefined],
      ['ip', 'truncated: ip needs 20 bytes, 6 captured'],
    ],
  );
});
