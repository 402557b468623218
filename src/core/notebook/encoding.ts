/**
 * The bytes of a `*.netns.md` file and its text. The editor's serializer and the command line both go through
 * these two functions, so a file cannot mean one thing in the editor and another on the command line: the text is
 * the file's UTF-8 exactly, a byte order mark included (the parser sets it aside and the writer puts it back).
 */
import { NotebookFormatError } from './options.js';

// fatal: a byte that is not UTF-8 would become U+FFFD and be written back as such, silently changing the file.
// ignoreBOM: keep the mark in the text, so that saving the notebook gives the same bytes back.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * The text of a notebook file. Bytes that are not UTF-8 are refused with a NotebookFormatError naming the line,
 * column and byte offset of the first bad byte (and `fileName`, when given).
 */
export function decodeNotebookBytes(bytes: Uint8Array, fileName?: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw notUtf8Error(bytes, fileName);
  }
}

/** The bytes of a notebook's text (from `serializeNotebook`), as UTF-8. */
export function encodeNotebookText(text: string): Uint8Array {
  return encoder.encode(text);
}

function notUtf8Error(bytes: Uint8Array, fileName: string | undefined): NotebookFormatError {
  // Editors on Windows may save "Unicode" text as UTF-16; say so rather than point at its second byte.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'FF FE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'FE FF' : undefined;
  if (utf16) {
    return new NotebookFormatError(`the file is UTF-16 (it starts with the bytes ${utf16}), not UTF-8; save it as UTF-8`, { fileName, line: 1, column: 1 });
  }
  const offset = firstMalformedByte(bytes);
  const hex = (bytes[offset] ?? 0).toString(16).padStart(2, '0');
  const reason = `the file is not valid UTF-8: byte 0x${hex} at offset ${offset} cannot be read; save the file as UTF-8`;
  return new NotebookFormatError(reason, { fileName, ...positionOf(bytes.subarray(0, offset)) });
}

/** Line and column (1-based, columns in UTF-16 units as elsewhere) just after well-formed bytes, as the parser counts them. */
function positionOf(before: Uint8Array): { line: number; column: number } {
  const text = decoder.decode(before).replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/**
 * Well-formed UTF-8 sequences by lead byte (the Unicode Standard's table 3-7): the sequence length and the range of
 * the second byte, which rules out overlong forms, surrogates and code points above U+10FFFF. Later bytes are
 * 0x80-0xBF.
 */
const SEQUENCES: ReadonlyArray<{ leads: [number, number]; length: number; second: [number, number] }> = [
  { leads: [0xc2, 0xdf], length: 2, second: [0x80, 0xbf] },
  { leads: [0xe0, 0xe0], length: 3, second: [0xa0, 0xbf] },
  { leads: [0xe1, 0xec], length: 3, second: [0x80, 0xbf] },
  { leads: [0xed, 0xed], length: 3, second: [0x80, 0x9f] },
  { leads: [0xee, 0xef], length: 3, second: [0x80, 0xbf] },
  { leads: [0xf0, 0xf0], length: 4, second: [0x90, 0xbf] },
  { leads: [0xf1, 0xf3], length: 4, second: [0x80, 0xbf] },
  { leads: [0xf4, 0xf4], length: 4, second: [0x80, 0x8f] },
];

/** The offset of the first byte that does not start a well-formed sequence (the decoder only says that one exists). */
function firstMalformedByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return -1;
}

/** The length of the well-formed sequence at `index`, or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  if (lead < 0x80) return 1;
  const sequence = SEQUENCES.find(({ leads }) => lead >= leads[0] && lead <= leads[1]);
  if (!sequence) return 0;
  const second = bytes[index + 1];
  if (second === undefined || second < sequence.second[0] || second > sequence.second[1]) return 0;
  for (let next = index + 2; next < index + sequence.length; next++) {
    const byte = bytes[next];
    if (byte === undefined || (byte & 0xc0) !== 0x80) return 0;
  }
  return sequence.length;
}
