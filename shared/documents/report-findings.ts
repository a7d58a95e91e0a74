/**
 * The findings (17021-1 9.4.8 item 11) grouped by grade, most severe first, each with its full
 * statement — the requirement, the objective evidence, what is not fulfilled — and where it was
 * found, what it rests on, who raised it, and for a nonconformity the auditee's acknowledgement and
 * the dates the response and the verification are due; then the verification of the corrective
 * actions on earlier nonconformities (item 18).
 */
import { AREA_OF_CONCERN } from '../findings/finding-kinds.ts';
import { acknowledgementText } from './closing-record-document.ts';
import { formatDate, joinList } from './format.ts';
import { cell, heading, line, paragraph, run, type Block, type Inline, type TableBlock, type TableRow } from './model.ts';
import type { ReportEarlierNc, ReportFinding, ReportFindingGroup } from './report-input.ts';
import { facts, noneSentence, type ReportContext, type ReportSection } from './report-frame.ts';

const list = (ctx: ReportContext, items: readonly string[]): string | null => (items.length ? joinList(items, ctx.language) : null);
const orNull = (value: string): string | null => (value.trim() ? value : null);

/**
 * One finding as a table: its number and grade in the header row (which stays with the statement and
 * repeats when a long finding runs onto the next page), then its parts; what is not fulfilled shaded.
 */
function findingTable(ctx: ReportContext, group: ReportFindingGroup, finding: ReportFinding): TableBlock {
  const { input, t, language } = ctx;
  const date = (day: string | null): string => (day ? formatDate(day, language) : t('report.findings.noDeadline'));
  const statement = finding.notFulfilled.trim() ? [[run(finding.notFulfilled.trim(), { bold: true })] as Inline] : [];
  const opinion = input.unresolvedOpinions.some((entry) => entry.findingNumber === finding.number);
  const ack = finding.acknowledgement;
  // "Priya Shah, Head of Service Management (SMS owner), signed": a role may carry its own brackets, so the report never puts it in brackets.
  const acknowledged = ack?.status === 'signed' && ack.role.trim() && ack.name.trim() ? t('report.findings.ackSignedRole', { name: ack.name.trim(), role: ack.role.trim() }) : acknowledgementText(ack, t);
  const acknowledgement = finding.acknowledgement
    ? `${acknowledged}${finding.acknowledgement.date ? t('report.findings.onDate', { date: formatDate(finding.acknowledgement.date, language) }) : ''}`
    : t('report.findings.notAcknowledged');
  const number = finding.numbered ? finding.number : t('report.findings.provisional', { number: finding.number });
  // An area of concern is labelled as one, not as a "finding".
  const statementKey = group.isNonconformity ? t('report.findings.notFulfilled') : group.gradeKey === AREA_OF_CONCERN ? group.gradeName : t('report.findings.statement');
  const parts = facts(
      ctx,
      [
        [t('report.findings.clauses'), list(ctx, finding.clauses) ?? ''],
        [t('report.findings.process'), orNull(finding.process)],
        [t('report.findings.procedure'), orNull(finding.procedure)],
        [t('report.findings.sites'), list(ctx, finding.sites)],
        [t('report.findings.services'), list(ctx, finding.services)],
        // A nonconformity's statement has all three parts ("Not recorded" shows a gap); another finding may cite no requirement.
        [t('report.findings.requirement'), group.isNonconformity ? finding.requirement : orNull(finding.requirement)],
        [t('report.findings.evidence'), finding.evidence],
        [statementKey, statement],
        [t('report.findings.rationale'), orNull(finding.rationale)],
        [t('report.findings.evidenceRefs'), finding.evidenceRefs.length ? finding.evidenceRefs.map(line) : null],
        [t('report.findings.records'), list(ctx, finding.records)],
        [t('report.findings.raisedBy'), finding.raisedOn ? t('report.findings.raisedValue', { name: finding.raisedBy, date: formatDate(finding.raisedOn, language) }) : finding.raisedBy],
        [t('report.findings.repeatOf'), finding.repeatOf.trim() ? t('report.findings.repeatValue', { number: finding.repeatOf.trim() }) : null],
        ...(group.isNonconformity
          ? ([
              [t('report.findings.acknowledgement'), acknowledgement],
              [t('report.findings.responseDue'), date(finding.responseDue)],
              [t('report.findings.verificationDue'), date(finding.verificationDue)],
            ] as const)
          : []),
        [t('report.findings.opinion'), opinion ? t('report.findings.opinionValue') : null],
      ],
  );
  return {
    kind: 'table',
    columns: [
      { header: number, width: { fraction: 0.24 } },
      { header: group.gradeName, width: { fraction: 0.76 } },
    ],
    rows: parts.rows.map((row) => ({ tone: row.key === statementKey ? 'emphasis' : 'normal', cells: [cell(row.key), cell(row.value)] })),
  };
}

