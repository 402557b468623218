/**
 * Splits one output stream of a long-lived shell into the command's own text and our frame markers.
 * A marker is `NONCE KIND [VALUE]` and a newline, and may follow the command's text on the same line (output
 * without a final newline): the nonce is random, so it is found wherever it stands, and the text before it is the
 * command's, byte for byte. Only a tail that could be the start of the nonce is held back, so every line of
 * output is passed on as soon as it arrives.
 */

export interface Marker {
  kind: string;
  value: string;
}

export class FrameReader {
  private buffer = '';

  constructor(
    private readonly nonce: string,
    private readonly onText: (text: string) => void,
    private readonly onMarker: (marker: Marker) => void,
  ) {}

  /** Feeds decoded text; emits text and markers in order, holding back what could be the start of a marker. */
  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const start = this.buffer.indexOf(this.nonce);
      if (start < 0) break;
      const lineEnd = this.buffer.indexOf('\n', start);
      if (lineEnd < 0) break;
      const marker = parseMarker(this.buffer.slice(start + this.nonce.length, lineEnd));
      this.emitText(this.buffer.slice(0, start));
      this.buffer = this.buffer.slice(lineEnd + 1);
      this.onMarker(marker);
    }
    this.flushSafePart();
  }

  private flushSafePart(): void {
    const pending = this.buffer.indexOf(this.nonce);
    const keepFrom = pending >= 0 ? pending : this.buffer.length - this.possibleMarkerStart();
    this.emitText(this.buffer.slice(0, keepFrom));
    this.buffer = this.buffer.slice(keepFrom);
  }

  /** Length of the longest tail of the buffer that could be the beginning of the nonce. */
  private possibleMarkerStart(): number {
    const longest = Math.min(this.buffer.length, this.nonce.length - 1);
    for (let length = longest; length > 0; length--) {
      if (this.nonce.startsWith(this.buffer.slice(this.buffer.length - length))) return length;
    }
    return 0;
  }

  private emitText(text: string): void {
    if (text.length > 0) this.onText(text);
  }
}

function parseMarker(rest: string): Marker {
  const words = rest.trim().split(' ');
  return { kind: words[0] ?? '', value: words.slice(1).join(' ') };
}
