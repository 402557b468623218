/**
 * Copies of packets' bytes, cut from shared slabs rather than one small buffer each: a capture keeps up to 100,000
 * packets, and an ArrayBuffer of its own per packet costs more than the packet's bytes (reading 200,000 packets
 * with a ring of 100,000 left the heap about 30 MB larger that way). Packets leave a ring oldest first, so a slab
 * is freed once the last packet cut from it has left: memory stays bounded by what is kept, plus one slab.
 */
const SLAB_BYTES = 256 * 1024;

export class ByteSlab {
  private slab = new Uint8Array(0);
  private used = 0;

  /** A copy of `bytes` of its own (it does not change when `bytes` does). */
  copy(bytes: Uint8Array): Uint8Array {
    // A packet over a quarter of a slab gets a buffer of its own, so a slab is never mostly waste.
    if (bytes.length > SLAB_BYTES / 4) return bytes.slice();
    if (this.used + bytes.length > this.slab.length) {
      this.slab = new Uint8Array(SLAB_BYTES);
      this.used = 0;
    }
    const copy = this.slab.subarray(this.used, this.used + bytes.length);
    copy.set(bytes);
    this.used += bytes.length;
    return copy;
  }
}
