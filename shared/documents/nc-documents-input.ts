/**
 * The NC forms' and the closing meeting record's content from the engagement's rows, in the
 * document's language: the findings as numbered (FindingBrief's order), grades by the profile's name,
 * deadlines by `findingDeadlines`, acknowledgements, the members' own signatures, the client's
 * response and the verification, the closing session as it ran with its attendance and the 9.4.7
 * points. Pure: the engagement worker reads the rows (electron/nc-documents/), the tests build it alike.
 */
import type { ChecklistPack } from '../checklist/pack.ts';
import { textIn } from '../checklist/pack.ts';
import { findingDeadlines } from '../findings/deadlines.ts';
import type { FindingsProfile } from '../findings/default-scale.ts';
import { AREA_OF_CONCERN, CLOSING_POINTS, type ClosingPoint } from '../findings/finding-kinds.ts';
import { DOCUMENT_LABELS } from '../plan/document-labels.ts';
import { topicLabel } from '../plan/topic-label.ts';
import { planReference, standardName, type PlanDocumentOptions } from '../plan/plan-document-input.ts';
import { bodyName, signInSheetInput, type SignInSource } from '../plan/sign-in-sheet-input.ts';
import type { AUDIT_STATEMENT_TABLE, CORRECTIVE_ACTION_TABLE, MEMBER_SIGNATURE_TABLE, NC_ACKNOWLEDGEMENT_TABLE } from '../tables/finding-tables.ts';
import type { MEETING_POINT_TABLE } from '../tables/fieldwork-records-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { auditDayOf } from '../time.ts';
import type { FindingBrief } from '../findings/finding-brief.ts';
import type { ClosingRecordInput } from './closing-record-input.ts';
import { fixedText } from './fixed-text.ts';
import { readImageDataUrl } from './image.ts';
import type { NcAcknowledgement, NcFormAudit, NcFormItem, NcFormsInput } from './nc-form-input.ts';

/** A finding as the documents read it: the one reader's brief (electron/findings findingBriefs). */
export type NcDocumentFinding = FindingBrief;

/** Everything of the engagement the two documents read (live rows; the plan's as planned). */
export interface NcDocumentSource extends SignInSource {
  readonly findingsProfile: FindingsProfile;
  /** In number order. */
  readonly findings: readonly NcDocumentFinding[];
  readonly acknowledgements: readonly RowOf<typeof NC_ACKNOWLEDGEMENT_TABLE>[];
  readonly signatures: readonly RowOf<typeof MEMBER_SIGNATURE_TABLE>[];
  readonly correctiveActions: readonly RowOf<typeof CORRECTIVE_ACTION_TABLE>[];
  readonly meetingPoints: readonly RowOf<typeof MEETING_POINT_TABLE>[];
  readonly statements: readonly RowOf<typeof AUDIT_STATEMENT_TABLE>[];
}

/** The most severe nonconformity grade, when the scale has more than one (a single grade is not "major"). */
export function majorGradeKey(profile: FindingsProfile): string | null {
  const grades = profile.grades.filter((grade) => grade.isNonconformity).sort((a, b) => a.order - b.order);
  return grades.length > 1 ? grades[0]!.key : null;
}

/** The grade's name in the document's language; an area of concern (stage 1) and a grade the profile lost by their own words. */
export function gradeName(finding: Pick<NcDocumentFinding, 'grade' | 'gradeInfo'>, options: PlanDocumentOptions): string {
  if (finding.gradeInfo) return textIn(finding.gradeInfo.name, options.language, 'en') || finding.grade;
  return finding.grade === AREA_OF_CONCERN ? fixedText(options.language)('closingRecord.areaOfConcern') : finding.grade;
}

/** The closing meeting of the plan: its last session of kind 'closing'. */
export function closingSessionOf(source: Pick<SignInSource, 'rows'>): SignInSource['rows']['sessions'][number] | null {
  const closing = source.rows.sessions.filter((session) => session.kind === 'closing');
  return closing[closing.length - 1] ?? null;
}

