/**
 * What every audit report shares, whatever the audit type: the cover with its key facts (and the
 * DRAFT note), the contents, numbered sections, the sampling disclaimer and confidentiality, the
 * signatures with the signatories' drawn signatures, the evidence-photo annex, and the document frame
 * the NC forms and the closing meeting record use (identity, branding, page, running header and
 * footer), with the DRAFT watermark when the report is a draft.
 */
import type { ReportField } from '../cb-profile/profile.ts';
import { auditDayOf, isIanaTimeZone } from '../time.ts';
import { fixedText, type FixedText, type FixedTextKey } from './fixed-text.ts';
import { formatDate, formatDateRange, formatInstant } from './format.ts';
import { contentsOf, field, heading, lines, paragraph, pageBreak, run, title, type Block, type DocumentModel, type FormRow, type ImageBlock, type Inline, type KeyValueBlock } from './model.ts';
import { closingDocumentFrame, signatureImage } from './nc-form-document.ts';
import type { DocumentLanguage } from './plan-input.ts';
import type { ReportInput, ReportPhoto } from './report-input.ts';

/** What each section builder needs: the input, its language and fixed texts, the engagement's time zone. */
export interface ReportContext {
  readonly input: ReportInput;
  readonly language: DocumentLanguage;
  readonly t: FixedText;
  readonly timeZone: string;
}

export function reportContext(input: ReportInput): ReportContext {
  const language = input.document.language;
  return { input, language, t: fixedText(language), timeZone: isIanaTimeZone(input.audit.timeZone) ? input.audit.timeZone : 'UTC' };
}

/** Whether the CB's profile asks the report for a field beyond 17021-1 (Chinese practice). */
export const asks = (ctx: ReportContext, reportField: ReportField): boolean => ctx.input.requiredFields.includes(reportField);

/** A section of the report: its title (numbered when assembled) and its blocks. */
export type ReportSection = readonly [title: string, blocks: readonly Block[]];

/** Text as the team typed it, line by line; none when it is empty. */
export const typed = (value: string): Inline[] => (value.trim() ? lines(value) : []);

/** A key-value table; rows whose value is null are left out, an empty value says "Not recorded". */
export function facts(ctx: ReportContext, rows: readonly (readonly [string, string | readonly Inline[] | null])[], keyWidth = 0.28): KeyValueBlock {
  return {
    kind: 'keyValue',
    keyWidth: { fraction: keyWidth },
    rows: rows.flatMap(([key, value]) => {
      if (value === null) return [];
      const content = typeof value === 'string' ? typed(value) : value;
      const blank = content.every((text) => text.every((part) => !part.text.trim()));
      return [{ key, value: blank ? [[run(ctx.t('report.notRecorded'), { italic: true })]] : content }];
    }),
  };
}

/** A sentence an auditor writes where a section has nothing to show ("None identified."). */
export const noneSentence = (ctx: ReportContext, key: FixedTextKey): Block => paragraph(ctx.t(key));

/** The certification body and the client by name, or as "the certification body" where the name is not recorded yet. */
export const bodyName = (ctx: ReportContext): string => ctx.input.certificationBody.name.trim() || ctx.t('report.theBody');
export const clientName = (ctx: ReportContext): string => ctx.input.client.name.trim() || ctx.t('report.theClient');

/** The lead auditor, as the team lists them. */
export const leadName = (input: ReportInput): string => input.team.find((member) => member.role === 'lead')?.name ?? '';

/** "Draft of revision 2, 7 Dec 2026 14:05, Dana Whitfield": what a draft says instead of "Issued … by …". */
function draftLine(ctx: ReportContext, when: string): string {
  const { input, t } = ctx;
  const name = input.document.issuedBy.trim();
  return t(name ? 'report.draftLine' : 'report.draftLineNoName', { revision: input.document.revision, date: when, name });
}

