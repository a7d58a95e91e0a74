import { RequestError } from '../../shared/contract/result.ts';
import { planDocument } from '../../shared/documents/plan-document.ts';
import type { DocumentLanguage } from '../../shared/documents/plan-input.ts';
import type { DocumentFormat } from '../../shared/tables/document-tables.ts';
import { utcInstant } from '../../shared/time.ts';
import type { DocumentRenderer } from '../documents/index.ts';
import { renderDocument, writeAndRecord, type DocumentExportResult } from '../exports/index.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { keepTemplateInProfile, resolveTemplate, type TemplateService } from '../templates/index.ts';
import type { TemplateCheckView } from '../../shared/contract/template-views.ts';

import type { ProfileTemplate } from '../../shared/cb-profile/profile.ts';

type TemplateChoice = { readonly profileTemplate: string } | { readonly file: string };

export interface PlanExportRequest {
  readonly format: DocumentFormat;
  readonly language: DocumentLanguage;
  /** Absolute path of the file to write (replaced atomically when it exists). */
  readonly file: string;
  /** Word only: the CB's template to fill (a profile template's key, or an absolute path). */
  readonly template?: TemplateChoice;
}

export type PlanExportResult = DocumentExportResult;

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
    private readonly templates: TemplateService,
  ) {}

  /** The check of a template before filling: unknown placeholders, fields left out, refusals. */
  async checkTemplate(handle: string, choice: TemplateChoice, language: DocumentLanguage): Promise<TemplateCheckView> {
    const template = await resolveTemplate(this.engagements, handle, choice, language, 'audit-plan');
    const check = await this.templates.checkTemplate(template.bytes, 'audit-plan');
    return { ...check, fileName: template.fileName, language: template.language };
  }

  /** Keeps a picked template in the engagement's profile copy, once it is known to fill. */
  async keepTemplate(handle: string, file: string, language: DocumentLanguage): Promise<ProfileTemplate> {
    const template = await resolveTemplate(this.engagements, handle, { file }, language, 'audit-plan');
    const check = await this.templates.checkTemplate(template.bytes, 'audit-plan');
    if (!check.fillable) throw new RequestError('TEMPLATE_REFUSED', 'The template cannot be filled', { issues: check.issues.map((issue) => issue.code) });
    const kept = await keepTemplateInProfile(this.engagements, handle, template, 'audit-plan');
    await this.engagements.refreshSummary(handle);
    return kept;
  }

  async export(handle: string, request: PlanExportRequest): Promise<PlanExportResult> {
    // An export is recorded in the engagement: a read-only file could write the document but never
    // record it, and every retry would issue the same revision again.
    if ((await this.engagements.summary(handle)).readOnly) throw new RequestError('READ_ONLY', 'This engagement is open read-only');
    const target = this.engagements.notOpen(request.file, 'DESTINATION_OPEN');
    const me = this.engagements.me();
    const template = request.template && request.format === 'docx' ? await resolveTemplate(this.engagements, handle, request.template, request.language, 'audit-plan') : null;
    // A CB template written in Chinese gets the plan's labels in Chinese, whatever was chosen.
    const language: DocumentLanguage = template ? (template.language.startsWith('zh') ? 'zh-Hans' : 'en') : request.language;
    const revision = await this.engagements.call(handle, 'nextRevision', 'audit-plan');
    const input = await this.engagements.call(handle, 'planDocumentInput', { language, revision, issuedAt: utcInstant(), issuedBy: me.name });
    let bytes: Uint8Array;
    if (template) {
      const filled = await this.templates.fillPlanTemplate(template.bytes, input, template.language);
      if (!filled.ok) throw new RequestError('TEMPLATE_REFUSED', 'The template cannot be filled', { issues: filled.check.issues.map((issue) => issue.code) });
      bytes = filled.bytes;
    } else {
      bytes = await renderDocument(this.renderer, planDocument(input), request.format);
    }
    return writeAndRecord(this.engagements, handle, target, bytes, { kind: 'audit-plan', revision, format: request.format, language, template: template?.fileName ?? '' });
  }
}
