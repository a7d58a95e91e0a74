/**
 * The NC forms as a CB template sees them: NcFormsInput turned into the names of
 * nc-form-placeholders.ts (a test holds the two equal, name for name). Plain values only, built with
 * null prototypes (see plan-template-data.ts). Labels (grade, audit type, rules, methods) are in the
 * input's document language: build the input in the template's language; dates and lists are
 * written here in `language`.
 */
import { fixedText } from '../documents/fixed-text.ts';
import type { NcFormItem, NcFormsInput } from '../documents/nc-form-input.ts';
import type { TemplateRecord, TemplateValue } from './plan-template-data.ts';
import { templateWriting, type TemplateWriting } from './template-writing.ts';

const record = (entries: Record<string, TemplateValue>): TemplateRecord => Object.assign(Object.create(null) as Record<string, TemplateValue>, entries);

function ncFields(form: NcFormItem, input: NcFormsInput, write: TemplateWriting): Record<string, TemplateValue> {
  const t = fixedText(input.document.language);
  const date = (value: string | null | undefined): string => (value ? write.date(value) : '');
  const ack = form.acknowledgement;
  const rule = form.deadlines.verificationBy;
  const done = form.verification;
  return {
    number: form.number,
    grade: form.gradeName,
    gradeCode: form.gradeCode,
    isMajor: form.major,
    clauses: write.list(form.clauses),
    procedure: form.procedure,
    process: form.process,
    requirement: form.requirement,
    evidence: form.evidence,
    notFulfilled: form.notFulfilled,
    raisedOn: date(form.raisedOn),
    raisedBy: form.raisedBy.name,
    auditeeRepresentative: form.auditeeRepresentative,
    responseDue: date(form.deadlines.response),
    verificationDue: date(form.deadlines.verification),
    verificationRule: rule === 'stage2-six-months' ? t('ncForm.rule.stage2') : rule === 'before-expiry' ? t('ncForm.rule.expiry') : rule === 'profile' ? t('ncForm.rule.profile') : '',
    isSigned: ack?.status === 'signed',
    isDeclined: ack?.status === 'declined',
    acknowledgedBy: ack?.name ?? '',
    acknowledgedRole: ack?.role ?? '',
    acknowledgedOn: date(ack?.date),
    declinedReason: ack?.status === 'declined' ? ack.reason : '',
    correction: form.response?.correction ?? '',
    rootCause: form.response?.rootCause ?? '',
    correctiveAction: form.response?.action ?? '',
    correctionDue: date(form.response?.correctionDue),
    actionDue: date(form.response?.actionDue),
    owner: form.response?.owner ?? '',
    verificationMethod: done ? t(`ncForm.method.${done.method}`) : '',
    verificationEvidence: done?.evidence ?? '',
    effectiveness: done?.effectiveness === 'effective' ? t('ncForm.effective') : done?.effectiveness === 'not_effective' ? t('ncForm.notEffective') : '',
    verifiedBy: done?.verifier ?? '',
    verifiedOn: date(done?.verifiedOn),
  };
}

/** The data of a fill: `ncs` lists every form of the input; `nc.*` is the first (a one-per-NC fill passes one form). */
export function ncFormTemplateData(input: NcFormsInput, language: string = input.document.language): TemplateRecord {
  const write = templateWriting(language);
  const forms = input.forms.map((form) => ncFields(form, input, write));
  const first = forms[0] ?? Object.fromEntries(Object.entries(ncFields(EMPTY_FORM, input, write)).map(([name, value]) => [name, typeof value === 'boolean' ? false : '']));
  return record({
    'document.reference': input.document.reference,
    'document.revision': String(input.document.revision),
    'document.issuedOn': write.dateOfInstant(input.document.issuedAt, input.audit.timeZone),
    'document.issuedBy': input.document.issuedBy,
    'cb.name': input.certificationBody.name,
    'client.name': input.client.name,
    'client.address': input.client.address,
    'audit.type': input.audit.typeLabel,
    'audit.typeCode': input.audit.type,
    'audit.standard': input.audit.standard,
    'audit.dates': write.dateRange(input.audit.startDate, input.audit.endDate),
    'audit.startDate': write.date(input.audit.startDate),
    'audit.endDate': write.date(input.audit.endDate),
    'lead.name': input.lead.name,
    ncCount: String(input.forms.length),
    ncs: forms.map(record),
    ...Object.fromEntries(Object.entries(first).map(([name, value]) => [`nc.${name}`, value])),
  });
}

const EMPTY_FORM: NcFormItem = {
  id: '',
  number: '',
  gradeName: '',
  gradeCode: '',
  major: false,
  clauses: [],
  procedure: '',
  process: '',
  requirement: '',
  evidence: '',
  notFulfilled: '',
  raisedOn: '',
  raisedBy: { name: '', signature: null },
  auditeeRepresentative: '',
  deadlines: { response: null, verification: null, verificationBy: null },
  acknowledgement: null,
  response: null,
  verification: null,
};
