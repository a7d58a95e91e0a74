/**
 * The document engine (issue 14): a document model (shared/documents/) rendered to .docx and PDF.
 * What the export channel uses:
 * - `new DocumentRenderer({ workerDir })` → `.pdf(document)` / `.docx(document)`: the file's bytes,
 *   rendered in the documents worker (never on the main thread); one renderer per host;
 * - `renderDocx(document)`: the .docx in the calling thread (tests, tools);
 * - `DocumentError` (`code`, `params`) for every refusal: a remote or unreadable image, a missing font.
 */
export { DocumentRenderer, type DocumentRendererOptions } from './document-renderer.ts';
export { renderDocx } from './docx-render.ts';
export { DocumentError, type DocumentErrorCode, type DocumentErrorJson } from './document-error.ts';
export type { DocumentFormat } from './document-protocol.ts';
export { PDF_FONT_FILES, PDF_FONT_PACKAGE } from './pdf-fonts.ts';
