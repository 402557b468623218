/** The most recent packets of a capture, at most `capacity` of them, oldest first: memory stays bounded. */
export class PacketRing<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(readonly capacity: number) {}

  add(item: T): void {
    if (this.capacity <= 0) return;
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The kept items, oldest first. */
  toArray(): T[] {
    if (this.items.length < this.capacity) return [...this.items];
    return [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }

  /** The item at `index` counted from the oldest kept one. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.items.length) return undefined;
    return this.items.length < this.capacity ? this.items[index] : this.items[(this.next + index) % this.capacity];
  }

  /**
   * The kept item whose key is `key`, for items added in increasing key order (packets by number): a binary search,
   * so looking one up does not copy the ring.
   */
  findByKey(key: number, keyOf: (item: T) => number): T | undefined {
    let [low, high] = [0, this.items.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = keyOf(this.at(middle)!);
      if (found === key) return this.at(middle);
      if (found < key) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  get size(): number {
    return this.items.length;
  }
}
