/** The register of exported documents (revisions, SHA-256), as the main thread sees it. */
export type { DocumentExportRow, ExportRecord } from './export-register.ts';
export { exportView } from './export-register.ts';
/** The end of every document export: render, write durably, record in the register. */
export { renderDocument, writeAndRecord, type DocumentExportResult } from './document-output.ts';
