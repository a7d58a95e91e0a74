import { fillText } from '../documents/fixed-text.ts';
import { formatDate } from '../documents/format.ts';
import type { DocumentLanguage } from '../documents/plan-input.ts';
import type { Stage1ReportPart } from '../documents/report-input.ts';
import { READINESS_AREAS, type ReadinessArea } from '../fieldwork/fieldwork-kinds.ts';
import { checkReadinessRules, readinessVerdict, type ReadinessRow, type RuleCheck } from '../fieldwork/readiness-rules.ts';
import { REPORT_LABELS, type ReportLabels } from './report-labels.ts';
import type { ReportSource } from './report-source.ts';

/** A readiness rule of the CB's profile as checked, in the lead's words. */
function ruleSentence(check: RuleCheck, asOf: string, labels: ReportLabels, language: DocumentLanguage): string {
  const rule = labels.readinessRule;
  const date = (day: string | null | undefined) => (day ? formatDate(day, language) : '');
  if (check.rule === 'minimum_months') {
    const months = check.months!;
    const values = { required: months.required, since: date(months.since), operated: months.operated ?? 0, earliest: date(months.earliest), asOf: date(asOf) };
    if (check.state === 'unconfirmed') return fillText(rule.monthsUnconfirmed, values);
    return fillText(check.state === 'holds_from' ? rule.monthsHoldFrom : rule.monthsHold, values);
  }
  const [holds, fails, unconfirmed] =
    check.rule === 'internal_audit'
      ? [rule.internalAuditHolds, rule.internalAuditFails, rule.internalAuditUnconfirmed]
      : [rule.managementReviewHolds, rule.managementReviewFails, rule.managementReviewUnconfirmed];
  return check.state === 'holds' ? holds : check.state === 'fails' ? fails : unconfirmed;
}

/**
 * Stage 1's documented conclusions (17021-1 9.3.1.2): the document review as logged, readiness per
 * area with the CB profile's readiness rules said beside their area (its `stage1Readiness`, when the
 * profile has one), the overall verdict, and stage 2 as the engagement holds it — the focus the lead
 * wrote; no dates or auditor-days, which the engagement does not hold before the CB plans stage 2.
 */
export function stage1Part(source: ReportSource, language: DocumentLanguage): Stage1ReportPart {
  const labels = REPORT_LABELS[language];
  const { engagement } = source;
  const rows: ReadinessRow[] = source.readiness.map((row) => ({ area: row.area, status: row.status, note: row.note }));
  const checks = checkReadinessRules(source.profile?.stage1Readiness, rows, engagement.end_date, engagement.sms_operating_since);
  const verdict = readinessVerdict(rows, checks);
  const byArea = new Map(rows.map((row) => [row.area, row]));
  const overall =
    verdict.verdict === 'ready'
      ? labels.readinessOverall.ready
      : verdict.verdict === 'ready_from'
        ? fillText(labels.readinessOverall.readyFrom, { date: formatDate(verdict.from!, language) })
        : verdict.verdict === 'not_ready'
          ? labels.readinessOverall.notReady
          : '';
  return {
    documentReview: source.documentReviews.map((review) => ({
      document: review.document,
      version: review.version,
      date: review.document_date,
      clause: review.clause,
      adequacy: labels.adequacy[review.adequacy],
      adequacyKey: review.adequacy,
      comment: review.comment,
    })),
    readiness: READINESS_AREAS.map((area: ReadinessArea) => {
      const row = byArea.get(area);
      const status = row?.status ?? 'not_assessed';
      const rules = checks.filter((check) => check.area === area).map((check) => ruleSentence(check, engagement.end_date, labels, language));
      return {
        area: labels.readinessArea[area],
        areaKey: area,
        status: labels.readinessStatus[status],
        statusKey: status,
        note: [row?.note.trim() ?? '', ...rules].filter(Boolean).join('\n'),
      };
    }),
    overall,
    stage2: { proposedStart: null, proposedEnd: null, auditorDays: null, focus: engagement.stage2_focus },
  };
}
