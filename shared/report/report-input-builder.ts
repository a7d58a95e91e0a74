import { printableSignature, recommendationOf } from '../documents/nc-documents-input.ts';
import type { ReportInput, ReportSignatory, ReportStatement } from '../documents/report-input.ts';
import { SURVEILLANCE_ITEMS } from '../fieldwork/fieldwork-kinds.ts';
import { STATEMENT_VERDICTS, statementItems } from '../findings/audit-statements.ts';
import { COUNTED_ROLES } from '../plan/actual-time.ts';
import { planDocumentInput, planReference, type PlanDocumentOptions } from '../plan/plan-document-input.ts';
import { addedSessions, plannedRows } from '../plan/plan-rows.ts';
import { isServiceCategory, parseCategories } from '../scope/service-categories.ts';
import type { TeamRole } from '../engagement.ts';
import { asRan } from './report-as-ran.ts';
import { earlierNcs, findingCounts, findingGroups, findingNumbersByTopic, unresolvedOpinions } from './report-findings.ts';
import { REPORT_LABELS } from './report-labels.ts';
import { reportPhotos } from './report-photos.ts';
import { reportResults, reportTrails } from './report-results.ts';
import { reportSampling } from './report-sampling.ts';
import type { ReportSource } from './report-source.ts';
import { stage1Part } from './report-stage1.ts';
import { reportTopics } from './report-topics.ts';
import { evidenceReference, sampledPeriod } from './report-wording.ts';

/** What an export asks of the report's content: its identity, draft or final, with or without the photo annex. */
export interface ReportBuildOptions extends PlanDocumentOptions {
  readonly draft: boolean;
  readonly photos: boolean;
}

/** Accompanying persons (17021-1 9.4.8 item 9): listed apart from the audit team. Auditors in training belong to the team. */
const ACCOMPANYING: ReadonlySet<TeamRole> = new Set(['technical_expert', 'observer', 'interpreter', 'guide']);
const SURVEILLANCE_AUDITS: ReadonlySet<string> = new Set(['surveillance1', 'surveillance2']);

/** The audit statements of the audit type, in their order, each with its verdict worded as the lead states it. */
function statementsOf(source: ReportSource, options: PlanDocumentOptions): ReportStatement[] {
  const labels = REPORT_LABELS[options.language];
  const { engagement } = source;
  const rows = new Map(source.statements.map((row) => [row.item, row]));
  return statementItems(engagement.audit_type, source.profile?.requiredReportFields ?? []).map((item) => {
    const row = rows.get(item);
    const verdictKey = row && STATEMENT_VERDICTS[item].includes(row.verdict) ? row.verdict : '';
    return {
      item,
      title: item === 'significant_changes' && engagement.audit_type === 'stage2' ? labels.significantChangesSinceStage1 : labels.statementTitle[item],
      verdict: verdictKey ? (labels.statementVerdict[item][verdictKey] ?? '') : '',
      verdictKey,
      text: row?.text ?? '',
    };
  });
}

/** Who signs: the audit team leader; with every auditor too when the CB's reports carry the auditors' CCAA registration numbers (Chinese practice). */
function signatories(source: ReportSource, team: ReportInput['team']): ReportSignatory[] {
  const everyAuditor = source.profile?.requiredReportFields.includes('ccaa-registration-numbers') === true;
  const signatures = new Map(source.signatures.map((row) => [row.team_member_id, row.signature]));
  return team
    .filter((member) => member.role === 'lead' || (everyAuditor && COUNTED_ROLES.includes(member.role)))
    .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'))
    .map((member) => ({ name: member.name, signature: printableSignature(signatures.get(member.id)), role: member.roleLabel, registrationNumber: member.registrationNumber }));
}

/**
 * The audit report's content (17021-1 9.4.8; stage 1: 9.3.1.2) from the engagement's rows, in the
 * report's language: what the plan document already resolves (CB, client, audit, sites, services,
 * team, auditor-days planned) from `planDocumentInput` over the plan as planned; the audit as it ran;
 * the statements and the recommendation as recorded; results per process and clause group; findings
 * by grade; earlier nonconformities; stage 1's conclusions; the photo annex when asked. Pure: the
 * engagement worker reads the rows (electron/report/report-source.ts), the tests build it alike.
 */