function cover(ctx: ReportContext, documentTitle: string): Block[] {
  const { input, t, language } = ctx;
  const subtitle = input.client.name.trim() && input.audit.typeLabel.trim() ? t('report.cover.subtitle', { client: input.client.name.trim(), auditType: input.audit.typeLabel.trim() }) : input.client.name.trim() || input.audit.typeLabel.trim() || null;
  // The cover gives the day of issue; the footer keeps the minute.
  const issued = formatDate(auditDayOf(Date.parse(input.document.issuedAt), ctx.timeZone), language);
  const issuedBy = input.document.issuedBy.trim();
  const blocks: Block[] = [title(documentTitle, subtitle)];
  if (input.draft) blocks.push(paragraph([run(t('report.cover.draft'), { bold: true })], { tone: 'lead' }));
  blocks.push(
    facts(ctx, [
      [t('report.cover.client'), [[run(input.client.name, { bold: true })]]],
      [t('report.cover.auditType'), input.audit.typeLabel],
      [t('report.cover.standard'), input.audit.standard],
      [t('report.cover.dates'), formatDateRange(input.audit.startDate, input.audit.endDate, language)],
      [t('report.cover.reference'), input.audit.reference],
      [t('report.cover.certificationBody'), input.certificationBody.name],
      [t('report.cover.lead'), leadName(input)],
      // A draft is not issued: it names the revision it prepares, when and by whom it was exported.
      [t('report.cover.revision'), input.draft ? draftLine(ctx, issued) : t('engine.revision', { revision: input.document.revision })],
      [t('report.cover.issued'), input.draft ? null : issuedBy ? t('report.cover.issuedValue', { date: issued, name: issuedBy }) : issued],
    ]),
  );
  return blocks;
}

/** The photos of the evidence annex: one image block each, about two to an A4 page. */
function photoAnnex(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  if (!input.photos.length) return [];
  const image = (photo: ReportPhoto, index: number): ImageBlock => {
    const title = t('report.photos.caption', { number: index + 1, caption: photo.caption.trim() || t('report.notRecorded') });
    const details = [
      ...(photo.takenAt.trim() ? [t('report.photos.taken', { when: photo.takenAt.trim() })] : []),
      ...(photo.usedIn.trim() ? [t('report.photos.usedIn', { where: photo.usedIn.trim() })] : []),
    ];
    // About two photos to an A4 page, never wider than the text.
    return { kind: 'image', dataUrl: photo.dataUrl, widthPx: photo.widthPx, heightPx: photo.heightPx, maxWidthMm: 160, maxHeightMm: 100, caption: [title, ...details].join('\n'), description: title };
  };
  return [pageBreak(), heading(1, t('report.section.photos')), paragraph(t('report.photos.intro'), { tone: 'note' }), ...input.photos.map(image)];
}

/** The sampling disclaimer (17021-1 9.4.8) and the report's confidentiality. */
export function disclaimerSection(ctx: ReportContext): ReportSection {
  const { t } = ctx;
  return [
    t('report.section.disclaimer'),
    [
      paragraph(t('report.disclaimer.sampling')),
      paragraph(t('report.disclaimer.findings')),
      paragraph(t('report.disclaimer.confidentiality', { body: bodyName(ctx), client: clientName(ctx) })),
    ],
  ];
}

