/**
 * The nonconformity report (不符合报告): one form per nonconformity, each starting on a new page, laid
 * out as a CB's NC form — the audit, the nonconformity (number, grade, clauses, the auditee's
 * procedure), the statement in its three parts, the deadlines, the auditee's acknowledgement, then
 * boxes with room for the auditee's correction, root cause analysis and corrective action, its
 * signature and company seal, and the certification body's verification. A pure function of
 * `NcFormsInput`.
 */
import { isIanaTimeZone } from '../time.ts';
import { FIXED_TEXTS, fixedText, type FixedText } from './fixed-text.ts';
import { formatDate, formatInstant, joinList, pageNumberParts } from './format.ts';
import { field, line, pageBreak, run, title, type Block, type DocumentModel, type FormBlock, type FormField, type FormImage, type FormRow, type Inline, type Width } from './model.ts';
import type { NcAcknowledgement, NcFormItem, NcFormsInput, SignatureDataUrl } from './nc-form-input.ts';
import type { DocumentLanguage } from './plan-input.ts';

export const NC_FORM_PAGE = { size: 'A4', orientation: 'portrait', marginsMm: { top: 27, right: 16, bottom: 19, left: 16 } } as const;
/** Label, value, label, value. */
const COLUMNS: readonly Width[] = [{ fraction: 0.19 }, { fraction: 0.31 }, { fraction: 0.19 }, { fraction: 0.31 }];
/** Room to write by hand: the auditee's three answers, the verification's evidence, the seal. */
const WRITING_MM = { answer: 32, evidence: 22, signature: 24, seal: 34 } as const;

/** Past this, a box's text is long enough to fill its room and may break across pages. */
const LONG_ANSWER_CHARS = 600;

const CHECKED = '■';
const UNCHECKED = '□';

/** A drawn signature as a form prints it (about a signature's size on paper). */
export function signatureImage(dataUrl: SignatureDataUrl, name: string, t: FixedText): FormImage | null {
  return dataUrl ? { dataUrl, heightMm: 13, maxWidthMm: 48, description: t('ncForm.signatureOf', { name }) } : null;
}

/** The audit's dates: one day, or first to last ("15 Mar 2027 – 17 Mar 2027", "2027年3月15日至2027年3月17日"). */
export function auditDates(start: string, end: string, language: DocumentLanguage): string {
  if (!end || start === end) return formatDate(start, language);
  return language === 'en' ? `${formatDate(start, language)} – ${formatDate(end, language)}` : `${formatDate(start, language)}至${formatDate(end, language)}`;
}

const optionalDate = (date: string | null | undefined, language: DocumentLanguage): string => (date ? formatDate(date, language) : '');
const text = (value: string): readonly Inline[] => (value.trim() ? value.trim().split(/\r?\n/).map((part) => line(part.trimEnd() || '\u00a0')) : []);
const fields = (boxes: readonly FormField[], options: { minHeightMm?: number; breakable?: boolean } = {}): FormRow => ({ kind: 'fields', fields: boxes, ...options });
const section = (heading: string): FormRow => ({ kind: 'section', text: heading });
const label = (caption: string): FormField => field('', [[run(caption)]], { shaded: true });

function acknowledgementRows(ack: NcAcknowledgement | null, t: FixedText, language: DocumentLanguage): FormRow[] {
  if (ack?.status === 'declined') {
    return [
      fields([field(t('ncForm.ackSignature'), [[run(t('ncForm.ackDeclined', { reason: ack.reason.trim() }), { bold: true })]], { span: 4 })]),
      fields([label(t('ncForm.ackName')), field('', ack.name), label(t('ncForm.ackDate')), field('', optionalDate(ack.date, language))]),
    ];
  }
  if (ack?.status === 'signed') {
    return [
      fields([
        field(t('ncForm.ackSignature'), ack.signature ? [] : [line(t('ncForm.ackSignedOnScreen'))], { span: 2, image: signatureImage(ack.signature, ack.name, t) }),
        field(t('ncForm.ackName'), [[run(ack.name, { bold: true })], ...(ack.role.trim() ? [line(ack.role.trim())] : [])]),
        field(t('ncForm.ackDate'), optionalDate(ack.date, language)),
      ]),
    ];
  }
  // Not acknowledged yet: an empty box to sign on paper, with name and date to fill in.
  return [
    fields(
      [field(t('ncForm.ackSignature'), [], { span: 2 }), field(t('ncForm.ackName'), []), field(t('ncForm.ackDate'), [])],
      { minHeightMm: WRITING_MM.signature },
    ),
  ];
}

