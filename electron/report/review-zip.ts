import { createHash } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** A file of the package as the manifest lists it. */
export interface ZipEntryRecord {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * The technical-review package's zip, built as entries come: each file is fingerprinted and
 * compressed into the archive when it is added, so the caller can drop its bytes at once — the
 * documents are never all held at the same time, only the compressed archive grows. PDFs, .docx and
 * .xlsx are compressed already and are stored as they are; text is deflated. Names are UTF-8 (fflate
 * sets the flag for names outside ASCII).
 */
export class ReviewZip {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly added: ZipEntryRecord[] = [];
  private failure: Error | null = null;
  private finished = false;

  constructor(private readonly mtime: Date = new Date()) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else this.chunks.push(chunk);
    });
  }

  add(name: string, bytes: Uint8Array): ZipEntryRecord {
    if (this.finished) throw new Error('The package is already closed');
    if (this.added.some((entry) => entry.name === name)) throw new Error(`The package already has ${name}`);
    const stored = /\.(pdf|docx|xlsx|zip|png|jpe?g)$/i.test(name);
    const file = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    file.mtime = this.mtime;
    this.zip.add(file);
    file.push(bytes, true);
    this.throwIfFailed();
    const record = { name, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
    this.added.push(record);
    return record;
  }

  get entries(): readonly ZipEntryRecord[] {
    return this.added;
  }

  /** The archive's bytes: the compressed entries joined once, at the end. */
  finish(): Uint8Array {
    this.finished = true;
    this.zip.end();
    this.throwIfFailed();
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.chunks.splice(0)) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
