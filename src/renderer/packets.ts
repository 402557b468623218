/**
 * A notebook cell's captured packets (PACKETS_MIME) as a compact table: time since the first packet, where it
 * was seen, source, destination, protocol and tcpdump's summary. Pure, so it is tested under Node.
 */
import type { CellPacketsPayload } from '../core/notebook/packets-payload.js';
import type { TableDescription } from './tables.js';

/** The mime type of a cell's packets (the core's PACKETS_MIME: the renderer may import only types from the core). */
export const PACKETS_MIME = 'application/vnd.netns-lab.packets+json';

/** The packet table of a cell's capture. */
export function describePackets(payload: CellPacketsPayload): TableDescription {
  const rows = payload.packets.map((packet) => [
    { text: packet.time.toFixed(6), className: 'number' },
    { text: packet.interface },
    { text: packet.source },
    { text: packet.destination },
    { text: packet.protocol, className: `protocol-${packet.protocol.toLowerCase().replace(/[^a-z0-9]/gu, '')}` },
    { text: packet.summary, className: 'summary' },
  ]);
  const kept = payload.total > payload.packets.length ? ` (the first ${payload.packets.length} shown)` : '';
  const caption = `${payload.total} ${payload.total === 1 ? 'packet' : 'packets'} on ${payload.interfaces.join(', ')}${kept}`;
  return { columns: ['Time', 'Interface', 'Source', 'Destination', 'Protocol', 'Summary'], rows, caption };
}
