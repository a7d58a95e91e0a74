import path from 'node:path';
import type { ProfileTemplate } from '../../shared/cb-profile/profile.ts';
import type { ReportExportView, ReportRevisionView, ReviewPackageView } from '../../shared/contract/report-views.ts';
import { RequestError } from '../../shared/contract/result.ts';
import type { TemplateCheckView, TemplateChoice } from '../../shared/contract/template-views.ts';
import { closingRecordDocument } from '../../shared/documents/closing-record-document.ts';
import { ncFormsDocument } from '../../shared/documents/nc-form-document.ts';
import { planDocument } from '../../shared/documents/plan-document.ts';
import type { DocumentLanguage } from '../../shared/documents/plan-input.ts';
import type { ReportInput } from '../../shared/documents/report-input.ts';
import { auditReportDocument } from '../../shared/documents/report-document.ts';
import { gatePasses } from '../../shared/report/completeness.ts';
import { manifestJson, readmeText } from '../../shared/report/review-manifest.ts';
import { SELECTION_SPECIFICATION } from '../../shared/report/report-sampling.ts';
import { hasSamples, samplesTable } from '../../shared/report/review-samples.ts';
import { conclusionsTable, evidenceIndexSheets, findingsTable, planTable, type ReviewTable } from '../../shared/report/review-tables.ts';
import type { DocumentFormat, DocumentKind } from '../../shared/tables/document-tables.ts';
import { utcInstant } from '../../shared/time.ts';
import type { DocumentRenderer } from '../documents/index.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { exportView, renderDocument, writeAndRecord } from '../exports/index.ts';
import type { JobProgress } from '../jobs/job-context.ts';
import { writeFileDurably } from '../platform/durable-write.ts';
import { docxSignatureFileNames, signDocx, signPdf, type SigningService, type UnlockedSigner } from '../signing/index.ts';
import { keepTemplateInProfile, resolveTemplate, type TemplateService } from '../templates/index.ts';
import { ReviewZip, type ZipEntryRecord } from './review-zip.ts';
import { reviewWorkbook } from './review-workbook.ts';

export const REPORT_KIND = 'audit-report' satisfies DocumentKind;
export const REPORT_DRAFT_KIND = 'audit-report-draft' satisfies DocumentKind;
export const REVIEW_PACKAGE_KIND = 'review-package' satisfies DocumentKind;
const REGISTER_KINDS: readonly DocumentKind[] = [REPORT_KIND, REPORT_DRAFT_KIND, REVIEW_PACKAGE_KIND];

export interface ReportExportRequest {
  readonly format: DocumentFormat;
  readonly language: DocumentLanguage;
  /** Absolute path of the file to write. */
  readonly file: string;
  /** Marked DRAFT on every page, allowed while the gate lists items; recorded as a draft of the next revision. */
  readonly draft: boolean;
  /** With the evidence annex (the photos' report copies). */
  readonly photos: boolean;
  /** Word only: the CB's report template to fill (a profile template's key, or an absolute path). */
  readonly template?: TemplateChoice;
  /** Issue 19: sign the issued report (never a draft) — the role printed in the signature block, the key file's passphrase. */
  readonly sign?: { readonly role: string; readonly passphrase?: string | undefined };
}

export interface ReviewPackageRequest {
  readonly language: DocumentLanguage;
  readonly file: string;
  readonly photos: boolean;
}

/** What the exports return before the host turns the path into what the user sees. */
export type ReportExportResult = Omit<ReportExportView, 'downloadUrl'>;
export type ReviewPackageResult = Omit<ReviewPackageView, 'downloadUrl'>;

type Progress = (progress: JobProgress) => void;

/**
 * Exports the audit report and the technical-review package (issue 18), on the main thread like the
 * plan's and the NC forms' exports: the content from the engagement worker (`reportInput`), rendered
 * by the document engine or filled into the CB's report template, written durably, recorded in the
 * register with its SHA-256 (every export is a change-log entry).
 *
 * Revisions: an issued report is the next 'audit-report' revision; a draft is recorded as
 * 'audit-report-draft' with the revision the next issued report will have, so drafts never use one up.
 * A final report and the package are refused (REPORT_INCOMPLETE, params.count = the blocking items)
 * until the completeness gate passes.
 */
