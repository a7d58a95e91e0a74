/** The register of exported documents (revisions, SHA-256), as the main thread sees it. */
export type { DocumentExportRow, ExportRecord } from './export-register.ts';