function deadlineRows(form: NcFormItem, t: FixedText, language: DocumentLanguage): FormRow[] {
  const { response, verification, verificationBy } = form.deadlines;
  const rule =
    verificationBy === 'stage2-six-months' ? t('ncForm.rule.stage2') : verificationBy === 'before-expiry' ? t('ncForm.rule.expiry') : verificationBy === 'profile' ? t('ncForm.rule.profile') : '';
  return [
    fields([
      label(t('ncForm.responseDue')),
      field('', [[run(response ? formatDate(response, language) : t('ncForm.noDeadline'), { bold: response !== null })]]),
      label(t('ncForm.verificationDue')),
      field('', [[run(verification ? formatDate(verification, language) : t('ncForm.noDeadline'), { bold: verification !== null })], ...(rule ? [[run(rule, { italic: true })]] : [])]),
    ]),
  ];
}

function clientRows(form: NcFormItem, t: FixedText, language: DocumentLanguage): FormRow[] {
  const response = form.response;
  // A short answer (or none) leaves room to write by hand; a long one may run onto the next page.
  const answer = (caption: string, value: string | undefined): FormRow =>
    fields([field(caption, text(value ?? ''), { span: 4 })], (value ?? '').length > LONG_ANSWER_CHARS ? { breakable: true } : { minHeightMm: WRITING_MM.answer });
  return [
    answer(t('ncForm.correction'), response?.correction),
    answer(t('ncForm.rootCause'), response?.rootCause),
    answer(t('ncForm.correctiveAction'), response?.action),
    fields([
      label(t('ncForm.correctionDue')),
      field('', optionalDate(response?.correctionDue, language)),
      label(t('ncForm.actionDue')),
      field('', optionalDate(response?.actionDue, language)),
    ]),
    fields([label(t('ncForm.owner')), field('', response?.owner ?? '', { span: 3 })]),
    fields([field(t('ncForm.clientSignature'), [], { span: 2 }), field(t('ncForm.seal'), [], { span: 2 })], { minHeightMm: WRITING_MM.seal }),
  ];
}

const METHODS = ['document_review', 'on_site', 'remote', 'next_audit'] as const;

function verificationRows(form: NcFormItem, t: FixedText, language: DocumentLanguage): FormRow[] {
  const done = form.verification;
  const box = (checked: boolean, caption: string): string => `${checked ? CHECKED : UNCHECKED} ${caption}`;
  const methods = METHODS.map((method) => box(done?.method === method, t(`ncForm.method.${method}`))).join('    ');
  const effective = [box(done?.effectiveness === 'effective', t('ncForm.effective')), box(done?.effectiveness === 'not_effective', t('ncForm.notEffective'))].join('    ');
  return [
    fields([label(t('ncForm.verificationMethod')), field('', methods, { span: 3 })]),
    fields([field(t('ncForm.verificationEvidence'), text(done?.evidence ?? ''), { span: 4 })], (done?.evidence ?? '').length > LONG_ANSWER_CHARS ? { breakable: true } : { minHeightMm: WRITING_MM.evidence }),
    fields([label(t('ncForm.effectiveness')), field('', effective, { span: 3 })]),
    fields([label(t('ncForm.verifier')), field('', done?.verifier ?? ''), label(t('ncForm.verifiedOn')), field('', optionalDate(done?.verifiedOn, language))], { minHeightMm: 12 }),
  ];
}

