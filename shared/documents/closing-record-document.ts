/**
 * The closing meeting record (末次会议记录): the audit and the meeting, who attended (present or
 * remote), the statements of ISO/IEC 17021-1 9.4.7 as made, the findings presented by grade, each
 * nonconformity's acknowledgement (drawn signature or declined with the reason), the recommendation as
 * stated — subject to the certification body's decision — and the signatures. A pure function of
 * `ClosingRecordInput`.
 */
import { isIanaTimeZone } from '../time.ts';
import type { ClosingRecordInput } from './closing-record-input.ts';
import { fixedText, type FixedText } from './fixed-text.ts';
import { formatDate, formatDateWithWeekday, joinList } from './format.ts';
import { cell, field, heading, line, paragraph, run, title, type Block, type DocumentModel, type FormBlock, type FormRow, type KeyValueBlock, type TableBlock } from './model.ts';
import type { NcAcknowledgement } from './nc-form-input.ts';
import { auditDates, closingDocumentFrame, signatureImage } from './nc-form-document.ts';
import type { DocumentLanguage } from './plan-input.ts';

/** A finding's statement shortened for the table (the NC form carries it whole). */
const SUMMARY_CHARS = 300;
export function shortStatement(statement: string): string {
  const flat = statement.trim().replace(/\s*\r?\n\s*/g, ' ');
  const chars = [...flat];
  return chars.length <= SUMMARY_CHARS ? flat : `${chars.slice(0, SUMMARY_CHARS - 1).join('').trimEnd()}…`;
}

function details(input: ClosingRecordInput, t: FixedText, language: DocumentLanguage): KeyValueBlock {
  const meeting = input.meeting;
  const place = !meeting
    ? t('closingRecord.noMeeting')
    : meeting.remoteTool !== null
      ? meeting.remoteTool.trim()
        ? t('closingRecord.remote', { tool: meeting.remoteTool.trim() })
        : t('closingRecord.remoteNoTool')
      : (meeting.place ?? t('engine.none'));
  const when = meeting
    ? t('closingRecord.dateValue', { date: formatDateWithWeekday(meeting.day, language), start: meeting.start, end: meeting.end, timeZone: input.audit.timeZone })
    : auditDates(input.audit.startDate, input.audit.endDate, language);
  const rows: [string, string, boolean?][] = [
    [t('closingRecord.client'), input.client.name, true],
    [t('closingRecord.audit'), t('closingRecord.auditValue', { auditType: input.audit.typeLabel, standard: input.audit.standard })],
    [t('closingRecord.reference'), input.audit.reference],
    [t('closingRecord.date'), when],
    [t('closingRecord.place'), place],
  ];
  return { kind: 'keyValue', keyWidth: { fraction: 0.22 }, rows: rows.map(([key, value, bold]) => ({ key, value: [bold ? [run(value, { bold: true })] : line(value)] })) };
}

function attendance(input: ClosingRecordInput, t: FixedText): Block {
  if (!input.attendees.length) return paragraph(t('closingRecord.noAttendance'), { tone: 'note' });
  const table: TableBlock = {
    kind: 'table',
    columns: [
      { header: t('closingRecord.col.number'), width: { mm: 11 }, align: 'center' },
      { header: t('closingRecord.col.name'), width: { fraction: 0.26 } },
      { header: t('closingRecord.col.role'), width: { fraction: 0.26 } },
      { header: t('closingRecord.col.organization'), width: { fraction: 0.32 } },
      { header: t('closingRecord.col.presence'), width: { fraction: 0.16 } },
    ],
    rows: input.attendees.map((attendee, index) => ({
      cells: [
        cell(String(index + 1)),
        cell([[run(attendee.name, { bold: true })]]),
        cell(attendee.role.trim() || '\u00a0'),
        cell(attendee.organization.trim() || '\u00a0'),
        cell(attendee.remote ? t('closingRecord.remotely') : t('closingRecord.present')),
      ],
    })),
  };
  return table;
}

function statements(input: ClosingRecordInput, t: FixedText): TableBlock {
  return {
    kind: 'table',
    columns: [
      { header: t('closingRecord.col.stated'), width: { mm: 26 }, align: 'center' },
      { header: t('closingRecord.col.statement'), width: { fraction: 1 } },
    ],
    rows: input.points.map((point) => ({
      tone: point.stated ? 'normal' : 'muted',
      cells: [
        cell([[run(point.stated ? `■ ${t('closingRecord.stated')}` : `□ ${t('closingRecord.notStated')}`, { bold: point.stated })]]),
        cell([line(t(`closingRecord.point.${point.point}`)), ...(point.note.trim() ? [[run(point.note.trim(), { italic: true })]] : [])]),
      ],
    })),
  };
}

