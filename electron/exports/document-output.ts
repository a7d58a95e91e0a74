import { createHash } from 'node:crypto';
import path from 'node:path';
import { RequestError } from '../../shared/contract/result.ts';
import type { DocumentModel } from '../../shared/documents/model.ts';
import type { DocumentLanguage } from '../../shared/documents/plan-input.ts';
import type { DocumentFormat, DocumentKind, ExportFormat } from '../../shared/tables/document-tables.ts';
import { DocumentError, type DocumentRenderer } from '../documents/index.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { writeFileDurably } from '../platform/durable-write.ts';

/** What an export wrote and recorded. */
export interface DocumentExportResult {
  readonly file: string;
  readonly revision: number;
  readonly sha256: string;
  readonly size: number;
  /** The CB template's file name when the document was filled into one; '' for our layout. */
  readonly template: string;
}

/** A document of our layout as PDF or .docx; the engine's failures become the contract's codes. */
export async function renderDocument(renderer: DocumentRenderer, document: DocumentModel, format: DocumentFormat): Promise<Uint8Array> {
  try {
    return format === 'pdf' ? await renderer.pdf(document) : await renderer.docx(document);
  } catch (error) {
    if (error instanceof DocumentError) throw new RequestError(error.code, error.message, error.params);
    throw error;
  }
}

/**
 * The end of every export: the bytes written durably to `target`, and the register of exports told
 * (kind, revision, SHA-256) so a printed or mailed copy can later be matched to the file it came from.
 */
export async function writeAndRecord(
  engagements: EngagementService,
  handle: string,
  target: string,
  bytes: Uint8Array,
  record: { readonly kind: DocumentKind; readonly revision: number; readonly format: ExportFormat; readonly language: DocumentLanguage; readonly template: string },
): Promise<DocumentExportResult> {
  writeFileDurably(target, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await engagements.change(handle, 'recordExport', { ...record, fileName: path.basename(target), sha256, size: bytes.byteLength, byName: engagements.me().name });
  return { file: target, revision: record.revision, sha256, size: bytes.byteLength, template: record.template };
}
