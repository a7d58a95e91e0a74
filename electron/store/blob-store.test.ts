import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { newEngagementStore } from '../../tests/helpers/store.ts';
import { BlobStore, MAX_CHUNK_BYTES } from './blob-store.ts';
import { EngagementSession } from './engagement-session.ts';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Uploads `bytes` in pieces of the given sizes (cycled), returns the upload id. */
function upload(blobs: BlobStore, bytes: Buffer, pieces: readonly number[] = [MAX_CHUNK_BYTES]): string {
  const id = blobs.begin('application/octet-stream');
  for (let offset = 0, i = 0; offset < bytes.length; i += 1) {
    const size = pieces[i % pieces.length]!;
    blobs.append(id, bytes.subarray(offset, offset + size));
    offset += size;
  }
  return id;
}

/** Attaches the finished blob to an evidence file row, as the evidence capability does, in the finish transaction. */
function attach(setup: ReturnType<typeof newEngagementStore>, blobs: BlobStore, id: string): { sha256: string; existed: boolean; fileId: string } {
  const { store } = setup;
  const evidence = store.createRow('evidence_item', { engagement_id: store.engagementId, title: 'Change log export' });
  return blobs.finish([id], ([blob]) => ({
    sha256: blob!.sha256,
    existed: blob!.existed,
    fileId: store.createRow('evidence_file', {
      engagement_id: store.engagementId,
      evidence_id: evidence,
      sha256: blob!.sha256,
      file_name: 'export.csv',
      byte_size: blob!.byteSize,
    }),
  }));
}

const chunkCount = (setup: ReturnType<typeof newEngagementStore>): number => setup.db.prepare('SELECT COUNT(*) FROM blob_chunk').pluck().get() as number;

describe('the content store', () => {
  it('round-trips any bytes in any chunking, byte-equal, with their SHA-256', () => {
    const setup = newEngagementStore();
    const blobs = new BlobStore(setup.db);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 5000 }), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 4 }), (data, pieces) => {
        const bytes = Buffer.from(data);
        const id = upload(blobs, bytes, pieces);
        const { sha256 } = attach(setup, blobs, id);
        expect(sha256).toBe(sha(bytes));
        expect(Buffer.concat([...blobs.chunks(sha256)]).equals(bytes)).toBe(true);
        const from = Math.floor(bytes.length / 3);
        expect(blobs.read(sha256, from, 1000).equals(bytes.subarray(from, from + 1000))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('stores the same bytes twice once: the second upload is discarded', async () => {
    const setup = newEngagementStore();
    const blobs = new BlobStore(setup.db);
    const bytes = randomBytes(3 * MAX_CHUNK_BYTES + 17);
    const first = attach(setup, blobs, upload(blobs, bytes));
    const second = attach(setup, blobs, upload(blobs, bytes));
    expect(first.existed).toBe(false);
    expect(second.existed).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(setup.db.prepare('SELECT COUNT(*) FROM blob').pluck().get()).toBe(1);
    expect(chunkCount(setup)).toBe(4);
  });

  it('makes nothing visible until finish, and an abort leaves nothing behind', async () => {
    const setup = newEngagementStore();
    const blobs = new BlobStore(setup.db);
    const bytes = randomBytes(2 * MAX_CHUNK_BYTES);
    const id = upload(blobs, bytes);
    blobs.uploadBytes(id);
    expect(blobs.has(sha(bytes))).toBe(false);
    await blobs.abort(id);
    expect(setup.db.prepare('SELECT COUNT(*) FROM blob').pluck().get()).toBe(0);
    expect(chunkCount(setup)).toBe(0);
    expect(() => blobs.append(id, bytes.subarray(0, 10))).toThrow(expect.objectContaining({ code: 'EVIDENCE_UPLOAD_GONE' }));
  });

  it('rolls the blob back with the caller’s write: a failing row leaves the upload incomplete, swept at the next open', () => {
    const setup = newEngagementStore();
    const blobs = new BlobStore(setup.db);
    const id = upload(blobs, randomBytes(1000));
    expect(() => blobs.finish([id], () => setup.store.createRow('evidence_file', { engagement_id: setup.store.engagementId }))).toThrow();
    expect(setup.db.prepare('SELECT complete FROM blob').pluck().all()).toEqual([0]);
  });

  it('sweeps at open what an interrupted upload left, and bytes no live row names; keeps the rest', () => {
    const setup = newEngagementStore();
    const blobs = new BlobStore(setup.db);
    const kept = attach(setup, blobs, upload(blobs, randomBytes(5000)));
    const removed = attach(setup, blobs, upload(blobs, randomBytes(6000)));
    setup.store.deleteRow('evidence_file', removed.fileId);
    blobs.uploadBytes(upload(blobs, randomBytes(2 * MAX_CHUNK_BYTES + 1))); // written, then the app is killed
    const file = setup.file;
    setup.db.close();

    const session = new EngagementSession('unused-vacuum-worker.cjs');
    session.open({ path: file, actorId: setup.store.context.actorId });
    const reopened = session.blobs();
    expect(reopened.has(kept.sha256)).toBe(true);
    expect(reopened.has(removed.sha256)).toBe(false);
    expect(session.db().prepare('SELECT COUNT(*) FROM blob').pluck().get()).toBe(1);
    expect(session.db().prepare('SELECT COUNT(*) FROM blob_chunk').pluck().get()).toBe(1);
    session.close();
  });

  it('deletes discarded bytes for good: secure_delete leaves none of them in the file', async () => {
    const setup = newEngagementStore();
    const blobs = new BlobStore(setup.db);
    const secret = Buffer.from('GPS 53.5511 N 9.9937 E — a location the policy removes. '.repeat(200));
    const id = upload(blobs, secret);
    expect(blobs.uploadBytes(id).equals(secret)).toBe(true); // written to the file
    await blobs.abort(id);
    setup.db.close();
    const onDisk = fs.readFileSync(setup.file);
    expect(onDisk.includes(secret.subarray(0, 64))).toBe(false);
  });

  it('refuses a chunk over 1 MiB and reading what this copy does not hold', () => {
    const setup = newEngagementStore();
    const blobs = new BlobStore(setup.db);
    const id = blobs.begin('text/plain');
    expect(() => blobs.append(id, Buffer.alloc(MAX_CHUNK_BYTES + 1))).toThrow();
    try {
      blobs.read('a'.repeat(64), 0, 10);
      expect.unreachable();
    } catch (error) {
      expect(isStoreError(error) && error.code).toBe('EVIDENCE_FILE_NOT_HERE');
    }
  });
});
