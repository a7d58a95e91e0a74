import { cleanFileName, EVIDENCE_LIMITS, formatLabel, REFUSED_IMAGE_FORMATS, sniffFormat, type FileFormat } from '../../shared/evidence/file-format.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { BlobStore } from '../store/blob-store.ts';

/** What the evidence capability knows of an upload besides its bytes (those are the blob store's). */
export interface PendingUpload {
  readonly fileName: string;
  readonly nameChanged: boolean;
  readonly declaredSize: number;
  readonly browserType: string;
  format: FileFormat | null;
  mediaType: string;
}

/**
 * Uploads in flight: the checks that can be made before any byte (empty, too large), at the first
 * chunk (a format whose metadata cannot be handled is refused before the rest is sent) and at each
 * chunk (more bytes than declared, in order). A refused upload is aborted: nothing stays behind.
 */
export class Uploads {
  private readonly pending = new Map<string, PendingUpload>();
  /** The next chunk each upload expects. */
  private readonly seqs = new Map<string, number>();

  constructor(private readonly blobs: () => BlobStore) {}

  begin(fileName: string, byteSize: number, browserType: string): { uploadId: string; fileName: string; nameChanged: boolean } {
    const cleaned = cleanFileName(fileName);
    if (byteSize === 0) throw new StoreError('EVIDENCE_FILE_EMPTY', 'The file is empty', { fileName: cleaned.name });
    if (byteSize > EVIDENCE_LIMITS.maxFileBytes) {
      throw new StoreError('EVIDENCE_FILE_TOO_LARGE', 'The file is over the limit', {
        fileName: cleaned.name,
        size: byteSize,
        limit: EVIDENCE_LIMITS.maxFileBytes,
      });
    }
    const uploadId = this.blobs().begin(browserType);
    this.pending.set(uploadId, { fileName: cleaned.name, nameChanged: cleaned.changed, declaredSize: byteSize, browserType, format: null, mediaType: browserType });
    return { uploadId, fileName: cleaned.name, nameChanged: cleaned.changed };
  }

  async chunk(uploadId: string, seq: number, bytes: Buffer): Promise<number> {
    const upload = this.get(uploadId);
    const blobs = this.blobs();
    const before = blobs.progress(uploadId).bytes;
    if (seq !== this.expectedSeq(uploadId)) {
      await this.abort(uploadId);
      throw new StoreError('EVIDENCE_UPLOAD_INCOMPLETE', 'A piece of the file is missing', { fileName: upload.fileName, received: before, declared: upload.declaredSize });
    }
    if (before + bytes.length > upload.declaredSize) {
      await this.abort(uploadId);
      throw new StoreError('EVIDENCE_UPLOAD_INCOMPLETE', 'The file grew while it was attached', { fileName: upload.fileName, received: before + bytes.length, declared: upload.declaredSize });
    }
    const received = blobs.append(uploadId, bytes);
    this.seqs.set(uploadId, seq + 1);
    if (upload.format === null && (received >= 64 || received === upload.declaredSize)) {
      const sniffed = sniffFormat(blobs.progress(uploadId).head, upload.fileName);
      upload.format = sniffed.format;
      upload.mediaType = sniffed.mediaType;
      if ((REFUSED_IMAGE_FORMATS as readonly string[]).includes(sniffed.format)) {
        await this.abort(uploadId);
        throw new StoreError('EVIDENCE_FORMAT_REFUSED', 'This image format cannot be attached', { fileName: upload.fileName, format: formatLabel(sniffed.format) });
      }
    }
    return received;
  }

  /** The upload, checked complete (every declared byte arrived); the caller finishes or aborts it. */
  async complete(uploadId: string): Promise<PendingUpload & { format: FileFormat }> {
    const upload = this.get(uploadId);
    const received = this.blobs().progress(uploadId).bytes;
    if (received !== upload.declaredSize || upload.format === null) {
      await this.abort(uploadId);
      throw new StoreError('EVIDENCE_UPLOAD_INCOMPLETE', 'The file ended early', { fileName: upload.fileName, received, declared: upload.declaredSize });
    }
    return upload as PendingUpload & { format: FileFormat };
  }

  done(uploadId: string): void {
    this.pending.delete(uploadId);
    this.seqs.delete(uploadId);
  }

  async abort(uploadId: string): Promise<void> {
    this.done(uploadId);
    await this.blobs().abort(uploadId);
  }

  private expectedSeq(uploadId: string): number {
    return this.seqs.get(uploadId) ?? 0;
  }

  private get(uploadId: string): PendingUpload {
    const upload = this.pending.get(uploadId);
    if (!upload) throw new StoreError('EVIDENCE_UPLOAD_GONE', 'This upload was cancelled or the engagement was reopened');
    return upload;
  }
}
