import type { ReportFixTarget, ReportGateCode, ReportGateItemView } from '../contract/report-views.ts';
import { creditCodeProblem } from '../credit-code.ts';
import type { ReportInput } from '../documents/report-input.ts';
import { statementGaps, statementItems } from '../findings/audit-statements.ts';
import { READINESS_AREAS, SURVEILLANCE_ITEMS } from '../fieldwork/fieldwork-kinds.ts';

/**
 * The completeness gate of the audit report (issue 18): every 17021-1 9.4.8 item a final report may
 * not leave empty, and every decision still open, each with where the lead fixes it. Pure: the
 * engagement worker builds the report's content (`ReportInput`, draft false, no photos) and reads the
 * few facts the content does not carry (`GateFacts`); a draft may be exported whatever this lists.
 *
 * Rules per audit type:
 * - Every type: the CB, the client, criteria, objectives, scope (statement, services, sites), the
 *   deviations' reasons, the audit statements of `statementItems` (the type's items), the team leader,
 *   the dates, every finding's three statement parts and its number, the recommendation, open merge
 *   conflicts. At stage 1 the "recommendation" is the stage 1 conclusion (the profile's stage 1
 *   wordings: ready / not ready for stage 2, `recommendation.ts`).
 * - Stage 1 only: every readiness area assessed, at least one document reviewed. Stage 1 has no
 *   results per process to conclude, no nonconformities to acknowledge (its findings are areas of
 *   concern) and no earlier nonconformities to verify.
 * - Stage 2, surveillance, recertification, special: every process and clause group of the results
 *   concluded (the builder's results are the topics this audit covers), every earlier nonconformity's
 *   verification, every nonconformity acknowledged or declined at the closing meeting.
 * - Surveillance (1 and 2) only: every item a surveillance must cover (SURVEILLANCE_ITEMS).
 * - The CB's profile (`input.requiredFields`, Chinese practice) adds: the unified social credit code
 *   (present and valid), the business-licence check, a CNCA category per service, every auditor's
 *   registration number, the scope in the second language, actual times of every session.
 * - An unresolved diverging opinion is listed as a warning: the report states it, it never blocks.
 */

/** What the report's content does not say and the gate needs; read in the engagement worker (electron/report/report-gate.ts). */
export interface GateFacts {
  /** Merge conflicts the lead has not decided yet (the Team section's count). */
  readonly openConflicts: number;
  /** The surveillance items recorded as covered (a status other than 'not_covered'). */
  readonly surveillanceCovered: readonly string[];
  /**
   * The recommendation wordings the CB's profile offers for this audit type (`recommendationChoices`):
   * a wording recorded under another audit type (the type changed since) is no recommendation for
   * this report.
   */
  readonly recommendationKeys: readonly string[];
  /** The working sessions of the plan with nothing recorded as run (their actual times unknown), in plan order. */
  readonly sessionsNotRecorded: readonly { readonly title: string; readonly day: string; readonly start: string }[];
}

/**
 * Where each item is fixed: a section of the engagement window (renderer/src/state/app-store.ts
 * `Section`) and the tab or view within it, by the values the section's component uses:
 * Conclusions `ConclusionsSection` tabs 'stage1' | 'topics' | 'surveillance' | 'scope' | 'audit' (the
 * Audit conclusions tab with the statements and the recommendation); Findings `FindingsSection`
 * tabs 'findings' | 'closing' | 'follow-up'; Plan `PlanSection` views 'days' | 'list' | 'asRan' (As it
 * ran). Setup, Scope and Team have no tabs (null): Setup holds the client, the audit (criteria,
 * objectives), the CB profile and the sites; Scope the scope wording and the services with their
 * categories; Team the members' registration numbers and the merge conflicts.
 */
