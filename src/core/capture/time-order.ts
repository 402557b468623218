/**
 * Merging packets from several interfaces into one list in time order, as they arrive. Each interface's tcpdump
 * delivers its own packets in order, but the streams arrive independently: a packet is let out once every other
 * stream still running has shown a later one (nothing earlier can come from it any more), or once it has waited
 * `holdMs`, so a quiet interface delays the list by at most that much.
 */

export interface Timed {
  seconds: number;
  nanoseconds: number;
}

interface Held<T> {
  item: T;
  key: number;
  arrived: number;
}

export class TimeOrderMerger<T extends Timed> {
  private readonly held: Array<Held<T>> = [];
  /** Per stream: the time of its latest packet, or Infinity once it has ended. */
  private readonly latest: number[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    streamCount: number,
    private readonly holdMs: number,
    private readonly emit: (item: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.latest = new Array<number>(streamCount).fill(-Infinity);
  }

  add(stream: number, item: T): void {
    const key = timeKey(item);
    this.latest[stream] = Math.max(this.latest[stream]!, key);
    if (this.latest.length === 1) return this.emit(item);
    let index = this.held.length;
    // Usually the newest: insert from the end, keeping arrival order among equal times.
    while (index > 0 && this.held[index - 1]!.key > key) index--;
    this.held.splice(index, 0, { item, key, arrived: this.now() });
    this.release();
  }

  /** The stream has ended: nothing more will come from it. */
  end(stream: number): void {
    this.latest[stream] = Infinity;
    this.release();
  }

  /** Lets out everything held, in order (the capture is over). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const { item } of this.held.splice(0)) this.emit(item);
  }

  private release(): void {
    const safeUntil = Math.min(...this.latest);
    const waitedSince = this.now() - this.holdMs;
    while (this.held.length > 0 && (this.held[0]!.key <= safeUntil || this.held[0]!.arrived <= waitedSince)) this.emit(this.held.shift()!.item);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.held.length === 0) return;
    const wait = Math.max(0, this.held[0]!.arrived + this.holdMs - this.now());
    this.timer = setTimeout(() => this.release(), wait + 1);
    this.timer.unref?.();
  }
}

/** Microseconds since the epoch: exact in a double for centuries, and finer than two interfaces' packets differ. */
export function timeKey(item: Timed): number {
  return item.seconds * 1e6 + item.nanoseconds / 1000;
}
