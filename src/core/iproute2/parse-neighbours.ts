/** Parses `ip -j neigh show` into NeighbourInfo. */
import type { NeighbourInfo } from '../model.js';
import { type Place, readArray, readObject, readOptionalString, readString, readStringList, withoutUndefined } from './parse-fields.js';

const CONTEXT = 'ip -j neigh show';

/**
 * Reads the output of `ip -j neigh show` (also `proxy`). FAILED and INCOMPLETE entries have no `mac`; proxy entries
 * have no states. `dev` is absent when the list was filtered by device.
 * @throws ParseError when the JSON does not have the shape `ip` prints.
 */
export function parseNeighbours(json: unknown): NeighbourInfo[] {
  return readArray(json, 'neighbours', CONTEXT).map(parseNeighbour);
}

function parseNeighbour(item: unknown, position: number): NeighbourInfo {
  const object = readObject(item, { where: `neighbour ${position}`, context: CONTEXT });
  const address = readString(object, 'dst', { where: `neighbour ${position}`, context: CONTEXT });
  const place: Place = { where: `neighbour ${position} (${address})`, context: CONTEXT };
  return withoutUndefined({
    address,
    device: readOptionalString(object, 'dev', place),
    mac: readOptionalString(object, 'lladdr', place),
    states: readStringList(object, 'state', place),
    // ip prints neighbour flags as keys set to null ("router": null), so the key's presence is the flag.
    router: object.router !== undefined && object.router !== false,
  });
}
