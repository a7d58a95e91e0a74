import { createHash } from 'node:crypto';
import path from 'node:path';
import { RequestError } from '../../shared/contract/result.ts';
import { planDocument } from '../../shared/documents/plan-document.ts';
import type { DocumentLanguage } from '../../shared/documents/plan-input.ts';
import type { DocumentFormat } from '../../shared/tables/document-tables.ts';
import { utcInstant } from '../../shared/time.ts';
import { DocumentError, type DocumentRenderer } from '../documents/index.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { writeFileDurably } from '../platform/durable-write.ts';

export interface PlanExportRequest {
  readonly format: DocumentFormat;
  readonly language: DocumentLanguage;
  /** Absolute path of the file to write (replaced atomically when it exists). */
  readonly file: string;
}

export interface PlanExportResult {
  readonly file: string;
  readonly revision: number;
  readonly sha256: string;
  readonly size: number;
  readonly template: string;
}

/**
 * Exports the audit plan: the next revision's content from the worker, rendered by the document
 * engine (PDF and .docx in its worker), written durably, its SHA-256 recorded in the engagement's
 * change log. A refusal of the engine (a remote logo, a missing font) is a contract error; nothing
 * is recorded for a file that was not written.
 */
export class PlanExporter {
  constructor(
    private readonly engagements: EngagementService,
    private readonly renderer: DocumentRenderer,
  ) {}

  async export(handle: string, request: PlanExportRequest): Promise<PlanExportResult> {
    const target = this.engagements.notOpen(request.file, 'DESTINATION_OPEN');
    const me = this.engagements.me();
    const revision = await this.engagements.call(handle, 'nextRevision', 'audit-plan');
    const input = await this.engagements.call(handle, 'planDocumentInput', { language: request.language, revision, issuedAt: utcInstant(), issuedBy: me.name });
    const document = planDocument(input);
    let bytes: Uint8Array;
    try {
      bytes = request.format === 'pdf' ? await this.renderer.pdf(document) : await this.renderer.docx(document);
    } catch (error) {
      if (error instanceof DocumentError) throw new RequestError(error.code, error.message, error.params);
      throw error;
    }
    writeFileDurably(target, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.engagements.change(handle, 'recordExport', {
      kind: 'audit-plan',
      revision,
      format: request.format,
      language: request.language,
      template: '',
      fileName: path.basename(target),
      sha256,
      size: bytes.byteLength,
      byName: me.name,
    });
    return { file: target, revision, sha256, size: bytes.byteLength, template: '' };
  }
}