/** The signatories, each with their drawn signature when there is one, or room to sign by hand. */
export function signatureSection(ctx: ReportContext): ReportSection {
  const { input, t, language } = ctx;
  const date = formatDate(auditDayOf(Date.parse(input.document.issuedAt), ctx.timeZone), language);
  const label = (text: string) => field('', [[run(text, { bold: true })]], { shaded: true });
  const signatories = input.signatories.length ? input.signatories : [{ name: '', signature: null, role: t('report.sign.lead'), registrationNumber: '' }];
  const rows: FormRow[] = [
    { kind: 'fields', fields: [label(t('engine.signature.role')), label(t('engine.signature.name')), label(t('engine.signature.signature')), label(t('engine.signature.date'))] },
    ...signatories.map(
      (person): FormRow => ({
        kind: 'fields',
        minHeightMm: 18,
        fields: [
          field('', person.role),
          field('', [[run(person.name, { bold: true })], ...(person.registrationNumber.trim() ? [[run(person.registrationNumber.trim())]] : [])]),
          // A draft is not signed: its signature boxes stay empty.
          field('', [], { image: input.draft ? null : signatureImage(person.signature, person.name, t) }),
          field('', person.name.trim() && !input.draft ? date : ''),
        ],
      }),
    ),
  ];
  return [
    t('report.section.signatures'),
    [paragraph(t('report.sign.intro')), { kind: 'form', columns: [{ fraction: 0.26 }, { fraction: 0.28 }, { fraction: 0.3 }, { fraction: 0.16 }], rows }, ...digitalSignatureBlocks(ctx)],
  ];
}

/** A SHA-256 fingerprint as two lines of 16 pairs, so it never breaks inside a pair (readers compare it pair by pair). */
function fingerprintLines(fingerprint: string): string {
  const pairs = fingerprint.split(':');
  return pairs.length === 32 ? `${pairs.slice(0, 16).join(':')}:\n${pairs.slice(16).join(':')}` : fingerprint;
}

/** The digital signature the issued file carries: signer, role, the claimed time in UTC, the certificate's fingerprint. */
function digitalSignatureBlocks(ctx: ReportContext): Block[] {
  const { input, t, language } = ctx;
  const signature = input.digitalSignature;
  if (!signature || input.draft) return [];
  const label = (text: string) => field('', [[run(text, { bold: true })]], { shaded: true });
  const row = (labelText: string, value: readonly Inline[] | string): FormRow => ({ kind: 'fields', fields: [label(labelText), field('', value)] });
  const signer = signature.organisation.trim() ? `${signature.signer} (${signature.organisation})` : signature.signer;
  return [
    heading(3, t('report.sign.digital')),
    paragraph(signature.format === 'pdf' ? t('report.sign.digitalPdf', { format: 'PDF', method: 'CMS, CAdES-detached' }) : t('report.sign.digitalDocx', { format: 'Word', file: signature.signatureFile })),
    {
      kind: 'form',
      columns: [{ fraction: 0.3 }, { fraction: 0.7 }],
      rows: [
        row(t('report.sign.signer'), [[run(signer, { bold: true })]]),
        ...(signature.role.trim() ? [row(t('report.sign.role'), signature.role)] : []),
        row(t('report.sign.time'), t('report.sign.timeValue', { time: formatInstant(signature.signedAt, 'UTC', language), zone: 'UTC' })),
        row(t('report.sign.fingerprint', { algorithm: 'SHA-256' }), fingerprintLines(signature.fingerprint)),
      ],
    },
  ];
}

/**
 * The report as a document: the cover and contents on the first page, the sections numbered from 1,
 * the photo annex, in the shared document frame; "DRAFT" across every page of a draft.
 */
export function assembleReport(ctx: ReportContext, documentTitle: string, sections: readonly ReportSection[]): DocumentModel {
  const { input, t, language } = ctx;
  const body: Block[] = [...sections.flatMap(([text, blocks], index) => [heading(1, `${index + 1}  ${text}`), ...blocks]), ...photoAnnex(ctx)];
  const blocks: Block[] = [...cover(ctx, documentTitle), contentsOf(body, t('engine.contents'), 1), pageBreak(), ...body];
  const model = closingDocumentFrame({ kind: 'audit-report', title: documentTitle, runningTitle: documentTitle, input, language, timeZone: ctx.timeZone, blocks });
  if (!input.draft) return model;
  const footerLeft = draftLine(ctx, formatInstant(input.document.issuedAt, ctx.timeZone, language));
  return { ...model, watermark: t('report.watermark'), running: { ...model.running, footerLeft } };
}
