/**
 * Bytes arriving in chunks of any size, taken out in pieces of known length without copying: the
 * pieces are views of the chunks that came in. Used to cut a file into sealed segments.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private offset = 0; // into chunks[0]
  private bytes = 0;

  get length(): number {
    return this.bytes;
  }

  push(chunk: Buffer): void {
    if (!chunk.length) return;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  /** The next `count` bytes as views (one or more); the caller has checked `length`. */
  take(count: number): Buffer[] {
    if (count > this.bytes) throw new RangeError(`take(${count}) with ${this.bytes} queued`);
    const pieces: Buffer[] = [];
    let wanted = count;
    while (wanted > 0) {
      const head = this.chunks[0]!;
      const available = head.length - this.offset;
      if (available <= wanted) {
        pieces.push(this.offset ? head.subarray(this.offset) : head);
        this.chunks.shift();
        this.offset = 0;
        wanted -= available;
      } else {
        pieces.push(head.subarray(this.offset, this.offset + wanted));
        this.offset += wanted;
        wanted = 0;
      }
    }
    this.bytes -= count;
    return pieces;
  }

  /** The next `count` bytes in one buffer (copied only when they span chunks). */
  takeJoined(count: number): Buffer {
    const pieces = this.take(count);
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, count);
  }
}
