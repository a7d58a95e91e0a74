// The upload client against a stand-in for the main process that keeps what it is sent: any file,
// in any chunk size, arrives byte-equal, in order from seq 0; a refusal, a file that can no longer be
// read and a cancel each end in an abort, so nothing is left half-written; the queue sends one file
// at a time.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Client from '../contract/client.ts';
import { ContractFailure } from '../contract/client.ts';
import { base64ToBytes } from './evidence-bytes.ts';
import { UploadCancelled, uploadEvidenceFile, useEvidenceUploads, type UploadRequest } from './evidence-upload.ts';

interface Upload {
  fileName: string;
  declared: number;
  pieces: Uint8Array[];
  seqs: number[];
  aborted: boolean;
  committed: boolean;
}

const main = vi.hoisted(() => ({
  uploads: new Map<string, Upload>(),
  calls: [] as string[],
  /** Refuse the first chunk of a file with this name (the worker's format check). */
  refuseName: null as string | null,
  /** Called at each chunk: lets a test cancel mid-way. */
  onChunk: null as null | ((seq: number) => void),
  next: 0,
}));

vi.mock('../contract/client.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Client>();
  const invoke = async (channel: string, input: Record<string, unknown>): Promise<unknown> => {
    main.calls.push(channel);
    await Promise.resolve();
    switch (channel) {
      case 'evidence:beginUpload': {
        const uploadId = `u${++main.next}`;
        main.uploads.set(uploadId, { fileName: input.fileName as string, declared: input.byteSize as number, pieces: [], seqs: [], aborted: false, committed: false });
        return { uploadId, fileName: input.fileName, nameChanged: false };
      }
      case 'evidence:uploadChunk': {
        const upload = main.uploads.get(input.uploadId as string)!;
        if (upload.aborted) throw new actual.ContractFailure({ code: 'EVIDENCE_UPLOAD_GONE', params: {} });
        main.onChunk?.(input.seq as number);
        if (main.refuseName === upload.fileName) {
          upload.aborted = true;
          throw new actual.ContractFailure({ code: 'EVIDENCE_FORMAT_REFUSED', params: { fileName: upload.fileName, format: 'HEIC/HEIF' } });
        }
        upload.seqs.push(input.seq as number);
        upload.pieces.push(base64ToBytes(input.data as string));
        return { received: upload.pieces.reduce((sum, piece) => sum + piece.length, 0) };
      }
      case 'evidence:abortUpload':
        main.uploads.get(input.uploadId as string)!.aborted = true;
        return null;
      case 'evidence:commitUpload': {
        const upload = main.uploads.get(input.uploadId as string)!;
        upload.committed = true;
        return { file: { row: { id: `f-${input.uploadId as string}`, file_name: upload.fileName }, present: true, reportPresent: false, heldBy: null }, evidence: { id: 'e1', title: 'Ref' }, deduplicated: false, nameChanged: false, removed: [], warnings: [] };
      }
      default:
        throw new Error(`unexpected ${channel}`);
    }
  };
  return { ...actual, invoke };
});