function auditOf(source: NcDocumentSource, options: PlanDocumentOptions): NcFormAudit {
  const { engagement } = source;
  return {
    typeLabel: DOCUMENT_LABELS[options.language].auditType[engagement.audit_type],
    type: engagement.audit_type,
    standard: standardName(source.pack as ChecklistPack | null, engagement),
    startDate: engagement.start_date,
    endDate: engagement.end_date,
    timeZone: engagement.time_zone,
    reference: engagement.cb_audit_number.trim() || planReference(engagement),
  };
}

/**
 * A stored signature the documents can print: a PNG or JPEG data URL that reads as one. Anything else
 * (empty, damaged, another type) is left out — the form then says it was signed on screen — rather
 * than refusing the whole export over one image.
 */
export function printableSignature(value: string | null | undefined): string | null {
  return value && value.trim() && readImageDataUrl(value).ok ? value : null;
}

const signatureOf = (source: NcDocumentSource, memberId: string | null | undefined): string | null => {
  const row = memberId ? source.signatures.find((candidate) => candidate.team_member_id === memberId) : undefined;
  return printableSignature(row?.signature);
};

function leadOf(source: NcDocumentSource): { id: string | null; name: string } {
  const lead = source.team.find((member) => member.role === 'lead');
  return { id: lead?.id ?? null, name: lead?.name ?? '' };
}

function acknowledgementOf(source: NcDocumentSource, findingId: string): NcAcknowledgement | null {
  const row = source.acknowledgements.find((candidate) => candidate.finding_id === findingId);
  if (!row) return null;
  const ms = Date.parse(row.recorded_at);
  const date = Number.isNaN(ms) ? '' : auditDayOf(ms, source.engagement.time_zone);
  return row.status === 'declined'
    ? { status: 'declined', name: row.signer_name, role: row.signer_role, reason: row.declined_reason, date }
    : { status: 'signed', name: row.signer_name, role: row.signer_role, signature: printableSignature(row.signature), date };
}

function document(source: NcDocumentSource, options: PlanDocumentOptions): NcFormsInput['document'] {
  return { language: options.language, reference: auditOf(source, options).reference, revision: options.revision, issuedAt: options.issuedAt, issuedBy: options.issuedBy };
}

/** The NC forms: every nonconformity (in number order), or those of `onlyIds`. */
export function ncFormsInput(source: NcDocumentSource, options: PlanDocumentOptions, onlyIds?: readonly string[]): NcFormsInput {
  const { engagement, profile } = source;
  const major = majorGradeKey(source.findingsProfile);
  const memberName = (id: string | null): string => source.team.find((member) => member.id === id)?.name ?? '';
  const lead = leadOf(source);
  const forms = source.findings
    .filter((finding) => finding.isNonconformity && (!onlyIds || onlyIds.includes(finding.id)))
    .map((finding): NcFormItem => {
      const isMajor = finding.grade === major;
      const action = source.correctiveActions.find((row) => row.finding_id === finding.id);
      const responded = action && [action.correction, action.root_cause, action.action, action.owner].some((part) => part.trim());
      return {
        id: finding.id,
        number: finding.label,
        gradeName: gradeName(finding, options),
        gradeCode: finding.gradeInfo?.code ?? finding.grade,
        major: isMajor,
        clauses: finding.clauses,
        procedure: finding.procedure,
        // Named as auditors name it ("8.2.6 配置管理"), not by the pack's process key.
        process: finding.process ? topicLabel('process', finding.process, source.pack as ChecklistPack | null, options.language) : '',
        requirement: finding.requirement,
        evidence: finding.evidence,
        notFulfilled: finding.notFulfilled,
        raisedOn: finding.raisedOn,
        raisedBy: { name: finding.raisedByName, signature: signatureOf(source, finding.raisedBy) },
        auditeeRepresentative: finding.auditeeRepresentative,
        deadlines: findingDeadlines({
          lastAuditDay: engagement.end_date,
          auditType: engagement.audit_type,
          grade: finding.gradeInfo ?? { isNonconformity: true },
          major: isMajor,
          certificateExpiresOn: engagement.certificate_expires_on,
        }),
        acknowledgement: acknowledgementOf(source, finding.id),
        response:
          action && responded
            ? { correction: action.correction, rootCause: action.root_cause, action: action.action, owner: action.owner, correctionDue: action.correction_due, actionDue: action.action_due }
            : null,
        verification:
          action?.verified_on
            ? { method: action.verification_method, evidence: action.verification_evidence, effectiveness: action.effectiveness, verifier: memberName(action.verifier_id), verifiedOn: action.verified_on }
            : null,
      };
    });
  return {
    document: document(source, options),
    certificationBody: { name: bodyName(profile, options.language, engagement.certification_body), logoDataUrl: profile?.logo ?? null },
    client: { name: engagement.client_name, address: engagement.client_address },
    audit: auditOf(source, options),
    lead: { name: lead.name, signature: signatureOf(source, lead.id) },
    forms,
  };
}

