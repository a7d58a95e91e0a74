import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../../shared/documents/model.ts';
import { DocumentError } from './document-error.ts';
import type { DocumentFormat, DocumentReply, DocumentRequest, DocumentWorkerData } from './document-protocol.ts';
import { warmUpDocument } from './warm-up.ts';
import { builtFontDir } from './pdf-fonts.ts';

export interface DocumentRendererOptions {
  /** dist/workers (the folder with document-worker.cjs), as the hosts resolve it. */
  readonly workerDir: string;
  /** The shipped PDF fonts; dist/fonts beside the workers by default. */
  readonly fontDir?: string;
  /** The worker stops after this long without work (it holds the fonts, ~20 MB); 60 s by default. */
  readonly idleMs?: number;
}

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: DocumentError): void;
}

/**
 * The main thread's end of the documents worker: `pdf(document)` and `docx(document)` give the
 * file's bytes. The worker starts at the first request and stops when idle; a crash fails the
 * requests in flight with DOCUMENT_RENDER_FAILED and the next request starts a new worker.
 */
export class DocumentRenderer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly workerFile: string;
  private readonly fontDir: string;

  constructor(private readonly options: DocumentRendererOptions) {
    this.workerFile = path.resolve(options.workerDir, 'document-worker.cjs');
    this.fontDir = path.resolve(options.fontDir ?? builtFontDir(options.workerDir));
  }

  pdf(document: DocumentModel): Promise<Uint8Array> {
    return this.request('pdf', document);
  }

  docx(document: DocumentModel): Promise<Uint8Array> {
    return this.request('docx', document);
  }

  /**
   * Has the worker render a small document (warm-up.ts) so that the first real PDF does not pay for
   * compiling the PDF code: call it when a screen that exports opens. Never fails; resolves when done.
   */
  warmUp(): Promise<void> {
    return this.pdf(warmUpDocument()).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Stops the worker; requests in flight fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.clearIdle();
    this.failAll(new DocumentError('DOCUMENT_RENDER_FAILED', 'The document renderer was closed'));
    if (worker) await worker.terminate();
  }

  private request(format: DocumentFormat, document: DocumentModel): Promise<Uint8Array> {
    let worker: Worker;
    try {
      worker = this.started();
    } catch (error) {
      return Promise.reject(DocumentError.from(error));
    }
    this.clearIdle();
    worker.ref();
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, format, document } satisfies DocumentRequest);
      } catch (error) {
        this.pending.delete(id);
        reject(DocumentError.from(error));
      }
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { workerData: { fontDir: this.fontDir } satisfies DocumentWorkerData });
    worker.on('message', (reply: DocumentReply) => this.receive(reply));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`the documents worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private receive(reply: DocumentReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.bytes);
    else pending.reject(DocumentError.fromJSON(reply.error));
    if (this.pending.size === 0) this.becameIdle();
  }

  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.clearIdle();
    this.failAll(new DocumentError('DOCUMENT_RENDER_FAILED', `The documents worker failed: ${error.message}`));
  }

  private failAll(error: DocumentError): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private becameIdle(): void {
    // Idle, it must not keep the process alive; it stops after idleMs unless work comes.
    this.worker?.unref();
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? 60_000);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
