/**
 * What processes left in the background by notebook cells print after their cell has ended. Mixed into the next
 * cells' output it would be misread as theirs, so it is kept (the last part of it, per cell) and shown after the
 * notebook under its cell's number.
 */

/** How much of each cell's late output is kept: the most recent bytes. */
const KEPT_BYTES = 16 * 1024;

export class LateOutput {
  private readonly byCell = new Map<number, { chunks: Buffer[]; size: number; dropped: number }>();

  add(cellNumber: number, bytes: Buffer): void {
    const kept = this.byCell.get(cellNumber) ?? { chunks: [], size: 0, dropped: 0 };
    this.byCell.set(cellNumber, kept);
    kept.chunks.push(bytes);
    kept.size += bytes.length;
    while (kept.size - (kept.chunks[0]?.length ?? 0) >= KEPT_BYTES) {
      const first = kept.chunks.shift()!;
      kept.size -= first.length;
      kept.dropped += first.length;
    }
  }

  /** Writes each cell's late output under a heading, then forgets it. */
  print(out: (text: string) => void): void {
    for (const [cellNumber, kept] of [...this.byCell].sort(([a], [b]) => a - b)) {
      const skipped = kept.dropped > 0 ? ` (its last ${kept.size} bytes; ${kept.dropped} bytes before them are left out)` : '';
      const text = Buffer.concat(kept.chunks).toString('utf8');
      out(`── printed in the background by cell ${cellNumber} after it ended${skipped}:\n${text}${text.endsWith('\n') ? '' : '\n'}`);
    }
    this.byCell.clear();
  }
}