/**
 * The findings counted as a lead auditor counts them: the nonconformities by grade with their total,
 * then the other findings with theirs; good practice is noted after the table, never counted as a finding.
 */
export function findingCountsBlocks(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  const counted = input.findingCounts.filter((entry) => entry.count > 0);
  const total = (kind: 'nonconformity' | 'other', key: 'report.findings.totalNonconformities' | 'report.findings.totalOther'): TableRow[] => {
    const entries = counted.filter((entry) => entry.kind === kind);
    if (!entries.length) return [];
    const sum = entries.reduce((count, entry) => count + entry.count, 0);
    return [...entries.map((entry) => ({ cells: [cell(entry.gradeName), cell(String(entry.count))] })), { tone: 'emphasis' as const, cells: [cell([[run(t(key), { bold: true })]]), cell([[run(String(sum), { bold: true })]])] }];
  };
  const rows = [...total('nonconformity', 'report.findings.totalNonconformities'), ...total('other', 'report.findings.totalOther')];
  const blocks: Block[] = [];
  if (rows.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('report.findings.grade'), width: { fraction: 1 } },
        { header: t('report.findings.count'), width: { mm: 30 }, align: 'right' },
      ],
      rows,
    });
  }
  for (const entry of counted.filter((candidate) => candidate.kind === 'good_practice')) blocks.push(paragraph(t('report.findings.goodPracticeNoted', { grade: entry.gradeName, count: entry.count })));
  return blocks;
}

/** The findings by grade; `noneKey` says what an audit without findings writes. */
export function findingGroupsBlocks(ctx: ReportContext, noneKey: 'report.findings.none' | 'report.stage1.noConcerns'): Block[] {
  const groups = ctx.input.findingGroups.filter((group) => group.findings.length);
  if (!groups.length) return [noneSentence(ctx, noneKey)];
  return groups.flatMap((group) => [heading(2, ctx.t('report.findings.group', { grade: group.gradeName, count: group.findings.length })), ...group.findings.map((finding) => findingTable(ctx, group, finding))]);
}

export function findingsSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  const any = input.findingGroups.some((group) => group.findings.length);
  return [t('report.section.findings'), [...(any ? [paragraph(t('report.findings.intro'))] : []), ...findingGroupsBlocks(ctx, 'report.findings.none')]];
}

function earlierRow(ctx: ReportContext, nc: ReportEarlierNc) {
  const { t, language } = ctx;
  const verification: Inline[] = [];
  if (nc.method.trim()) verification.push([run(nc.method, { bold: true })]);
  if (nc.verifiedOn) verification.push(line(nc.verifier.trim() ? t('report.earlier.verifiedBy', { date: formatDate(nc.verifiedOn, language), name: nc.verifier.trim() }) : formatDate(nc.verifiedOn, language)));
  if (nc.note.trim()) verification.push(line(nc.note.trim()));
  if (!verification.length) verification.push([run(t('report.earlier.notVerified'), { italic: true })]);
  return {
    tone: nc.effectivenessKey === 'not_effective' ? ('emphasis' as const) : ('normal' as const),
    cells: [
      cell([[run(nc.number, { bold: true })], line(nc.gradeName), ...(nc.clause.trim() ? [line(t('report.earlier.clause', { clause: nc.clause.trim() }))] : []), ...(nc.audit.trim() ? [[run(nc.audit.trim(), { italic: true })]] : [])]),
      cell([line(nc.statement.trim() || t('report.notRecorded')), [run(t('report.earlier.action'), { bold: true }), run(` ${nc.clientAction.trim() || t('report.notRecorded')}`)]]),
      cell(verification),
      cell([[run(nc.effectiveness, { bold: nc.effectivenessKey !== 'not_assessed' })], ...(nc.closedOn ? [line(t('report.earlier.closedOn', { date: formatDate(nc.closedOn, language) }))] : [])]),
    ],
  };
}

export function earlierNcsSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  if (!input.earlierNcs.length) return [t('report.section.earlier'), [noneSentence(ctx, 'report.earlier.none')]];
  return [
    t('report.section.earlier'),
    [
      paragraph(t('report.earlier.intro')),
      {
        kind: 'table',
        columns: [
          { header: t('report.earlier.nc'), width: { fraction: 0.2 } },
          { header: t('report.earlier.statement'), width: { fraction: 0.38 } },
          { header: t('report.earlier.verification'), width: { fraction: 0.26 } },
          { header: t('report.earlier.result'), width: { fraction: 0.16 } },
        ],
        rows: input.earlierNcs.map((nc) => earlierRow(ctx, nc)),
      },
    ],
  ];
}
