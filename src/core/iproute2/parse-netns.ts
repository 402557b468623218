/** Parses `ip -j netns list` into NetnsListEntry. */
import type { NetnsListEntry } from '../model.js';
import { readArray, readObject, readOptionalNumber, readString, withoutUndefined } from './parse-fields.js';

const CONTEXT = 'ip -j netns list';

/**
 * Reads the output of `ip -j netns list`. An entry has an `id` only when the namespace has an nsid in the namespace
 * the list was read in. ip prints nothing at all when /run/netns does not exist, so `undefined` reads as no namespaces.
 * @throws ParseError when the JSON does not have the shape `ip` prints.
 */
export function parseNetnsList(json: unknown): NetnsListEntry[] {
  if (json === undefined) return [];
  return readArray(json, 'namespaces', CONTEXT).map((item, position) => {
    const object = readObject(item, { where: `namespace ${position}`, context: CONTEXT });
    const name = readString(object, 'name', { where: `namespace ${position}`, context: CONTEXT });
    const place = { where: `namespace ${position} (${name})`, context: CONTEXT };
    return withoutUndefined({ name, id: readOptionalNumber(object, 'id', place) });
  });
}
