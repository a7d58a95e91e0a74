import path from 'node:path';
import type { ProfileTemplate } from '../../shared/cb-profile/profile.ts';
import { RequestError } from '../../shared/contract/result.ts';
import type { TemplateCheckView, TemplateChoice } from '../../shared/contract/template-views.ts';
import { closingRecordDocument } from '../../shared/documents/closing-record-document.ts';
import { ncFormsDocument } from '../../shared/documents/nc-form-document.ts';
import type { NcFormsInput } from '../../shared/documents/nc-form-input.ts';
import type { DocumentLanguage } from '../../shared/documents/plan-input.ts';
import type { DocumentFormat, DocumentKind } from '../../shared/tables/document-tables.ts';
import { utcInstant } from '../../shared/time.ts';
import type { DocumentRenderer } from '../documents/index.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { renderDocument, writeAndRecord, type DocumentExportResult } from '../exports/index.ts';
import { keepTemplateInProfile, resolveTemplate, type TemplateService } from '../templates/index.ts';

export const NC_FORM_KIND = 'nc-form' satisfies DocumentKind;
export const CLOSING_RECORD_KIND = 'closing-meeting' satisfies DocumentKind;

export interface NcFormsRequest {
  readonly format: DocumentFormat;
  readonly language: DocumentLanguage;
  /** Absolute path of the file to write; with `perNonconformity`, the files are named after it plus each number. */
  readonly file: string;
  /** One file per nonconformity ("<name> MAJ-01.pdf" …) instead of one file with every form. */
  readonly perNonconformity: boolean;
  /** Word only: the CB's NC-form template to fill (a profile template's key, or an absolute path). */
  readonly template?: TemplateChoice;
}

export interface ClosingRecordRequest {
  readonly format: DocumentFormat;
  readonly language: DocumentLanguage;
  readonly file: string;
}

/** One file written: the nonconformity it holds ('' for all of them). */
export interface NcFormFile extends DocumentExportResult {
  readonly number: string;
}

export interface NcFormsResult {
  readonly revision: number;
  readonly template: string;
  readonly files: readonly NcFormFile[];
}