/** The recommendation as stated: the profile's wording for the key the lead confirmed, or the text kept with it. */
export function recommendationOf(source: Pick<NcDocumentSource, 'statements' | 'findingsProfile'>, options: PlanDocumentOptions): ClosingRecordInput['recommendation'] {
  const row = source.statements.find((candidate) => candidate.item === 'recommendation');
  if (!row || (!row.verdict.trim() && !row.text.trim())) return null;
  const wording = source.findingsProfile.recommendations.find((candidate) => candidate.key === row.verdict);
  const text = (wording ? textIn(wording.text, options.language, 'en') : '') || row.text.trim();
  return text ? { text, overrideReason: row.reason } : null;
}

export function closingRecordInput(source: NcDocumentSource, options: PlanDocumentOptions): ClosingRecordInput {
  const { engagement } = source;
  const forms = ncFormsInput(source, options);
  const session = closingSessionOf(source);
  const sheet = session ? signInSheetInput(source, session.id, options) : null;
  const stated = new Map(source.meetingPoints.filter((row) => session && row.session_id === session.id).map((row) => [row.point, row]));
  const counts = new Map<string, { gradeName: string; count: number; order: number }>();
  for (const finding of source.findings) {
    const name = gradeName(finding, options);
    const entry = counts.get(finding.grade) ?? { gradeName: name, count: 0, order: finding.gradeInfo?.order ?? 999 };
    entry.count += 1;
    counts.set(finding.grade, entry);
  }
  const lead = leadOf(source);
  return {
    document: forms.document,
    certificationBody: forms.certificationBody,
    client: forms.client,
    audit: forms.audit,
    meeting: sheet ? { day: sheet.meeting.day, start: sheet.meeting.start, end: sheet.meeting.end, place: sheet.meeting.place, remoteTool: sheet.meeting.remoteTool } : null,
    // Who attended as recorded (not the plan's expected people the sign-in sheet pre-prints).
    attendees: session && source.attendance.some((row) => row.session_id === session.id && row.presence !== 'absent') ? (sheet?.attendees ?? []) : [],
    points: CLOSING_POINTS.map((point: ClosingPoint) => ({ point, stated: stated.get(point)?.confirmed === 1, note: stated.get(point)?.note ?? '' })),
    findings: source.findings.map((finding) => ({
      number: finding.label,
      gradeName: gradeName(finding, options),
      isNonconformity: finding.isNonconformity,
      clauses: finding.clauses,
      summary: finding.isNonconformity ? finding.notFulfilled || finding.evidence : finding.evidence || finding.notFulfilled,
    })),
    counts: [...counts.values()].sort((a, b) => a.order - b.order).map(({ gradeName: name, count }) => ({ gradeName: name, count })),
    acknowledgements: forms.forms.map((form) => ({ number: form.number, acknowledgement: form.acknowledgement })),
    recommendation: recommendationOf(source, options),
    lead: { name: lead.name, signature: signatureOf(source, lead.id), date: sheet?.meeting.day ?? engagement.end_date },
    clientRepresentative: engagement.client_representative,
  };
}
