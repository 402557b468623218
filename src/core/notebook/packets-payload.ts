/** What a cell's capture gives its output: plain data, so the notebook renderer can import its types. */

/** The mime type of a cell's packets, drawn by the notebook renderer as a table. */
export const PACKETS_MIME = 'application/vnd.netns-lab.packets+json';

export interface CellPacket {
  number: number;
  /** Seconds since the first packet. */
  time: number;
  interface: string;
  source: string;
  destination: string;
  protocol: string;
  length: number;
  summary: string;
}

export interface CellPacketsPayload {
  interfaces: string[];
  packets: CellPacket[];
  /** How many packets came in all (more than `packets.length` when the limit was reached). */
  total: number;
}
