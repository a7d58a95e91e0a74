import { createHash } from 'node:crypto';
import { utf8Bytes } from '../../shared/sampling/seeded-permutation.ts';

const SURROGATE = /[\uD800-\uDFFF]/;
const EMPTY = 0;

/**
 * A population's record ids as their UTF-8 bytes, one after another, with an offset per row: what the
 * canonical orders sort and aw-perm-1 hashes. A million ids of ten characters take ~15 MB here; as
 * JavaScript strings in an array and a Set they took ~100 MB of the import's heap, most of the gap to
 * its 300 MB goal (issue 20). Comparing bytes is UTF-8 order by definition (and faster than comparing
 * strings), and the bytes are what the hash reads. An id that is not valid Unicode (a lone surrogate,
 * which UTF-8 cannot hold) is refused as aw-perm-1 refuses it (NOT_UNICODE).
 */
export class RecordIds {
  private bytes = Buffer.allocUnsafe(1 << 16);
  /** offsets[r] is where row r's id starts; offsets[count] where the last one ends. */
  private offsets = new Uint32Array(1024);
  /** Open addressing for `addUnique`: row number + 1 per slot, EMPTY for none; at most half full. */
  private table: Int32Array | null = null;
  private rows = 0;

  /** Ids in row order as they are (no check for duplicates): the stored records of a population. */
  static of(ids: Iterable<string>): RecordIds {
    const store = new RecordIds();
    for (const id of ids) store.append(id);
    return store;
  }

  get count(): number {
    return this.rows;
  }

  /** Adds the next row's id; its row number. */
  append(id: string): number {
    const length = this.write(id);
    return this.commit(length);
  }

  /** Adds the next row's id unless a row already holds the same id: its row number, or -1. */
  addUnique(id: string): number {
    const length = this.write(id);
    const table = this.ensureTable();
    const start = this.offsets[this.rows]!;
    const mask = table.length - 1;
    for (let slot = this.hashOf(start, length) & mask; ; slot = (slot + 1) & mask) {
      const held = table[slot]!;
      if (held === EMPTY) {
        table[slot] = this.rows + 1;
        return this.commit(length);
      }
      if (this.sameBytes(held - 1, start, length)) return -1;
    }
  }

  idAt(rowNo: number): string {
    return this.bytes.toString('utf8', this.offsets[rowNo]!, this.offsets[rowNo + 1]!);
  }

  /** UTF-8 byte order of two rows' ids (negative, zero, positive). */
  compare(a: number, b: number): number {
    const bytes = this.bytes;
    let i = this.offsets[a]!;
    let j = this.offsets[b]!;
    const endA = this.offsets[a + 1]!;
    const endB = this.offsets[b + 1]!;
    for (; i < endA && j < endB; i++, j++) {
      const difference = bytes[i]! - bytes[j]!;
      if (difference !== 0) return difference;
    }
    return endA - i - (endB - j);
  }

  /**
   * aw-perm-1's population hash of the ids of `rowNos`, in that order: SHA-256 of u32be(count), then
   * each id as u32be(UTF-8 length) and its bytes (the caller gives ids sorted, unique and non-empty).
   */
  hash(rowNos: Uint32Array): string {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1 << 16);
    chunk.writeUInt32BE(rowNos.length, 0);
    let at = 4;
    for (let i = 0; i < rowNos.length; i++) {
      const rowNo = rowNos[i]!;
      const start = this.offsets[rowNo]!;
      const length = this.offsets[rowNo + 1]! - start;
      if (at + 4 + length > chunk.length) {
        hash.update(chunk.subarray(0, at));
        at = 0;
        if (4 + length > chunk.length) {
          chunk.writeUInt32BE(length, 0);
          hash.update(chunk.subarray(0, 4));
          hash.update(this.bytes.subarray(start, start + length));
          continue;
        }
      }
      chunk.writeUInt32BE(length, at);
      this.bytes.copy(chunk, at + 4, start, start + length);
      at += 4 + length;
    }
    hash.update(chunk.subarray(0, at));
    return hash.digest('hex');
  }

  /** Writes an id's bytes after the last row's (not yet a row): their length. */
  private write(id: string): number {
    // Buffer.write would turn a lone surrogate into U+FFFD: refused instead, as aw-perm-1 does.
    if (SURROGATE.test(id)) utf8Bytes(id, 'id');
    const start = this.offsets[this.rows]!;
    const room = start + id.length * 3;
    if (room > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, room));
      this.bytes.copy(grown, 0, 0, start);
      this.bytes = grown;
    }
    return this.bytes.write(id, start, 'utf8');
  }

  private commit(length: number): number {
    const rowNo = this.rows;
    if (rowNo + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[rowNo + 1] = this.offsets[rowNo]! + length;
    this.rows = rowNo + 1;
    return rowNo;
  }

  private ensureTable(): Int32Array {
    if (this.table && (this.rows + 1) * 2 <= this.table.length) return this.table;
    const table = new Int32Array(Math.max(1024, (this.table?.length ?? 512) * 2));
    const mask = table.length - 1;
    for (let row = 0; row < this.rows; row++) {
      const start = this.offsets[row]!;
      let slot = this.hashOf(start, this.offsets[row + 1]! - start) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = row + 1;
    }
    this.table = table;
    return table;
  }

  /** FNV-1a over bytes: spreads ids that differ in their last characters (INC0000001, INC0000002). */
  private hashOf(start: number, length: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < start + length; i++) h = Math.imul(h ^ this.bytes[i]!, 0x01000193);
    return h >>> 0;
  }

  private sameBytes(row: number, start: number, length: number): boolean {
    const other = this.offsets[row]!;
    if (this.offsets[row + 1]! - other !== length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[other + i] !== this.bytes[start + i]) return false;
    return true;
  }
}
