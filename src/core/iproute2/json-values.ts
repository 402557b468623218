/**
 * Splits text holding several JSON values one after another (what `ip -j -batch` prints: one value per command)
 * into those values. It does not rely on line breaks, so it keeps working if `ip` ever pretty-prints.
 */
import { ParseError } from './parse-error.js';

/** Parses every top-level JSON value in `text`, in order. */
export function parseJsonValues(text: string, context: string): unknown[] {
  const values: unknown[] = [];
  let index = skipBlanks(text, 0);
  while (index < text.length) {
    const end = endOfValue(text, index, context);
    try {
      values.push(parseLeniently(text.slice(index, end)));
    } catch (error) {
      throw new ParseError(`${context}: output ${values.length + 1} is not valid JSON (${(error as Error).message})`, context);
    }
    index = skipBlanks(text, end);
  }
  return values;
}

/**
 * ip writes names into its JSON as they are, so one namespace on the host whose name holds a newline or another
 * control character makes `ip -j netns list` invalid JSON in every namespace. Those are escaped and parsed again.
 */
function parseLeniently(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    const escaped = escapeControlsInStrings(json);
    if (escaped === json) throw error;
    return JSON.parse(escaped);
  }
}

/** Control characters inside strings as `\u00XX`; those outside (line breaks between tokens) are left alone. */
function escapeControlsInStrings(json: string): string {
  let inString = false;
  let result = '';
  for (let index = 0; index < json.length; index++) {
    const character = json[index]!;
    if (inString && character === '\\') {
      result += character + (json[++index] ?? '');
      continue;
    }
    if (character === '"') inString = !inString;
    result += inString && character < ' ' ? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}` : character;
  }
  return result;
}

function skipBlanks(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/u.test(text[index]!)) index++;
  return index;
}

/** Index just past the array or object starting at `start`. */
function endOfValue(text: string, start: number, context: string): number {
  const opening = text[start];
  if (opening !== '[' && opening !== '{') {
    throw new ParseError(`${context}: expected a JSON array or object at offset ${start}, found ${JSON.stringify(text.slice(start, start + 20))}`, context);
  }
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') {
      inString = true;
    } else if (character === '[' || character === '{') {
      depth++;
    } else if (character === ']' || character === '}') {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  throw new ParseError(`${context}: the JSON output ends in the middle of a value`, context);
}