/** "NC forms.pdf" + "MAJ-01" → "NC forms MAJ-01.pdf" (characters a file name cannot hold become spaces). */
export function perNonconformityFile(file: string, number: string): string {
  const extension = path.extname(file);
  const base = path.basename(file, extension);
  const safe = number.replace(/[/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'NC';
  return path.join(path.dirname(file), `${base} ${safe}${extension}`);
}

/**
 * Exports the nonconformity reports and the closing meeting record like the audit plan: the next
 * revision of the kind from the register, the content from the engagement worker, rendered by the
 * document engine (or the NC forms filled into the CB's template in the template worker), written
 * durably, SHA-256 recorded in the change log. One file per nonconformity records each file under the
 * same revision.
 */
export class NcDocumentExporter {
  constructor(
    private readonly engagements: EngagementService,
    private readonly renderer: DocumentRenderer,
    private readonly templates: TemplateService,
  ) {}

  async checkTemplate(handle: string, choice: TemplateChoice, language: DocumentLanguage): Promise<TemplateCheckView> {
    const template = await resolveTemplate(this.engagements, handle, choice, language, NC_FORM_KIND);
    const check = await this.templates.checkTemplate(template.bytes, NC_FORM_KIND);
    return { ...check, fileName: template.fileName, language: template.language };
  }

  /**
   * Keeps an NC-form template the lead picked in the engagement's own copy of its CB profile (as the
   * plan's export keeps an audit plan template): checked first, then offered at every export and
   * carried to every team member's copy. The library's profile file is not touched.
   */
  async keepTemplate(handle: string, file: string, language: DocumentLanguage): Promise<ProfileTemplate> {
    await this.writable(handle);
    const template = await resolveTemplate(this.engagements, handle, { file }, language, NC_FORM_KIND);
    const check = await this.templates.checkTemplate(template.bytes, NC_FORM_KIND);
    if (!check.fillable) throw new RequestError('TEMPLATE_REFUSED', 'The template cannot be filled', { issues: check.issues.map((issue) => issue.code) });
    const kept = await keepTemplateInProfile(this.engagements, handle, template, NC_FORM_KIND);
    await this.engagements.refreshSummary(handle);
    return kept;
  }

  private async writable(handle: string): Promise<void> {
    if ((await this.engagements.summary(handle)).readOnly) throw new RequestError('READ_ONLY', 'This engagement is open read-only');
  }

  async exportForms(handle: string, request: NcFormsRequest): Promise<NcFormsResult> {
    await this.writable(handle);
    const template = request.template && request.format === 'docx' ? await resolveTemplate(this.engagements, handle, request.template, request.language, NC_FORM_KIND) : null;
    // A CB template written in Chinese gets the forms' labels in Chinese, whatever was chosen.
    const language: DocumentLanguage = template ? (template.language.startsWith('zh') ? 'zh-Hans' : 'en') : request.language;
    const me = this.engagements.me();
    const revision = await this.engagements.call(handle, 'nextRevision', NC_FORM_KIND);
    const input = await this.engagements.call(handle, 'ncFormsInput', { language, revision, issuedAt: utcInstant(), issuedBy: me.name });
    if (!input.forms.length) throw new RequestError('INVALID_VALUE', 'There is no nonconformity to print', { field: 'nonconformities', count: 0 });

    // A CB template without {#ncs} holds one nonconformity: it is filled once per nonconformity.
    let perNonconformity = request.perNonconformity;
    if (template) {
      const check = await this.templates.checkTemplate(template.bytes, NC_FORM_KIND);
      if (!check.fillable) throw new RequestError('TEMPLATE_REFUSED', 'The template cannot be filled', { issues: check.issues.map((issue) => issue.code) });
      if (!check.used.includes('ncs')) perNonconformity = true;
    }
    const parts: { number: string; input: NcFormsInput }[] = perNonconformity ? input.forms.map((form) => ({ number: form.number, input: { ...input, forms: [form] } })) : [{ number: '', input }];
    const targets = parts.map((part) => this.engagements.notOpen(part.number ? perNonconformityFile(request.file, part.number) : request.file, 'DESTINATION_OPEN'));

    // Everything is rendered before anything is written: a refusal leaves no half set of files.
    const rendered: Uint8Array[] = [];
    for (const part of parts) {
      if (template) {
        const filled = await this.templates.fillNcFormTemplate(template.bytes, part.input, template.language);
        if (!filled.ok) throw new RequestError('TEMPLATE_REFUSED', 'The template cannot be filled', { issues: filled.check.issues.map((issue) => issue.code) });
        rendered.push(filled.bytes);
      } else {
        rendered.push(await renderDocument(this.renderer, ncFormsDocument(part.input), request.format));
      }
    }
    const files: NcFormFile[] = [];
    for (const [index, part] of parts.entries()) {
      const written = await writeAndRecord(this.engagements, handle, targets[index]!, rendered[index]!, { kind: NC_FORM_KIND, revision, format: request.format, language, template: template?.fileName ?? '' });
      files.push({ ...written, number: part.number });
    }
    return { revision, template: template?.fileName ?? '', files };
  }

  async exportRecord(handle: string, request: ClosingRecordRequest): Promise<DocumentExportResult> {
    await this.writable(handle);
    const target = this.engagements.notOpen(request.file, 'DESTINATION_OPEN');
    const me = this.engagements.me();
    const revision = await this.engagements.call(handle, 'nextRevision', CLOSING_RECORD_KIND);
    const input = await this.engagements.call(handle, 'closingRecordInput', { language: request.language, revision, issuedAt: utcInstant(), issuedBy: me.name });
    const bytes = await renderDocument(this.renderer, closingRecordDocument(input), request.format);
    return writeAndRecord(this.engagements, handle, target, bytes, { kind: CLOSING_RECORD_KIND, revision, format: request.format, language: request.language, template: '' });
  }
}
