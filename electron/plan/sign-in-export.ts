import { RequestError } from '../../shared/contract/result.ts';
import type { DocumentLanguage } from '../../shared/documents/plan-input.ts';
import { signInSheetDocument } from '../../shared/documents/sign-in-document.ts';
import type { DocumentFormat, DocumentKind } from '../../shared/tables/document-tables.ts';
import { utcInstant } from '../../shared/time.ts';
import type { DocumentRenderer } from '../documents/index.ts';
import { renderDocument, writeAndRecord } from '../exports/index.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import type { PlanExportResult } from './plan-export.ts';

/** The register's kind for a meeting's sign-in sheet. */
export const SIGN_IN_SHEET_KIND = 'sign-in-sheet' satisfies DocumentKind;

export interface SignInSheetRequest {
  /** The opening or closing meeting (a plan session). */
  readonly sessionId: string;
  readonly format: DocumentFormat;
  readonly language: DocumentLanguage;
  /** Absolute path of the file to write (replaced atomically when it exists). */
  readonly file: string;
}

/**
 * Exports a meeting's sign-in sheet (签到表): its content from the worker (attendance recorded, else
 * the team and the auditees in the plan), rendered by the document engine to PDF or .docx, written
 * durably, recorded in the register of exports with its SHA-256 as the next revision of the
 * 'sign-in-sheet' kind — the printed sheet can later be matched to the file it came from.
 */
export class SignInSheetExporter {
  constructor(
    private readonly engagements: EngagementService,
    private readonly renderer: DocumentRenderer,
  ) {}

  async export(handle: string, request: SignInSheetRequest): Promise<PlanExportResult> {
    if ((await this.engagements.summary(handle)).readOnly) throw new RequestError('READ_ONLY', 'This engagement is open read-only');
    const target = this.engagements.notOpen(request.file, 'DESTINATION_OPEN');
    const me = this.engagements.me();
    const revision = await this.engagements.call(handle, 'nextRevision', SIGN_IN_SHEET_KIND);
    const input = await this.engagements.call(handle, 'signInSheetInput', request.sessionId, { language: request.language, revision, issuedAt: utcInstant(), issuedBy: me.name });
    const bytes = await renderDocument(this.renderer, signInSheetDocument(input), request.format);
    return writeAndRecord(this.engagements, handle, target, bytes, { kind: SIGN_IN_SHEET_KIND, revision, format: request.format, language: request.language, template: '' });
  }
}
