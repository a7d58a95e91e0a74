/*
 * PDF pages drawn to a canvas by the bundled pdf.js (loaded only when a PDF is previewed: this
 * module is imported on demand, so pdf.js is its own chunk). The worker is a file the build emits,
 * served from the app's own origin ('self'), so the CSP stays as DESIGN.md states it:
 * - no WebAssembly (`useWasm: false`): compiling it would need 'wasm-unsafe-eval'; pdf.js then uses
 *   its JavaScript decoders and interprets PostScript functions (6.x has no eval path at all);
 * - nothing fetched: no CMaps, standard fonts or ICC profiles URLs are given, so fonts a PDF does not
 *   embed fall back to system fonts (a preview, not a print) and JPEG 2000 images inside a PDF are
 *   not drawn;
 * - no scripting, no XFA, no annotations layer: only the page's drawing.
 */
import { AnnotationMode, getDocument, GlobalWorkerOptions, VerbosityLevel, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
// `?worker&url`: Vite bundles the worker into a .js file of its own (a plain `?url` would emit it as
// .mjs, which the app's static server sends as application/octet-stream and Chromium then refuses).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** An open document and how to close it (its worker and memory go with it). */
export interface PdfDocument {
  readonly doc: PDFDocumentProxy;
  readonly close: () => Promise<void>;
}

/** Opens a document from its bytes (transferred to the worker: do not reuse them). */
export async function openPdf(data: Uint8Array): Promise<PdfDocument> {
  const task = getDocument({
    data,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
    // A page's image is not decoded above this many pixels (a crafted PDF cannot exhaust memory through one).
    maxImageSize: 150_000_000,
  });
  try {
    return { doc: await task.promise, close: () => task.destroy() };
  } catch (error) {
    void task.destroy();
    throw error;
  }
}

/**
 * Draws page `pageNumber` (from 1) into `canvas` at `cssWidth` CSS pixels wide (fit width), sharp on
 * high-density screens. Resolves when drawn; `cancel` stops a draw overtaken by another.
 */
export function drawPage({ doc }: PdfDocument, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): { done: Promise<void>; cancel: () => void } {
  let task: RenderTask | null = null;
  let cancelled = false;
  const done = (async () => {
    const page = await doc.getPage(pageNumber);
    if (cancelled) return;
    const unscaled = page.getViewport({ scale: 1 });
    const scale = Math.max(cssWidth, 100) / unscaled.width;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const viewport = page.getViewport({ scale: scale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    task = page.render({ canvas, viewport, annotationMode: AnnotationMode.ENABLE });
    try {
      await task.promise;
    } catch (error) {
      if (!cancelled) throw error;
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}