export class ReportExporter {
  constructor(
    private readonly engagements: EngagementService,
    private readonly renderer: DocumentRenderer,
    private readonly templates: TemplateService,
    /** The host's signing service, asked for when a report is signed (null: this host cannot sign). */
    private readonly signing: (() => SigningService) | null = null,
  ) {}

  async checkTemplate(handle: string, choice: TemplateChoice, language: DocumentLanguage): Promise<TemplateCheckView> {
    const template = await resolveTemplate(this.engagements, handle, choice, language, REPORT_KIND);
    return { ...(await this.templates.checkTemplate(template.bytes, REPORT_KIND)), fileName: template.fileName, language: template.language };
  }

  /** Keeps a picked report template in the engagement's copy of its CB profile, once it is known to fill. */
  async keepTemplate(handle: string, file: string, language: DocumentLanguage): Promise<ProfileTemplate> {
    await this.writable(handle);
    const template = await resolveTemplate(this.engagements, handle, { file }, language, REPORT_KIND);
    await this.fillable(template.bytes);
    const kept = await keepTemplateInProfile(this.engagements, handle, template, REPORT_KIND);
    await this.engagements.refreshSummary(handle);
    return kept;
  }

  async export(handle: string, request: ReportExportRequest, onProgress: Progress = () => undefined): Promise<ReportExportResult> {
    const progress = progressOf(onProgress, 3);
    progress(0, 'reading');
    await this.writable(handle);
    const target = this.engagements.notOpen(request.file, 'DESTINATION_OPEN');
    if (!request.draft) await this.gatePasses(handle);
    const template = request.template && request.format === 'docx' ? await resolveTemplate(this.engagements, handle, request.template, request.language, REPORT_KIND) : null;
    // A CB template written in Chinese gets the report's words in Chinese, whatever was chosen.
    const language: DocumentLanguage = template ? (template.language.startsWith('zh') ? 'zh-Hans' : 'en') : request.language;
    const revision = await this.engagements.call(handle, 'nextRevision', REPORT_KIND);
    // The key is opened before anything is rendered: a wrong passphrase costs the user no wait.
    const signer = request.sign && !request.draft ? await this.signer(request.sign.passphrase) : null;
    // Whole seconds: the signature's signingTime has no more, and the page prints the same instant.
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const signatureFiles = signer && request.format === 'docx' ? docxSignatureFileNames(target) : null;
    const content = await this.engagements.call(handle, 'reportInput', { ...this.identity(language, revision), draft: request.draft, photos: request.photos });
    const input: ReportInput = signer
      ? {
          ...content,
          digitalSignature: {
            signer: signer.identity.name,
            organisation: signer.identity.organisation,
            role: request.sign?.role ?? '',
            signedAt: signedAt.toISOString(),
            fingerprint: signer.identity.fingerprint,
            format: request.format === 'pdf' ? 'pdf' : 'docx',
            signatureFile: signatureFiles ? path.basename(signatureFiles.p7s) : '',
          },
        }
      : content;

    progress(1, 'rendering');
    let bytes: Uint8Array;
    if (template) {
      const filled = await this.templates.fillReportTemplate(template.bytes, input, template.language);
      if (!filled.ok) throw refused(filled.check.issues);
      bytes = filled.bytes;
    } else {
      bytes = await renderDocument(this.renderer, auditReportDocument(input), request.format);
    }

    if (signer && request.format === 'pdf') {
      bytes = await signPdf(bytes, signer.key, { reason: `Audit report ${input.audit.reference}, revision ${revision}`, signingTime: signedAt });
    }

    progress(2, 'writing');
    const kind = request.draft ? REPORT_DRAFT_KIND : REPORT_KIND;
    const written = await writeAndRecord(this.engagements, handle, target, bytes, { kind, revision, format: request.format, language, template: template?.fileName ?? '' });
    if (signer && signatureFiles) {
      const engagementId = (await this.engagements.summary(handle)).engagementId;
      const chainHeads = await this.engagements.call(handle, 'engagementState');
      const signature = await signDocx(
        bytes,
        { engagement: { id: engagementId, client: input.client.name, reference: input.audit.reference }, document: { revision, fileName: path.basename(target), language }, chainHeads },
        signer.key,
        signedAt,
      );
      writeFileDurably(signatureFiles.p7s, signature.p7s);
      writeFileDurably(signatureFiles.manifest, signature.manifest);
      writeFileDurably(signatureFiles.manifestP7s, signature.manifestP7s);
    }
    progress(3, 'writing');
    const signature = signer
      ? { signer: signer.identity.name, fingerprint: signer.identity.fingerprint, signedAt: signedAt.toISOString(), files: signatureFiles ? [signatureFiles.p7s, signatureFiles.manifest, signatureFiles.manifestP7s] : [] }
      : null;
    return { ...written, draft: request.draft, signature };
  }

