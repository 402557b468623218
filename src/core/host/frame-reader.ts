/**
 * Splits one output stream of a long-lived shell into the command's own text and our frame markers.
 * A marker is `NONCE KIND [VALUE]` on a line of its own; markers that end a command are printed after a newline
 * of ours (so that output without a final newline still ends cleanly), and that newline is removed again here,
 * which keeps the command's output byte for byte.
 */

export interface Marker {
  kind: string;
  value: string;
}

/** Markers printed after a newline of our own, which is not part of the command's output. */
const MARKERS_AFTER_NEWLINE = new Set(['exit', 'end']);

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
      const textEnd = MARKERS_AFTER_NEWLINE.has(marker.kind) && this.buffer[start - 1] === '\n' ? start - 1 : start;
      this.emitText(this.buffer.slice(0, textEnd));
      this.buffer = this.buffer.slice(lineEnd + 1);
      this.onMarker(marker);
    }
    this.flushSafePart();
  }

  private flushSafePart(): void {
    const pending = this.buffer.indexOf(this.nonce);
    const keepFrom = pending >= 0 ? Math.max(0, pending - 1) : this.buffer.length - this.possibleMarkerStart();
    this.emitText(this.buffer.slice(0, keepFrom));
    this.buffer = this.buffer.slice(keepFrom);
  }

  /** Length of the longest tail of the buffer that could begin a marker (with or without our newline). */
  private possibleMarkerStart(): number {
    const patterns = ['\n' + this.nonce, this.nonce];
    const longest = Math.min(this.buffer.length, patterns[0]!.length);
    for (let length = longest; length > 0; length--) {
      const tail = this.buffer.slice(this.buffer.length - length);
      if (patterns.some((pattern) => pattern.startsWith(tail))) return length;
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
