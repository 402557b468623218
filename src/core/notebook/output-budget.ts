/**
 * How much of a cell's output an editor keeps: the first part as it streams, then only the last part, so a
 * cell that prints gigabytes costs a bounded amount of memory. Bytes are decoded here, incrementally, so a
 * character split between two chunks stays whole. Pure: the editor layer shows what this decides.
 */
import { StringDecoder } from 'node:string_decoder';

export interface OutputBudget {
  /** Bytes shown as they arrive. */
  headBytes: number;
  /** Bytes kept from the end once the head is full, shown when the cell ends. */
  tailBytes: number;
}

export const DEFAULT_OUTPUT_BUDGET: OutputBudget = { headBytes: 1024 * 1024, tailBytes: 1024 * 1024 };

export class BoundedOutput {
  private readonly decoder = new StringDecoder('utf8');
  private shownBytes = 0;
  private tail: Buffer[] = [];
  private tailSize = 0;
  private omittedBytes = 0;
  private totalBytes = 0;

  constructor(private readonly budget: OutputBudget = DEFAULT_OUTPUT_BUDGET) {}

  /** Takes a chunk; returns the text to show now (empty once the head is full). */
  push(chunk: Buffer): string {
    this.totalBytes += chunk.length;
    const room = Math.max(0, this.budget.headBytes - this.shownBytes);
    const shown = chunk.subarray(0, room);
    this.shownBytes += shown.length;
    if (shown.length < chunk.length) this.keepTail(chunk.subarray(shown.length));
    return shown.length > 0 ? this.decoder.write(shown) : '';
  }

  /** True once output went past the head. */
  get truncated(): boolean {
    return this.tailSize + this.omittedBytes > 0;
  }

  get total(): number {
    return this.totalBytes;
  }

  /**
   * At the end: the note on what was left out and the tail's text, or only the decoder's last bytes when
   * nothing was left out.
   */
  finish(): { omittedBytes: number; tail: string } {
    if (!this.truncated) return { omittedBytes: 0, tail: this.decoder.end() };
    const head = this.decoder.end();
    const tailBytes = Buffer.concat(this.tail);
    // The tail may start inside a character: skip continuation bytes so it decodes cleanly.
    let start = 0;
    while (start < tailBytes.length && start < 3 && (tailBytes[start]! & 0xc0) === 0x80) start++;
    return { omittedBytes: this.omittedBytes + start, tail: head + tailBytes.subarray(start).toString('utf8') };
  }

  private keepTail(bytes: Buffer): void {
    this.tail.push(Buffer.from(bytes));
    this.tailSize += bytes.length;
    while (this.tail.length > 1 && this.tailSize - this.tail[0]!.length >= this.budget.tailBytes) {
      const dropped = this.tail.shift()!;
      this.tailSize -= dropped.length;
      this.omittedBytes += dropped.length;
    }
    if (this.tailSize > this.budget.tailBytes * 2) this.trimFirstChunk();
  }

  /** One huge chunk: cut its front so the tail stays near its budget. */
  private trimFirstChunk(): void {
    const excess = this.tailSize - this.budget.tailBytes;
    const first = this.tail[0]!;
    const cut = Math.min(excess, first.length);
    this.tail[0] = Buffer.from(first.subarray(cut));
    this.tailSize -= cut;
    this.omittedBytes += cut;
  }
}

/** "12.3 MB", "512 bytes". */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