const FIX: Record<ReportGateCode, ReportFixTarget> = {
  'cb-identity': { section: 'setup', tab: null },
  'client-details': { section: 'setup', tab: null },
  'credit-code': { section: 'setup', tab: null },
  'licence-check': { section: 'setup', tab: null },
  criteria: { section: 'setup', tab: null },
  objectives: { section: 'setup', tab: null },
  scope: { section: 'scope', tab: null },
  'service-category': { section: 'scope', tab: null },
  'deviation-reason': { section: 'plan', tab: 'asRan' },
  statement: { section: 'conclusions', tab: 'audit' },
  lead: { section: 'team', tab: null },
  'registration-number': { section: 'team', tab: null },
  dates: { section: 'plan', tab: 'asRan' },
  'actual-times': { section: 'plan', tab: 'asRan' },
  conclusion: { section: 'conclusions', tab: 'topics' },
  'finding-statement': { section: 'findings', tab: 'findings' },
  'findings-unnumbered': { section: 'findings', tab: 'findings' },
  'earlier-nc': { section: 'findings', tab: 'follow-up' },
  recommendation: { section: 'conclusions', tab: 'audit' },
  readiness: { section: 'conclusions', tab: 'stage1' },
  'document-review': { section: 'conclusions', tab: 'stage1' },
  'nc-unacknowledged': { section: 'findings', tab: 'closing' },
  'merge-conflicts': { section: 'team', tab: null },
  'surveillance-item': { section: 'conclusions', tab: 'surveillance' },
  'unresolved-opinion': { section: 'findings', tab: 'closing' },
};

/** The 17021-1 9.4.8 item each code stands for (the reference's numbering); null for an open decision. */
const ITEM: Record<ReportGateCode, number | null> = {
  'cb-identity': 1,
  'client-details': 2,
  'credit-code': 2,
  'licence-check': 2,
  criteria: 4,
  objectives: 5,
  scope: 6,
  'service-category': 6,
  'deviation-reason': 7,
  statement: 8,
  lead: 9,
  'registration-number': 9,
  dates: 10,
  'actual-times': 10,
  conclusion: 11,
  'finding-statement': 11,
  'findings-unnumbered': 11,
  'earlier-nc': 18,
  recommendation: 16,
  readiness: null,
  'document-review': null,
  'nc-unacknowledged': null,
  'merge-conflicts': null,
  'surveillance-item': null,
  'unresolved-opinion': null,
};

/** The statements each stand for their own 9.4.8 item: 8 significant issues, 12 changes, 13 unresolved issues, 17 marks; the rest are the conclusions (11). */
const STATEMENT_ITEM: Readonly<Record<string, number>> = { significant_issues: 8, significant_changes: 12, unresolved_issues: 13, marks_control: 17 };

const blank = (text: string | null | undefined): boolean => !text?.trim();

