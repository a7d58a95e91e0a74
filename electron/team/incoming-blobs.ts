import { StoreError } from '../../shared/store-errors.ts';
import { MAX_CHUNK_BYTES, type BlobStore } from '../store/blob-store.ts';

/**
 * Evidence files arriving with an import (a package's blob sections, a member copy's content
 * store): each streams into an incomplete upload of the blob store, committed in slices; none is
 * visible until the import's one final transaction (`finishWith`), and all are discarded when the
 * import fails or is only previewed. A file this engagement already holds is not stored again.
 */
export class IncomingBlobs {
  private current: string | null = null;
  private expected = '';
  private readonly finished: string[] = [];
  private readonly started: string[] = [];
  /** Blobs of the package new to this engagement (stored or, in a preview, that would be). */
  newHere = 0;

  constructor(
    private readonly blobs: BlobStore,
    private readonly store: boolean,
  ) {}

  /** Whether to keep the bytes of this blob (false: already here, or only a preview). */
  start(sha256: string, mediaType: string): boolean {
    if (this.blobs.has(sha256)) return false;
    this.newHere += 1;
    if (!this.store) return false;
    this.current = this.blobs.begin(mediaType);
    this.expected = sha256;
    this.started.push(this.current);
    return true;
  }

  data(chunk: Buffer): void {
    if (!this.current) return;
    for (let offset = 0; offset < chunk.length; offset += MAX_CHUNK_BYTES) {
      this.blobs.append(this.current, chunk.subarray(offset, offset + MAX_CHUNK_BYTES));
    }
  }

  /** The bytes must be what their name says (a package's reader checked them already; a copy's store is checked here). */
  end(): void {
    if (this.current && this.blobs.digest(this.current) !== this.expected) {
      throw new StoreError('MERGE_DAMAGED', 'A file’s bytes do not match their fingerprint', { reason: 'blob-hash', sha256: this.expected });
    }
    if (this.current) this.finished.push(this.current);
    this.current = null;
  }

  /** Makes every received blob visible in the same transaction as `merge`. */
  finishWith<T>(merge: () => T): T {
    return this.blobs.finish(this.finished, merge);
  }

  /** Discards whatever was received (the import failed, was cancelled, or was a preview). */
  async discard(): Promise<void> {
    for (const id of this.started) await this.blobs.abort(id).catch(() => undefined);
  }
}