/** One nonconformity's form. */
export function ncForm(input: NcFormsInput, form: NcFormItem): FormBlock {
  const language = input.document.language;
  const t = fixedText(language);
  const audit = input.audit;
  const rows: FormRow[] = [
    section(t('ncForm.section.audit')),
    fields([label(t('ncForm.client')), field('', [[run(input.client.name, { bold: true })]], { span: 3 })]),
    fields([label(t('ncForm.auditType')), field('', audit.typeLabel), label(t('ncForm.auditDates')), field('', auditDates(audit.startDate, audit.endDate, language))]),
    fields([label(t('ncForm.standard')), field('', audit.standard), label(t('ncForm.reference')), field('', audit.reference)]),
    fields([label(t('ncForm.number')), field('', [[run(form.number, { bold: true })]]), label(t('ncForm.grade')), field('', [[run(form.gradeName, { bold: true })]])]),
    fields([label(t('ncForm.clauses')), field('', joinList(form.clauses, language)), label(t('ncForm.procedure')), field('', form.procedure)]),
    fields([label(t('ncForm.process')), field('', form.process), label(t('ncForm.auditeeRepresentative')), field('', form.auditeeRepresentative)]),
    section(t('ncForm.section.statement')),
    fields([field(t('ncForm.requirement'), text(form.requirement), { span: 4 })], { breakable: true }),
    fields([field(t('ncForm.evidence'), text(form.evidence), { span: 4 })], { breakable: true }),
    fields([field(t('ncForm.notFulfilled'), text(form.notFulfilled), { span: 4 })], { breakable: true }),
    fields([
      field(t('ncForm.raisedBy'), [[run(form.raisedBy.name, { bold: true })], line(optionalDate(form.raisedOn, language))], { span: 2, image: signatureImage(form.raisedBy.signature, form.raisedBy.name, t) }),
      field(t('ncForm.signedLead'), [[run(input.lead.name, { bold: true })]], { span: 2, image: signatureImage(input.lead.signature, input.lead.name, t) }),
    ]),
    section(t('ncForm.section.deadlines')),
    ...deadlineRows(form, t, language),
    section(t('ncForm.section.acknowledgement')),
    ...acknowledgementRows(form.acknowledgement, t, language),
    section(t('ncForm.section.client')),
    ...clientRows(form, t, language),
    section(t('ncForm.section.verification')),
    ...verificationRows(form, t, language),
  ];
  return { kind: 'form', columns: COLUMNS, rows };
}

/**
 * The forms of `input.forms`, one after another, each from the top of a page. An export "one file
 * per nonconformity" passes one form at a time.
 */
export function ncFormsDocument(input: NcFormsInput): DocumentModel {
  const language = input.document.language;
  const t = fixedText(language);
  const timeZone = isIanaTimeZone(input.audit.timeZone) ? input.audit.timeZone : 'UTC';
  const blocks: Block[] = [];
  input.forms.forEach((form, index) => {
    if (index > 0) blocks.push(pageBreak());
    blocks.push(title(t('ncForm.title'), t('ncForm.subtitle', { number: form.number, grade: form.gradeName })), ncForm(input, form));
  });
  const numbers = input.forms.length === 1 ? ` ${input.forms[0]!.number}` : '';
  return closingDocumentFrame({ kind: 'nc-form', title: `${t('ncForm.title')}${numbers}`, runningTitle: t('ncForm.title'), input, language, timeZone, blocks });
}

/** What the NC forms, the closing meeting record and the audit report share: identity, branding, page and running header/footer. */
export function closingDocumentFrame(frame: {
  readonly kind: 'nc-form' | 'closing-meeting' | 'audit-report';
  readonly title: string;
  readonly runningTitle: string;
  readonly input: Pick<NcFormsInput, 'document' | 'certificationBody' | 'client'> & { readonly audit: { readonly reference: string } };
  readonly language: DocumentLanguage;
  readonly timeZone: string;
  readonly blocks: Block[];
}): DocumentModel {
  const { kind, title, runningTitle, input, language, timeZone, blocks } = frame;
  const t = fixedText(language);
  return {
    identity: {
      kind,
      title,
      reference: input.document.reference,
      revision: input.document.revision,
      issuedAt: input.document.issuedAt,
      issuedBy: input.document.issuedBy,
      language,
    },
    branding: { bodyName: input.certificationBody.name, logoDataUrl: input.certificationBody.logoDataUrl },
    page: NC_FORM_PAGE,
    running: {
      headerRight: [runningTitle, input.client.name, input.audit.reference].filter((part) => part.trim()).join('  |  '),
      footerLeft: `${t('engine.issued', { date: formatInstant(input.document.issuedAt, timeZone, language), name: input.document.issuedBy })}  |  ${t('engine.revision', { revision: input.document.revision })}`,
      pageNumber: pageNumberParts(FIXED_TEXTS[language]['engine.pageNumber']),
    },
    blocks,
  };
}
