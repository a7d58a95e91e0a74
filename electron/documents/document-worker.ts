/**
 * The documents worker (→ dist/workers/document-worker.cjs): renders PDFs (pdfmake) and .docx files
 * off the main thread. It reads nothing but the shipped fonts in `fontDir`; pdfmake's URL and
 * local-file access are off (pdf-render.ts).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentModel } from '../../shared/documents/model.ts';
import { DocumentError } from './document-error.ts';
import { renderDocx } from './docx-render.ts';
import { readPdfFonts } from './pdf-fonts.ts';
import { renderPdfBytes, type PdfFonts } from './pdf-render.ts';
import type { DocumentReply, DocumentRequest, DocumentWorkerData } from './document-protocol.ts';

const port = parentPort;
if (!port) throw new Error('document-worker.ts must run in a worker thread');
const { fontDir } = workerData as DocumentWorkerData;
let fonts: PdfFonts | null = null;

async function render(format: DocumentRequest['format'], document: DocumentModel): Promise<Uint8Array> {
  if (format === 'docx') return renderDocx(document);
  fonts ??= readPdfFonts(fontDir);
  return renderPdfBytes(document, fonts);
}

/**
 * A full garbage collection. A large report leaves 100–200 MB of garbage (the docx library's objects,
 * pdfmake's nodes and lines) that V8 would keep until the next render pushes it, so a session that
 * exports twice holds both: collected as soon as the worker is idle, the memory goes back to the
 * system. `gc` exists only where V8 exposes it, hence the flag (set for contexts made after it).
 */
const collectGarbage = ((): (() => void) => {
  // A host that froze V8's flags (an embedder may) gives no `gc`: the worker then renders as before,
  // leaving the collection to V8, rather than failing to start.
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('typeof gc === "function" ? gc : null');
    return typeof gc === 'function' ? (gc as () => void) : () => undefined;
  } catch {
    return () => undefined;
  }
})();

/** One render at a time, in arrival order (pdfmake's fonts and policies are module state). */
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

port.on('message', (request: DocumentRequest) => {
  waiting += 1;
  queue = queue.then(() =>
    render(request.format, request.document).then(
      (bytes) => {
        // A copy of its own, so the transfer cannot take a pooled buffer from under anything else.
        const own = bytes.slice();
        port.postMessage({ id: request.id, ok: true, bytes: own } satisfies DocumentReply, [own.buffer]);
      },
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: DocumentError.from(error).toJSON() } satisfies DocumentReply),
    ).finally(() => {
      waiting -= 1;
      if (waiting === 0) collectGarbage();
    }),
  );
});
