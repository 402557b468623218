// The decoders against tcpdump's own reading of pcaps it wrote (test/fixtures/capture, see its README), and on
// packets built byte by byte: odd layers (802.1Q, VXLAN, IPv6), every truncation, and malformed headers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dissectPacket, LINK_TYPE, summarizePacket } from '../../../../src/core/capture/dissect.js';
import { PcapStreamReader } from '../../../../src/core/capture/pcap-reader.js';
import { arpRequest, bytes, ethernet, icmpEcho, IP6_A, IP6_B, IP_A, IP_B, ipv4, ipv6, tcp, udp, vlanTag, vxlan } from './craft.js';

const fixtures = new URL('../../../../../test/fixtures/capture/', import.meta.url);

function summariesOf(file: string): string[] {
  const lines: string[] = [];
  new PcapStreamReader((record, header) => lines.push(summarizePacket(header.linkType, record.data, record.wireLength).text)).push(readFileSync(new URL(file, fixtures)));
  return lines;
}

/** tcpdump's lines without what we leave out: TCP options, and the interface name that -i any files carry. */
function tcpdumpLines(file: string, withInterface = false): string[] {
  return readFileSync(new URL(file, fixtures), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/, options \[[^\]]*\]/u, ''))
    .map((line) => (withInterface ? line.replace(/^\S+\s+(\S+)\s+/u, '$1 ') : line));
}

describe('summaries of pcaps written by tcpdump', () => {
  test('an Ethernet capture reads as tcpdump reads it: ARP, ICMP, NDP, ICMPv6, UDP, port unreachable, TCP', () => {
    assert.deepEqual(summariesOf('veth-mixed.pcap'), tcpdumpLines('veth-mixed.tcpdump.txt'));
  });

  test('a Linux cooked v2 capture (-i any) reads with its packet directions', () => {
    assert.deepEqual(summariesOf('any-ping.pcap'), tcpdumpLines('any-ping.tcpdump.txt', true));
  });
});

describe('summaries of crafted packets', () => {
  const echo = ipv4(1, IP_A, IP_B, icmpEcho(8, 5, 1));

  test('an 802.1Q tag shows its VLAN and priority before the packet it carries', () => {
    const frame = ethernet(0x8100, vlanTag(10, 3, 0x0800, echo));
    assert.equal(summarizePacket(LINK_TYPE.ethernet, frame).text, 'vlan 10, p 3, IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 5, seq 1, length 64');
  });

  test('VXLAN shows its network id and the inner frame, decoded', () => {
    const inner = ethernet(0x0806, arpRequest([192, 168, 1, 1], [192, 168, 1, 2]));
    const frame = ethernet(0x0800, ipv4(17, IP_A, IP_B, udp(40000, 4789, vxlan(42, inner))));
    const summary = summarizePacket(LINK_TYPE.ethernet, frame);
    assert.equal(summary.text, 'IP 10.0.0.1.40000 > 10.0.0.2.4789: VXLAN, flags [I] (0x08), vni 42: ARP, Request who-has 192.168.1.2 tell 192.168.1.1, length 28');
    assert.deepEqual([summary.source, summary.destination, summary.protocol], ['192.168.1.1', '192.168.1.2', 'ARP']);
  });

  test('TCP shows its flags, sequence range, acknowledgement and window', () => {
    const frame = ethernet(0x0800, ipv4(6, IP_A, IP_B, tcp(40000, 80, 100, 200, 0x18, bytes([1, 2, 3]))));
    assert.equal(summarizePacket(LINK_TYPE.ethernet, frame).text, 'IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 100:103, ack 200, win 512, length 3');
  });

  test('TCP over IPv6 writes ports after the addresses with a dot, as tcpdump does', () => {
    const frame = ethernet(0x86dd, ipv6(6, IP6_A, IP6_B, tcp(40000, 22, 1, 0, 0x02)));
    assert.equal(summarizePacket(LINK_TYPE.ethernet, frame).text, 'IP6 fd00::1.40000 > fd00::2.22: Flags [S], seq 1, win 512, length 0');
  });

  test('a later IPv4 fragment is shown as a fragment, not decoded as a header', () => {
    const frame = ethernet(0x0800, ipv4(17, IP_A, IP_B, bytes([1, 2, 3, 4, 5, 6, 7, 8]), 0x0001));
    assert.equal(summarizePacket(LINK_TYPE.ethernet, frame).text, 'IP 10.0.0.1 > 10.0.0.2: UDP fragment id 1, offset 8, length 8');
  });

  test('an unknown EtherType is shown by its number', () => {
    assert.equal(summarizePacket(LINK_TYPE.ethernet, ethernet(0x88b5, bytes([1, 2, 3, 4]))).text, 'ethertype 0x88b5, length 4');
  });

  test('raw IP (link type 101) is read by its version', () => {
    assert.equal(summarizePacket(LINK_TYPE.raw, echo).text, 'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 5, seq 1, length 64');
  });

  test('a packet cut by the snap length says how much was not captured', () => {
    const frame = ethernet(0x0800, echo);
    assert.match(summarizePacket(LINK_TYPE.ethernet, frame.subarray(0, 50), frame.length).text, /ICMP echo request, id 5, seq 1, length 64 \[48 bytes not captured\]$/u);
  });
});

describe('truncated and malformed packets', () => {
  const frames = {
    arp: ethernet(0x0806, arpRequest(IP_A, IP_B)),
    icmp: ethernet(0x0800, ipv4(1, IP_A, IP_B, icmpEcho(8, 1, 1, 0))),
    tcp: ethernet(0x0800, ipv4(6, IP_A, IP_B, tcp(1, 2, 3, 4, 0x10))),
    udp: ethernet(0x86dd, ipv6(17, IP6_A, IP6_B, udp(1, 2, bytes([9])))),
    vxlan: ethernet(0x0800, ipv4(17, IP_A, IP_B, udp(1, 4789, vxlan(1, ethernet(0x0800, ipv4(1, IP_A, IP_B, icmpEcho(0, 1, 1, 0))))))),
    vlan: ethernet(0x8100, vlanTag(5, 0, 0x0806, arpRequest(IP_A, IP_B))),
  };

  for (const [name, frame] of Object.entries(frames)) {
    test(`${name}: every cut of the frame gives a summary with a truncation mark, and a field tree`, () => {
      for (let length = 0; length < frame.length; length++) {
        const cut = frame.subarray(0, length);
        const summary = summarizePacket(LINK_TYPE.ethernet, cut, length);
        assert.match(summary.text, /\[\|[a-z0-9]+\]/u, `cut at ${length}: ${summary.text}`);
        const dissection = dissectPacket(LINK_TYPE.ethernet, cut, length);
        assert.ok(
          dissection.layers.some((layer) => layer.truncated),
          `cut at ${length}: no layer says it is truncated`,
        );
      }
    });
  }

  test('a header length below the minimum is named, not followed', () => {
    const packet = ipv4(1, IP_A, IP_B, icmpEcho(8, 1, 1));
    packet[0] = 0x42;
    assert.match(summarizePacket(LINK_TYPE.raw, packet).text, /^IP 10\.0\.0\.1 > 10\.0\.0\.2: bad header length 8/u);
  });

  test('random bytes under every link type never throw', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let round = 0; round < 2000; round++) {
      const packet = Uint8Array.from({ length: next() }, next);
      for (const linkType of Object.values(LINK_TYPE)) assert.equal(typeof summarizePacket(linkType, packet).text, 'string');
    }
  });
});
