// Packets built byte by byte for the decoder tests: each helper returns the header it names followed by `payload`.

export function bytes(...parts: Array<number[] | Uint8Array>): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

function u16(value: number): number[] {
  return [(value >> 8) & 0xff, value & 0xff];
}

function u32(value: number): number[] {
  return [...u16(Math.floor(value / 0x10000)), ...u16(value & 0xffff)];
}

export const MAC_A = [0x02, 0, 0, 0, 0, 0x0a];
export const MAC_B = [0x02, 0, 0, 0, 0, 0x0b];

export function ethernet(type: number, payload: Uint8Array, destination = MAC_B, source = MAC_A): Uint8Array {
  return bytes(destination, source, u16(type), payload);
}

export function vlanTag(vlan: number, priority: number, type: number, payload: Uint8Array): Uint8Array {
  return bytes(u16((priority << 13) | vlan), u16(type), payload);
}

export function ipv4(protocol: number, source: number[], destination: number[], payload: Uint8Array, fragment = 0): Uint8Array {
  return bytes([0x45, 0], u16(20 + payload.length), [0, 1], u16(fragment), [64, protocol, 0, 0], source, destination, payload);
}

export function ipv6(nextHeader: number, source: number[], destination: number[], payload: Uint8Array): Uint8Array {
  return bytes([0x60, 0, 0, 0], u16(payload.length), [nextHeader, 255], source, destination, payload);
}

export function icmpEcho(type: number, id: number, sequence: number, data = 56): Uint8Array {
  return bytes([type, 0, 0, 0], u16(id), u16(sequence), new Array<number>(data).fill(0x61));
}

export function udp(sourcePort: number, destinationPort: number, payload: Uint8Array): Uint8Array {
  return bytes(u16(sourcePort), u16(destinationPort), u16(8 + payload.length), [0, 0], payload);
}

export function tcp(sourcePort: number, destinationPort: number, sequence: number, ack: number, flags: number, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return bytes(u16(sourcePort), u16(destinationPort), u32(sequence), u32(ack), [0x50, flags], u16(512), [0, 0, 0, 0], payload);
}

export function arpRequest(senderIp: number[], targetIp: number[]): Uint8Array {
  return bytes([0, 1, 8, 0, 6, 4, 0, 1], MAC_A, senderIp, [0, 0, 0, 0, 0, 0], targetIp);
}

export function vxlan(vni: number, inner: Uint8Array): Uint8Array {
  return bytes([0x08, 0, 0, 0], [(vni >> 16) & 0xff, (vni >> 8) & 0xff, vni & 0xff, 0], inner);
}

export const IP_A = [10, 0, 0, 1];
export const IP_B = [10, 0, 0, 2];
export const IP6_A = [0xfd, 0, ...new Array<number>(13).fill(0), 1];
export const IP6_B = [0xfd, 0, ...new Array<number>(13).fill(0), 2];

/** A pcap stream: file header and records, in the byte order and timestamp precision asked for. */
export function pcapStream(
  options: { littleEndian: boolean; nanoseconds: boolean; linkType: number; snapLength?: number },
  packets: Array<{ seconds: number; fraction: number; data: Uint8Array; wireLength?: number }>,
): Uint8Array {
  const header = new DataView(new ArrayBuffer(24));
  header.setUint32(0, options.nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4, options.littleEndian);
  header.setUint16(4, 2, options.littleEndian);
  header.setUint16(6, 4, options.littleEndian);
  header.setUint32(16, options.snapLength ?? 65535, options.littleEndian);
  header.setUint32(20, options.linkType, options.littleEndian);
  const records = packets.map((packet) => {
    const record = new DataView(new ArrayBuffer(16));
    record.setUint32(0, packet.seconds, options.littleEndian);
    record.setUint32(4, packet.fraction, options.littleEndian);
    record.setUint32(8, packet.data.length, options.littleEndian);
    record.setUint32(12, packet.wireLength ?? packet.data.length, options.littleEndian);
    return bytes(new Uint8Array(record.buffer), packet.data);
  });
  return bytes(new Uint8Array(header.buffer), ...records);
}