/** Everything the final report still lacks, in the order of REPORT_GATE_CODES; [] when it may be issued. */
export function reportGate(input: ReportInput, facts: GateFacts): ReportGateItemView[] {
  const items: ReportGateItemView[] = [];
  const add = (code: ReportGateCode, params: Record<string, string | number> = {}, item: number | null = ITEM[code]): void => {
    items.push({ code, item, blocking: code !== 'unresolved-opinion', params, fix: FIX[code] });
  };
  const type = input.audit.type;
  const stage1 = type === 'stage1';
  const required = new Set(input.requiredFields);

  if (blank(input.certificationBody.name)) add('cb-identity');

  for (const field of ['name', 'address', 'representative'] as const) if (blank(input.client[field])) add('client-details', { field });
  if (required.has('unified-social-credit-code')) {
    const code = input.client.creditCode ?? '';
    const problem = blank(code) ? 'missing' : creditCodeProblem(code);
    if (problem) add('credit-code', { problem });
  }
  if (required.has('business-licence-scope-check') && blank(input.client.businessLicenceCheck)) add('licence-check');

  if (blank(input.audit.criteria)) add('criteria');
  if (blank(input.audit.objectives)) add('objectives');

  if (blank(input.audit.scope)) add('scope', { field: 'statement' });
  if (!input.services.length) add('scope', { field: 'services' });
  if (!input.sites.some((site) => site.visited)) add('scope', { field: 'sites' });
  if (required.has('scope-in-two-languages') && blank(input.audit.scopeOtherLanguage)) add('scope', { field: 'other-language' });
  if (required.has('cnca-category-codes')) for (const service of input.services) if (blank(service.category)) add('service-category', { service: service.name });

  for (const deviation of input.deviations) if (blank(deviation.reason)) add('deviation-reason', { session: deviation.session });

  const items8 = statementItems(type, input.requiredFields);
  for (const { item, gap } of statementGaps(items8, input.statements.map((statement) => ({ item: statement.item, verdict: statement.verdictKey, text: statement.text })))) {
    add('statement', { item, gap }, STATEMENT_ITEM[item] ?? 11);
  }

  if (!input.team.some((member) => member.role === 'lead')) add('lead');
  if (required.has('ccaa-registration-numbers')) {
    for (const member of input.team) if (!member.accompanying && blank(member.registrationNumber)) add('registration-number', { member: member.name });
  }

  if (!input.days.some((day) => day.activities.length > 0)) add('dates');
  if (required.has('auditor-days-with-times')) {
    // A session without a title (an opening meeting as the plan names it) is known by its day and start.
    for (const { title, day, start } of facts.sessionsNotRecorded) add('actual-times', { session: title.trim() || `${day} ${start}`, day, start });
  }

  const findings = input.findingGroups.flatMap((group) => group.findings.map((finding) => ({ group, finding })));
  if (!stage1) {
    for (const result of input.results) if (result.statusKey === 'not_concluded' || blank(result.conclusion)) add('conclusion', { topic: result.topic });
  }
  for (const { finding } of findings) {
    const parts = [
      ['requirement', finding.requirement],
      ['evidence', finding.evidence],
      ['not_fulfilled', finding.notFulfilled],
    ] as const;
    for (const [part, text] of parts) if (blank(text)) add('finding-statement', { finding: finding.number, part });
  }
  const unnumbered = findings.filter(({ finding }) => !finding.numbered).length;
  if (unnumbered) add('findings-unnumbered', { count: unnumbered });
  if (!stage1) for (const earlier of input.earlierNcs) if (earlier.effectivenessKey === 'not_assessed') add('earlier-nc', { number: earlier.number });

  if (!input.recommendation || blank(input.recommendation.key)) add('recommendation', { problem: 'missing' });
  else if (!facts.recommendationKeys.includes(input.recommendation.key)) add('recommendation', { problem: 'other-audit-type', key: input.recommendation.key });

  if (stage1) {
    const assessed = new Set((input.stage1?.readiness ?? []).filter((area) => area.statusKey !== 'not_assessed').map((area) => area.areaKey));
    for (const area of READINESS_AREAS) if (!assessed.has(area)) add('readiness', { area });
    if (!(input.stage1?.documentReview ?? []).some((review) => review.adequacyKey !== 'not_reviewed')) add('document-review');
  } else {
    for (const { group, finding } of findings) if (group.isNonconformity && !finding.acknowledgement) add('nc-unacknowledged', { finding: finding.number });
  }

  if (facts.openConflicts > 0) add('merge-conflicts', { count: facts.openConflicts });
  if (type === 'surveillance1' || type === 'surveillance2') {
    const covered = new Set(facts.surveillanceCovered);
    for (const item of SURVEILLANCE_ITEMS) if (!covered.has(item)) add('surveillance-item', { item });
  }
  for (const opinion of input.unresolvedOpinions) add('unresolved-opinion', { finding: opinion.findingNumber });
  return items;
}

/** Whether the final report may be issued: nothing blocking is listed. */
export const gatePasses = (items: readonly ReportGateItemView[]): boolean => !items.some((item) => item.blocking);