const request = (file: Blob, fileName = 'evidence.bin'): UploadRequest => ({ file, fileName, evidenceId: 'e1', newEvidence: null, fileKind: 'file', photographyPermittedBy: '', caption: '' });
const received = (upload: Upload) => {
  const out = new Uint8Array(upload.pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of upload.pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
};

beforeEach(() => {
  main.uploads.clear();
  main.calls.length = 0;
  main.refuseName = null;
  main.onChunk = null;
  useEvidenceUploads.setState({ items: [] });
});

describe('uploading one file', () => {
  it('delivers any bytes byte-equal, in pieces of at most the chunk size, seq from 0 in order, then commits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 5000 }), fc.integer({ min: 1, max: 1200 }), async (bytes, chunkBytes) => {
        main.uploads.clear();
        const progress: number[] = [];
        await uploadEvidenceFile('h', request(new Blob([bytes])), { chunkBytes, onProgress: (sent) => progress.push(sent) });
        const upload = [...main.uploads.values()].at(-1)!;
        expect(received(upload)).toEqual(bytes);
        expect(upload.seqs).toEqual(upload.seqs.map((_, i) => i));
        expect(upload.pieces.every((piece) => piece.length <= chunkBytes)).toBe(true);
        expect(upload.committed).toBe(true);
        expect(upload.aborted).toBe(false);
        expect(progress.at(-1)).toBe(bytes.length);
      }),
      { numRuns: 60 },
    );
  });

  it('aborts when the worker refuses the first chunk, and commits nothing', async () => {
    main.refuseName = 'IMG_0001.HEIC';
    const failure = await uploadEvidenceFile('h', request(new Blob([new Uint8Array(3000)]), 'IMG_0001.HEIC'), { chunkBytes: 1024 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContractFailure);
    expect((failure as ContractFailure).error.code).toBe('EVIDENCE_FORMAT_REFUSED');
    expect(main.calls).toEqual(['evidence:beginUpload', 'evidence:uploadChunk', 'evidence:abortUpload']);
    expect([...main.uploads.values()][0]!.committed).toBe(false);
  });

  it('a file that can no longer be read (moved, drive pulled) aborts with what arrived and what was declared', async () => {
    let reads = 0;
    const vanishing = {
      size: 3000,
      type: 'text/plain',
      slice: (start: number, end: number) => ({
        arrayBuffer: () => (++reads > 1 ? Promise.reject(new DOMException('The file could not be read', 'NotReadableError')) : Promise.resolve(new Uint8Array(end - start).buffer)),
      }),
    } as unknown as Blob;
    const failure = (await uploadEvidenceFile('h', request(vanishing, 'export.log'), { chunkBytes: 1024 }).catch((error: unknown) => error)) as ContractFailure;
    expect(failure.error).toEqual({ code: 'EVIDENCE_UPLOAD_INCOMPLETE', params: { fileName: 'export.log', received: 1024, declared: 3000 } });
    const upload = [...main.uploads.values()][0]!;
    expect(upload.aborted).toBe(true);
    expect(upload.committed).toBe(false);
  });

  it('a file cut short while it is read (fewer bytes than asked) is the same failure', async () => {
    const short = { size: 2048, type: '', slice: (start: number) => ({ arrayBuffer: () => Promise.resolve(new Uint8Array(start === 0 ? 1024 : 10).buffer) }) } as unknown as Blob;
    const failure = (await uploadEvidenceFile('h', request(short), { chunkBytes: 1024 }).catch((error: unknown) => error)) as ContractFailure;
    expect(failure.error.code).toBe('EVIDENCE_UPLOAD_INCOMPLETE');
    expect([...main.uploads.values()][0]!.aborted).toBe(true);
  });

  it('a cancel takes effect after the piece in flight: aborted, nothing committed', async () => {
    const controller = new AbortController();
    main.onChunk = (seq) => seq === 1 && controller.abort();
    const failure = await uploadEvidenceFile('h', request(new Blob([new Uint8Array(5000)])), { chunkBytes: 1000, signal: controller.signal }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UploadCancelled);
    const upload = [...main.uploads.values()][0]!;
    expect(upload.seqs).toEqual([0, 1]);
    expect(upload.aborted).toBe(true);
    expect(upload.committed).toBe(false);
  });
});

describe('the queue', () => {
  it('sends files one after another and keeps each outcome', async () => {
    main.refuseName = 'b.heic';
    const [a, b, c] = useEvidenceUploads.getState().enqueue('h', [
      { ...request(new Blob([new Uint8Array(10)]), 'a.txt'), targetTitle: 'Ref' },
      { ...request(new Blob([new Uint8Array(10)]), 'b.heic'), targetTitle: 'Ref' },
      { ...request(new Blob([new Uint8Array(10)]), 'c.txt'), targetTitle: 'Ref' },
    ]);
    expect(await a).not.toBeNull();
    expect(await b).toBeNull();
    expect(await c).not.toBeNull();
    // One upload at a time: each begin comes after the previous file's commit or abort.
    const order = main.calls.filter((call) => call !== 'evidence:uploadChunk');
    expect(order).toEqual(['evidence:beginUpload', 'evidence:commitUpload', 'evidence:beginUpload', 'evidence:abortUpload', 'evidence:beginUpload', 'evidence:commitUpload']);
    expect(useEvidenceUploads.getState().items.map((item) => item.status)).toEqual(['done', 'failed', 'done']);
  });

  it('a queued file cancelled before its turn is never begun', async () => {
    const [first, second] = useEvidenceUploads.getState().enqueue('h', [
      { ...request(new Blob([new Uint8Array(10)]), 'a.txt'), targetTitle: 'Ref' },
      { ...request(new Blob([new Uint8Array(10)]), 'b.txt'), targetTitle: 'Ref' },
    ]);
    useEvidenceUploads.getState().cancel(useEvidenceUploads.getState().items[1]!.key);
    expect(await first).not.toBeNull();
    expect(await second).toBeNull();
    expect(main.calls.filter((call) => call === 'evidence:beginUpload')).toHaveLength(1);
    expect(useEvidenceUploads.getState().items[1]!.status).toBe('cancelled');
  });
});
