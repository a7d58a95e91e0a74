import { create } from 'zustand';
import type { AttachedView, UploadStartedView } from '../../../shared/contract/evidence-channels.ts';
import type { EvidenceFileKind } from '../../../shared/evidence/evidence-file-kinds.ts';
import type { EvidenceKind } from '../../../shared/fieldwork/fieldwork-kinds.ts';
import { ContractFailure, invoke } from '../contract/client.ts';
import { bytesToBase64, chunkRanges } from './evidence-bytes.ts';
import { useEvidenceFiles } from './evidence-files.ts';
import { useFieldworkRecords } from './fieldwork-records.ts';

/** What to attach and where: an existing reference, or a new one made in the same transaction. */
export interface UploadRequest {
  readonly file: Blob;
  /** The name to store it under (a pasted screenshot has none of its own). */
  readonly fileName: string;
  readonly evidenceId: string | null;
  readonly newEvidence: { readonly title: string; readonly kind: EvidenceKind } | null;
  readonly fileKind: EvidenceFileKind;
  readonly photographyPermittedBy: string;
  readonly caption: string;
}

/** The auditor cancelled the upload: it was aborted, nothing was attached. */
export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled');
    this.name = 'UploadCancelled';
  }
}

export interface UploadOptions {
  readonly chunkBytes: number;
  readonly signal?: AbortSignal;
  readonly onStarted?: (started: UploadStartedView) => void;
  readonly onProgress?: (sent: number, total: number) => void;
}

