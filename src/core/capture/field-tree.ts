/**
 * The field tree of one dissected packet: a layer per protocol header, each with its fields, every field with
 * the bytes it came from (offset and length), so a view can highlight them in the hex dump.
 */

export interface PacketField {
  name: string;
  value: string;
  offset: number;
  length: number;
}

export interface PacketLayer {
  /** The protocol's name: `Ethernet`, `IPv4`, `TCP`. */
  name: string;
  offset: number;
  length: number;
  fields: PacketField[];
  /** Set when the header was cut short: what was needed and what was there. */
  truncated?: string;
}

export class FieldTree {
  readonly layers: PacketLayer[] = [];

  /** Opens the next protocol's layer; fields added after go into it. */
  layer(name: string, offset: number, length: number): void {
    this.layers.push({ name, offset, length, fields: [] });
  }

  field(name: string, offset: number, length: number, value: string | number): void {
    const layer = this.layers.at(-1);
    if (layer) layer.fields.push({ name, value: String(value), offset, length });
  }

  truncated(protocol: string, offset: number, needed: number, available: number): void {
    const text = `truncated: ${protocol} needs ${needed} bytes, ${Math.max(0, available)} captured`;
    const layer = [...this.layers].reverse().find((candidate) => candidate.offset === offset);
    if (layer) layer.truncated = text;
    else this.layers.push({ name: protocol, offset, length: Math.max(0, available), fields: [], truncated: text });
  }
}