function findings(input: ClosingRecordInput, t: FixedText, language: DocumentLanguage): Block[] {
  if (!input.findings.length) return [paragraph(t('closingRecord.noFindings'))];
  const counts = joinList(
    input.counts.map((entry) => t('closingRecord.count', { grade: entry.gradeName, count: entry.count })),
    language,
  );
  return [
    paragraph([run(t('closingRecord.counts', { counts }), { bold: true })]),
    {
      kind: 'table',
      columns: [
        { header: t('closingRecord.col.finding'), width: { mm: 22 } },
        { header: t('closingRecord.col.grade'), width: { fraction: 0.2 } },
        { header: t('closingRecord.col.clauses'), width: { fraction: 0.12 } },
        { header: t('closingRecord.col.summary'), width: { fraction: 0.68 } },
      ],
      rows: input.findings.map((finding) => ({
        tone: finding.isNonconformity ? 'normal' : 'muted',
        cells: [cell([[run(finding.number, { bold: true })]]), cell(finding.gradeName), cell(joinList(finding.clauses, language) || '\u00a0'), cell(shortStatement(finding.summary) || '\u00a0')],
      })),
    },
  ];
}

/** A nonconformity's acknowledgement at the closing meeting, in words (the record, the report and the report's template data say it alike). */
export function acknowledgementText(ack: NcAcknowledgement | null, t: FixedText): string {
  if (!ack) return t('closingRecord.ackNone');
  if (ack.status === 'declined') return ack.name.trim() ? t('closingRecord.ackDeclined', { name: ack.name.trim(), reason: ack.reason.trim() }) : t('closingRecord.ackDeclinedNoName', { reason: ack.reason.trim() });
  return ack.role.trim() ? t('closingRecord.ackSignedRole', { name: ack.name.trim(), role: ack.role.trim() }) : t('closingRecord.ackSigned', { name: ack.name.trim() });
}

function acknowledgements(input: ClosingRecordInput, t: FixedText, language: DocumentLanguage): Block {
  if (!input.acknowledgements.length) return paragraph(t('closingRecord.noNonconformities'));
  const rows: FormRow[] = [
    { kind: 'fields', fields: [field('', [[run(t('closingRecord.ackNumber'), { bold: true })]], { shaded: true }), field('', [[run(t('closingRecord.ackStatus'), { bold: true })]], { shaded: true }), field('', [[run(t('closingRecord.ackSignature'), { bold: true })]], { shaded: true })] },
    ...input.acknowledgements.map(
      ({ number, acknowledgement: ack }): FormRow => ({
        kind: 'fields',
        fields: [
          field('', [[run(number, { bold: true })]]),
          field('', [line(acknowledgementText(ack, t)), ...(ack?.date ? [line(formatDate(ack.date, language))] : [])]),
          field('', [], { image: ack?.status === 'signed' ? signatureImage(ack.signature, ack.name, t) : null }),
        ],
      }),
    ),
  ];
  return { kind: 'form', columns: [{ mm: 26 }, { fraction: 0.6 }, { fraction: 0.4 }], rows } satisfies FormBlock;
}

function recommendation(input: ClosingRecordInput, t: FixedText): Block[] {
  if (!input.recommendation) return [paragraph(t('closingRecord.noRecommendation'), { tone: 'note' })];
  return [
    paragraph([run(input.recommendation.text, { bold: true })], { tone: 'lead' }),
    ...(input.recommendation.overrideReason.trim() ? [paragraph(t('closingRecord.overridden', { reason: input.recommendation.overrideReason.trim() }), { tone: 'note' })] : []),
    paragraph(t('closingRecord.subjectToDecision')),
  ];
}

function signatures(input: ClosingRecordInput, t: FixedText, language: DocumentLanguage): FormBlock {
  const lead = input.lead;
  return {
    kind: 'form',
    columns: [{ fraction: 0.5 }, { fraction: 0.5 }],
    rows: [
      { kind: 'section', text: t('closingRecord.section.signatures') },
      {
        kind: 'fields',
        minHeightMm: 30,
        fields: [
          field(t('closingRecord.signLead'), [[run(lead.name, { bold: true })], line(lead.date ? formatDate(lead.date, language) : '')], { image: signatureImage(lead.signature, lead.name, t) }),
          field(t('closingRecord.signClient'), input.clientRepresentative.trim() ? [[run(input.clientRepresentative.trim(), { bold: true })]] : []),
        ],
      },
    ],
  };
}

export function closingRecordDocument(input: ClosingRecordInput): DocumentModel {
  const language = input.document.language;
  const t = fixedText(language);
  const timeZone = isIanaTimeZone(input.audit.timeZone) ? input.audit.timeZone : 'UTC';
  const blocks: Block[] = [
    title(t('closingRecord.title'), t('closingRecord.subtitle', { client: input.client.name, auditType: input.audit.typeLabel })),
    details(input, t, language),
    heading(1, t('closingRecord.section.attendance')),
    attendance(input, t),
    heading(1, t('closingRecord.section.statements')),
    statements(input, t),
    heading(1, t('closingRecord.section.findings')),
    ...findings(input, t, language),
    heading(1, t('closingRecord.section.acknowledgements')),
    acknowledgements(input, t, language),
    heading(1, t('closingRecord.section.recommendation')),
    ...recommendation(input, t),
    signatures(input, t, language),
  ];
  return closingDocumentFrame({ kind: 'closing-meeting', title: t('closingRecord.title'), runningTitle: t('closingRecord.title'), input, language, timeZone, blocks });
}
