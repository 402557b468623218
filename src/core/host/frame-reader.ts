/**
 * Splits one output stream of a shell we started into the command's own bytes and our frame markers.
 * A marker is `NONCE KIND [VALUE]` and a newline, and may follow the command's bytes on the same line (output
 * without a final newline): the nonce is random, so it is found wherever it stands, and the bytes before it are
 * the command's, unchanged (NUL bytes and invalid UTF-8 included). Only a tail that could be the start of the
 * nonce is held back, so output is passed on as soon as it arrives.
 */

export interface Marker {
  kind: string;
  value: string;
}

const NEWLINE = 0x0a;

export class FrameReader {
  private readonly nonce: Buffer;
  /** Bytes held back: a possible start of the nonce, or a marker whose line has not ended yet. */
  private held: Buffer = Buffer.alloc(0);

  constructor(
    nonce: string,
    private readonly onData: (bytes: Buffer) => void,
    private readonly onMarker: (marker: Marker) => void,
  ) {
    this.nonce = Buffer.from(nonce, 'latin1');
  }

  /** Feeds bytes; emits the command's bytes and markers in order, holding back what could start a marker. */
  push(chunk: Buffer): void {
    let buffer = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    for (;;) {
      const start = buffer.indexOf(this.nonce);
      if (start < 0) break;
      const lineEnd = buffer.indexOf(NEWLINE, start + this.nonce.length);
      if (lineEnd < 0) break;
      this.emit(buffer.subarray(0, start));
      const marker = parseMarker(buffer.toString('latin1', start + this.nonce.length, lineEnd));
      buffer = buffer.subarray(lineEnd + 1);
      this.onMarker(marker);
    }
    const pending = buffer.indexOf(this.nonce);
    const keepFrom = pending >= 0 ? pending : buffer.length - this.possibleNonceStart(buffer);
    this.emit(buffer.subarray(0, keepFrom));
    // A copy, so a held tail does not keep a whole large chunk alive.
    this.held = Buffer.from(buffer.subarray(keepFrom));
  }

  /** Bytes held back at the end of the stream were the command's after all. */
  flush(): void {
    const rest = this.held;
    this.held = Buffer.alloc(0);
    this.emit(rest);
  }

  /** Length of the longest tail of `buffer` that could be the beginning of the nonce. */
  private possibleNonceStart(buffer: Buffer): number {
    const longest = Math.min(buffer.length, this.nonce.length - 1);
    for (let length = longest; length > 0; length--) {
      if (buffer.subarray(buffer.length - length).equals(this.nonce.subarray(0, length))) return length;
    }
    return 0;
  }

  private emit(bytes: Buffer): void {
    if (bytes.length > 0) this.onData(bytes);
  }
}

function parseMarker(rest: string): Marker {
  const words = rest.trim().split(' ');
  return { kind: words[0] ?? '', value: words.slice(1).join(' ') };
}