/** Reads one piece of the file; a file moved, changed or on a drive pulled out answers with an error (NotReadableError) or too few bytes. */
async function readPiece(file: Blob, start: number, end: number): Promise<Uint8Array | null> {
  try {
    const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
    return bytes.length === end - start ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Streams one file into the engagement: begin (refused before any byte when empty or too large),
 * pieces of `chunkBytes` read from the disk one at a time and sent in order from 0 (the first one
 * may be refused: a format whose metadata cannot be handled), then commit (one transaction: the file
 * and, if asked, its new reference). Memory holds one piece at a time. Any failure after begin
 * aborts the upload, so nothing is left half-written; a cancel takes effect between pieces.
 */
export async function uploadEvidenceFile(handle: string, request: UploadRequest, options: UploadOptions): Promise<AttachedView> {
  const total = request.file.size;
  if (options.signal?.aborted) throw new UploadCancelled();
  const started = await invoke('evidence:beginUpload', { engagementHandle: handle, fileName: request.fileName, byteSize: total, mediaType: request.file.type });
  options.onStarted?.(started);
  const abort = () => invoke('evidence:abortUpload', { engagementHandle: handle, uploadId: started.uploadId }).catch(() => null);
  let sent = 0;
  try {
    for (const { seq, start, end } of chunkRanges(total, options.chunkBytes)) {
      if (options.signal?.aborted) throw new UploadCancelled();
      const bytes = await readPiece(request.file, start, end);
      if (!bytes) throw new ContractFailure({ code: 'EVIDENCE_UPLOAD_INCOMPLETE', params: { fileName: started.fileName, received: sent, declared: total } });
      await invoke('evidence:uploadChunk', { engagementHandle: handle, uploadId: started.uploadId, seq, data: bytesToBase64(bytes) });
      sent = end;
      options.onProgress?.(sent, total);
    }
    if (options.signal?.aborted) throw new UploadCancelled();
  } catch (error) {
    await abort();
    throw error;
  }
  // A refused commit has already put the upload away in the worker (and says why).
  return invoke('evidence:commitUpload', {
    engagementHandle: handle,
    uploadId: started.uploadId,
    evidenceId: request.evidenceId,
    newEvidence: request.newEvidence,
    fileKind: request.fileKind,
    photographyPermittedBy: request.photographyPermittedBy,
    caption: request.caption,
  });
}

export type UploadStatus = 'queued' | 'sending' | 'done' | 'failed' | 'cancelled';

/** One file of the queue as the screen shows it. */
export interface UploadItem {
  readonly key: string;
  readonly handle: string;
  /** The reference it goes to, or null for a new one (shown above the list, not in a reference's files). */
  readonly targetId: string | null;
  readonly fileName: string;
  readonly size: number;
  /** The reference it goes to (its title, or the new reference's). */
  readonly targetTitle: string;
  readonly status: UploadStatus;
  readonly sent: number;
  readonly result: AttachedView | null;
  readonly error: unknown;
}

interface UploadQueueStore {
  items: UploadItem[];
  /** Queues files, sent one after another; each promise gives the attached file, or null (refused or cancelled). */
  enqueue(handle: string, requests: readonly (UploadRequest & { readonly targetTitle: string })[]): Promise<AttachedView | null>[];
  /** Cancels a queued file, or the one being sent (aborted after the piece in flight). */
  cancel(key: string): void;
  /** Takes a finished item off the screen. */
  dismiss(key: string): void;
  /** Takes these finished items off the screen (those of one place: a reference's files, or the new references). */
  dismissFinished(keys: readonly string[]): void;
}

const requests = new Map<string, UploadRequest>();
const waiters = new Map<string, (result: AttachedView | null) => void>();
let running: { key: string; controller: AbortController } | null = null;
let counter = 0;

/** The reference a commit made, shown in the evidence list at once (the records store reads it only on load). */
function showReference(attached: AttachedView): void {
  const records = useFieldworkRecords.getState().records;
  if (!records || records.evidence_item.some((item) => item.id === attached.evidence.id)) return;
  useFieldworkRecords.setState({ records: { ...records, evidence_item: [...records.evidence_item, attached.evidence] } });
}

/**
 * The upload queue of the evidence screens: files go one at a time (the worker writes one upload's
 * slices at a time anyway, and a queue of 30 photos should not read 30 files at once), with
 * progress, cancel, and every outcome kept on screen until the auditor dismisses it.
 */
export const useEvidenceUploads = create<UploadQueueStore>((set, get) => {
  const update = (key: string, patch: Partial<UploadItem>) => set({ items: get().items.map((item) => (item.key === key ? { ...item, ...patch } : item)) });
  const finish = (key: string, result: AttachedView | null) => {
    requests.delete(key);
    waiters.get(key)?.(result);
    waiters.delete(key);
  };

  async function pump(): Promise<void> {
    if (running) return;
    for (let next = get().items.find((item) => item.status === 'queued'); next; next = get().items.find((item) => item.status === 'queued')) {
      const request = requests.get(next.key);
      if (!request) {
        update(next.key, { status: 'cancelled' });
        continue;
      }
      const controller = new AbortController();
      running = { key: next.key, controller };
      update(next.key, { status: 'sending', sent: 0 });
      const key = next.key;
      try {
        const chunkBytes = useEvidenceFiles.getState().view?.limits.chunkBytes ?? 1024 * 1024;
        const result = await uploadEvidenceFile(next.handle, request, {
          chunkBytes,
          signal: controller.signal,
          onStarted: (started) => update(key, { fileName: started.fileName }),
          onProgress: (sent) => update(key, { sent }),
        });
        useEvidenceFiles.getState().added(result.file);
        showReference(result);
        update(key, { status: 'done', result, sent: request.file.size });
        finish(key, result);
      } catch (error) {
        update(key, error instanceof UploadCancelled ? { status: 'cancelled' } : { status: 'failed', error });
        finish(key, null);
      } finally {
        running = null;
      }
    }
  }

  return {
    items: [],

    enqueue(handle, list) {
      const added: UploadItem[] = [];
      const promises = list.map(({ targetTitle, ...request }) => {
        const key = `upload-${++counter}`;
        requests.set(key, request);
        added.push({ key, handle, targetId: request.evidenceId, fileName: request.fileName, size: request.file.size, targetTitle, status: 'queued', sent: 0, result: null, error: null });
        return new Promise<AttachedView | null>((resolve) => waiters.set(key, resolve));
      });
      set({ items: [...get().items, ...added] });
      void pump();
      return promises;
    },

    cancel(key) {
      if (running?.key === key) {
        running.controller.abort();
        return;
      }
      const item = get().items.find((candidate) => candidate.key === key);
      if (item?.status === 'queued') {
        update(key, { status: 'cancelled' });
        finish(key, null);
      }
    },

    dismiss(key) {
      set({ items: get().items.filter((item) => item.key !== key || item.status === 'queued' || item.status === 'sending') });
    },

    dismissFinished(keys) {
      const gone = new Set(keys);
      set({ items: get().items.filter((item) => !gone.has(item.key) || item.status === 'queued' || item.status === 'sending') });
    },
  };
});