  private async signer(passphrase: string | undefined): Promise<UnlockedSigner> {
    if (!this.signing) throw new RequestError('NOT_SUPPORTED', 'Signing is not available here');
    return this.signing().unlock(passphrase);
  }

  /**
   * The technical-review package: one zip with the issued report (PDF and .docx, recorded as the next
   * revision, both under the same number), the plan, the NC forms, the closing meeting record, the
   * evidence index, and the findings, plan and conclusions as JSON and workbooks, with a manifest.
   * The plan, the NC forms and the meeting record carry the revision last issued of their kind (1
   * when none was): the package copies them for the reviewer, it does not issue them again.
   */
  async exportPackage(handle: string, request: ReviewPackageRequest, onProgress: Progress = () => undefined): Promise<ReviewPackageResult> {
    const progress = progressOf(onProgress, 6);
    progress(0, 'reading');
    await this.writable(handle);
    const target = this.engagements.notOpen(request.file, 'DESTINATION_OPEN');
    await this.gatePasses(handle);
    const { language } = request;
    const revision = await this.engagements.call(handle, 'nextRevision', REPORT_KIND);
    const packageRevision = await this.engagements.call(handle, 'nextRevision', REVIEW_PACKAGE_KIND);
    const copied = async (kind: DocumentKind) => this.identity(language, Math.max(1, (await this.engagements.call(handle, 'nextRevision', kind)) - 1));
    const report = await this.engagements.call(handle, 'reportInput', { ...this.identity(language, revision), draft: false, photos: request.photos });
    const plan = await this.engagements.call(handle, 'planDocumentInput', await copied('audit-plan'));
    const ncForms = await this.engagements.call(handle, 'ncFormsInput', await copied('nc-form'));
    const closing = await this.engagements.call(handle, 'closingRecordInput', await copied('closing-meeting'));
    const evidence = await this.engagements.call(handle, 'reviewEvidenceIndex');

    // Each document goes into the zip as soon as it is rendered and is dropped then.
    const zip = new ReviewZip();
    progress(1, 'rendering');
    const [reportPdf, reportDocx] = await this.addReport(zip, report, () => progress(2, 'rendering'));
    progress(3, 'rendering');
    zip.add('audit-plan.pdf', await renderDocument(this.renderer, planDocument(plan), 'pdf'));
    if (ncForms.forms.length) zip.add('nc-forms.pdf', await renderDocument(this.renderer, ncFormsDocument(ncForms), 'pdf'));
    zip.add('closing-meeting.pdf', await renderDocument(this.renderer, closingRecordDocument(closing), 'pdf'));
    progress(4, 'rendering');
    zip.add('evidence-index.xlsx', await reviewWorkbook(evidenceIndexSheets(evidence)));
    const tables: [string, ReviewTable][] = [
      ['findings', findingsTable(report)],
      ['plan', planTable(report, plan)],
      ['conclusions', conclusionsTable(report)],
    ];
    // Record samples (issue 20): their items and results, and each selection record to recompute it.
    const samples = hasSamples(report) ? samplesTable(report, await this.engagements.call(handle, 'reviewSampleSelections'), SELECTION_SPECIFICATION) : null;
    if (samples) tables.push(['samples', samples]);
    for (const [name, table] of tables) {
      zip.add(`${name}.json`, new TextEncoder().encode(`${JSON.stringify(table.json, null, 2)}\n`));
      zip.add(`${name}.xlsx`, await reviewWorkbook(table.sheets));
    }
    for (const [name, record] of samples?.records ?? []) zip.add(name, new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`));
    const about = {
      reference: report.audit.reference,
      client: report.client.name,
      auditType: report.audit.typeLabel,
      reportRevision: revision,
      language,
      createdAt: report.document.issuedAt,
      createdBy: report.document.issuedBy,
    };
    zip.add('manifest.json', new TextEncoder().encode(manifestJson(about, zip.entries)));
    zip.add('README.txt', new TextEncoder().encode(readmeText(about, zip.entries)));

    progress(5, 'writing');
    const bytes = zip.finish();
    const written = await writeAndRecord(this.engagements, handle, target, bytes, { kind: REVIEW_PACKAGE_KIND, revision: packageRevision, format: 'zip', language, template: '' });
    // The report inside is issued: both renderings recorded under the one revision, named as found in the zip.
    for (const [entry, format] of [
      [reportPdf, 'pdf'],
      [reportDocx, 'docx'],
    ] as const) {
      await this.engagements.change(handle, 'recordExport', {
        kind: REPORT_KIND,
        revision,
        format,
        language,
        template: '',
        fileName: `${path.basename(target)}/${entry.name}`,
        sha256: entry.sha256,
        size: entry.size,
        byName: this.engagements.me().name,
      });
    }
    progress(6, 'writing');
    return { ...written, reportRevision: revision, entries: zip.entries.map((entry) => entry.name) };
  }

  /** The issued report into the package as PDF and .docx, from one model (dropped once both are in). */
  private async addReport(zip: ReviewZip, report: ReportInput, between: () => void): Promise<[ZipEntryRecord, ZipEntryRecord]> {
    const model = auditReportDocument(report);
    const pdf = zip.add('audit-report.pdf', await renderDocument(this.renderer, model, 'pdf'));
    between();
    return [pdf, zip.add('audit-report.docx', await renderDocument(this.renderer, model, 'docx'))];
  }

  /** The report's register: issued revisions, drafts and review packages, newest first. */
  async revisions(handle: string): Promise<ReportRevisionView[]> {
    const rows = (await this.engagements.call(handle, 'listExports')).filter((row) => REGISTER_KINDS.includes(row.kind));
    return rows
      .sort((a, b) => b.added_at.localeCompare(a.added_at) || b.revision - a.revision)
      .map((row) => ({ ...exportView(row), kind: row.kind as ReportRevisionView['kind'], draft: row.kind === REPORT_DRAFT_KIND }));
  }

  private identity(language: DocumentLanguage, revision: number) {
    return { language, revision, issuedAt: utcInstant(), issuedBy: this.engagements.me().name };
  }

  // An export is recorded in the engagement: a read-only file could write the report but never record it.
  private async writable(handle: string): Promise<void> {
    if ((await this.engagements.summary(handle)).readOnly) throw new RequestError('READ_ONLY', 'This engagement is open read-only');
  }

  private async gatePasses(handle: string): Promise<void> {
    const { items } = await this.engagements.call(handle, 'reportGate');
    if (!gatePasses(items)) {
      const blocking = items.filter((item) => item.blocking);
      throw new RequestError('REPORT_INCOMPLETE', 'The report is not complete: export a draft, or fix what the check lists', { count: blocking.length });
    }
  }

  private async fillable(bytes: Uint8Array): Promise<void> {
    const check = await this.templates.checkTemplate(bytes, REPORT_KIND);
    if (!check.fillable) throw refused(check.issues);
  }
}

const refused = (issues: readonly { readonly code: string }[]): RequestError => new RequestError('TEMPLATE_REFUSED', 'The template cannot be filled', { issues: issues.map((issue) => issue.code) });

/** Progress as steps of a known number, each in its phase: reading, rendering, writing. */
const progressOf =
  (onProgress: Progress, total: number) =>
  (done: number, phase: 'reading' | 'rendering' | 'writing'): void =>
    onProgress({ jobId: '', done, total, phase });
