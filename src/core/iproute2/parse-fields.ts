/**
 * Narrowing helpers shared by the iproute2 parsers: each reads one key of a JSON object and either returns a typed
 * value or throws a ParseError that says where the value was and what was wrong with it.
 */
import { ParseError } from './parse-error.js';

export type JsonObject = Record<string, unknown>;

/** Where a value sits, for error messages: `where` reads like "link 3 (va0)", `context` like "ip -j link show". */
export interface Place {
  where: string;
  context: string;
}

/** Throws a ParseError whose message starts with the place. */
export function fail(place: Place, problem: string): never {
  throw new ParseError(`${place.where}: ${problem}`, place.context);
}

/** Describes a JSON value's type for error messages ("null", "an array", "a string", …). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** The top-level array of an `ip -j` output; `itemName` is the plural used in the message ("links"). */
export function readArray(json: unknown, itemName: string, context: string): unknown[] {
  if (!Array.isArray(json)) {
    throw new ParseError(`expected an array of ${itemName}, got ${describeType(json)}`, context);
  }
  return json;
}

/** An array element that must be a JSON object. */
export function readObject(value: unknown, place: Place): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(place, `expected an object, got ${describeType(value)}`);
  }
  return value as JsonObject;
}

/** A key that must be present and a string. */
export function readString(object: JsonObject, key: string, place: Place): string {
  const value = object[key];
  if (value === undefined) fail(place, `${key} is missing`);
  if (typeof value !== 'string') fail(place, `${key} is not a string (got ${describeType(value)})`);
  return value;
}

/** A key that must be present and a finite number. */
export function readNumber(object: JsonObject, key: string, place: Place): number {
  const value = object[key];
  if (value === undefined) fail(place, `${key} is missing`);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(place, `${key} is not a number (got ${describeType(value)})`);
  }
  return value;
}

// ip prints `null` for some absent things (a tunnel's "link": null), so null reads as absent in the optional readers.

/** A key that may be absent or null, and is a string otherwise. */
export function readOptionalString(object: JsonObject, key: string, place: Place): string | undefined {
  const value = object[key];
  return value === undefined || value === null ? undefined : readString(object, key, place);
}

/** A key that may be absent or null, and is a number otherwise. */
export function readOptionalNumber(object: JsonObject, key: string, place: Place): number | undefined {
  const value = object[key];
  return value === undefined || value === null ? undefined : readNumber(object, key, place);
}

/** A key that may be absent or null, and is an object otherwise. */
export function readOptionalObject(object: JsonObject, key: string, place: Place): JsonObject | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return readObject(value, { where: `${place.where} ${key}`, context: place.context });
}

/** A key that may be absent (read as empty) and is an array otherwise. */
export function readOptionalArray(object: JsonObject, key: string, place: Place): unknown[] {
  const value = object[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(place, `${key} is not an array (got ${describeType(value)})`);
  return value;
}

/** A key that may be absent (read as empty) and is an array of strings otherwise. */
export function readStringList(object: JsonObject, key: string, place: Place): string[] {
  const list = readOptionalArray(object, key, place);
  list.forEach((item, position) => {
    if (typeof item !== 'string') fail(place, `${key}[${position}] is not a string (got ${describeType(item)})`);
  });
  return list as string[];
}

/** Drops keys whose value is undefined, so results compare cleanly and print without `undefined` noise. */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