export function reportInput(source: ReportSource, options: ReportBuildOptions): ReportInput {
  const { engagement, profile, pack } = source;
  const language = options.language;
  const labels = REPORT_LABELS[language];
  const requiredFields = profile?.requiredReportFields ?? [];
  const plan = planDocumentInput({ ...source, rows: plannedRows(source.rows, addedSessions(source.outcomes)) }, options);
  const ran = asRan(source, plan, options);
  const topics = reportTopics(source);
  const evidenceRefs = new Map(source.evidenceItems.map((item) => [item.id, evidenceReference(item, language)]));
  const groups = findingGroups(source, options, evidenceRefs);
  const scopeChecks = new Map(source.scopeChecks.map((row) => [row.service_id, row]));
  const surveillance = new Map(source.surveillanceChecks.map((row) => [row.item, row]));
  const team = plan.team.map((member) => ({ ...member, accompanying: ACCOMPANYING.has(member.role) }));
  const recommendation = source.statements.find((row) => row.item === 'recommendation');
  const worded = recommendationOf(source, options);
  const licence = engagement.licence_covers_scope;

  return {
    document: { language, reference: engagement.cb_audit_number.trim() || planReference(engagement), revision: options.revision, issuedAt: options.issuedAt, issuedBy: options.issuedBy },
    draft: options.draft,
    certificationBody: plan.certificationBody,
    client: {
      ...plan.client,
      businessLicenceCheck: requiredFields.includes('business-licence-scope-check') ? (licence === 1 ? labels.licence.covers : licence === 0 ? labels.licence.doesNotCover : '') : null,
    },
    audit: {
      ...plan.audit,
      type: engagement.audit_type,
      reference: engagement.cb_audit_number.trim() || planReference(engagement),
      scopeOtherLanguage: requiredFields.includes('scope-in-two-languages') ? engagement.certificate_wording_second : '',
      period: sampledPeriod(source.recordQueries, language),
    },
    requiredFields,
    services: source.services.map((service) => {
      const check = scopeChecks.get(service.id);
      return {
        name: service.name,
        description: service.description,
        category: parseCategories(service.categories)
          .map((category) => (isServiceCategory(category) ? labels.serviceCategory[category] : category))
          .join(labels.categorySeparator),
        verification: labels.scopeCheck[check?.status ?? 'not_checked'],
        verificationNote: check?.note ?? '',
      };
    }),
    sites: ran.sites,
    team,
    days: ran.days,
    auditorDays: { ...plan.auditorDays, actualOnSite: ran.actualOnSite, actualRemote: ran.actualRemote },
    deviations: ran.deviations,
    statements: statementsOf(source, options),
    recommendation: worded && recommendation ? { key: recommendation.verdict, text: worded.text, overrideReason: worded.overrideReason } : null,
    findingCounts: findingCounts(groups, source.findingsProfile.grades),
    findingGroups: groups,
    results: reportResults(source, language, topics, evidenceRefs, findingNumbersByTopic(source, topics.findingTopics)),
    trails: reportTrails(source, language),
    sampling: reportSampling(source, language, topics),
    earlierNcs: earlierNcs(source, options),
    unresolvedOpinions: unresolvedOpinions(source),
    remote: { held: source.remote.held, remote: source.remote.remote, tools: source.remote.tools, notes: source.remote.notes },
    surveillance: SURVEILLANCE_AUDITS.has(engagement.audit_type)
      ? SURVEILLANCE_ITEMS.map((item) => {
          const row = surveillance.get(item);
          const statusKey = row?.status ?? 'not_covered';
          return { item: labels.surveillanceItem[item], status: labels.surveillanceStatus[statusKey], statusKey, entry: row?.entry ?? '' };
        })
      : [],
    photos: options.photos ? reportPhotos(source, language, topics.evidenceTopics, pack) : [],
    signatories: signatories(source, team),
    stage1: engagement.audit_type === 'stage1' ? stage1Part(source, language) : null,
  };
}
