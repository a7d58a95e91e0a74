import type { Grade } from '../cb-profile/profile.ts';
import { textIn } from '../checklist/pack.ts';
import { findingNature } from '../findings/finding-nature.ts';
import { gradeName, majorGradeKey, ncFormsInput } from '../documents/nc-documents-input.ts';
import type { PlanDocumentOptions } from '../plan/plan-document-input.ts';
import type { ReportEarlierNc, ReportFinding, ReportFindingGroup, ReportInput } from '../documents/report-input.ts';
import type { FindingBrief } from '../findings/finding-brief.ts';
import { REPORT_LABELS } from './report-labels.ts';
import type { ReportSource } from './report-source.ts';
import { topicTitleOf } from './report-topics.ts';

const index = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
};

/** Grades as the scale orders them (most severe first); a grade the profile lost and an area of concern after them. */
const gradeOrder = (finding: Pick<FindingBrief, 'gradeInfo'>): number => finding.gradeInfo?.order ?? Number.MAX_SAFE_INTEGER;

/**
 * The findings grouped by grade, most severe first, each group in number order (the briefs' order),
 * with the full statement, the evidence linked to it, and for nonconformities the acknowledgement at
 * the closing meeting and the deadlines of the NC forms (one `ncFormsInput`, so the report and the
 * forms agree).
 */
export function findingGroups(source: ReportSource, options: PlanDocumentOptions, evidenceRefs: ReadonlyMap<string, string>): ReportFindingGroup[] {
  const { pack } = source;
  const forms = new Map(ncFormsInput(source, options).forms.map((form) => [form.id, form]));
  const major = majorGradeKey(source.findingsProfile);
  const rows = new Map(source.findingRows.map((row) => [row.id, row]));
  const siteNames = new Map(source.sites.map((site) => [site.id, site.name]));
  const serviceNames = new Map(source.services.map((service) => [service.id, service.name]));
  const recordRefs = new Map(source.recordsSeen.map((record) => [record.id, record.record_ref]));
  const earlier = new Map(source.earlierNcs.map((nc) => [nc.id, nc.number]));
  const sites = index(source.findingSites, (link) => link.finding_id);
  const services = index(source.findingServices, (link) => link.finding_id);
  const evidence = index(source.findingEvidence, (link) => link.finding_id);
  const records = index(source.findingRecords, (link) => link.finding_id);
  const names = <T>(links: readonly T[] | undefined, name: (link: T) => string | undefined): string[] => (links ?? []).map(name).filter((value): value is string => !!value);

  const groups = new Map<string, { order: number; group: ReportFindingGroup & { findings: ReportFinding[] } }>();
  for (const brief of source.findings) {
    const form = forms.get(brief.id);
    const row = rows.get(brief.id);
    const finding: ReportFinding = {
      id: brief.id,
      number: brief.label,
      numbered: brief.finalSeq !== null,
      clauses: brief.clauses,
      process: brief.process ? topicTitleOf(brief.process, pack, options.language) : '',
      procedure: brief.procedure,
      sites: names(sites.get(brief.id), (link) => siteNames.get(link.site_id)),
      services: names(services.get(brief.id), (link) => serviceNames.get(link.service_id)),
      requirement: brief.requirement,
      evidence: brief.evidence,
      notFulfilled: brief.notFulfilled,
      rationale: row?.grade_rationale ?? '',
      evidenceRefs: names(evidence.get(brief.id), (link) => evidenceRefs.get(link.evidence_id)),
      records: names(records.get(brief.id), (link) => recordRefs.get(link.record_id)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      raisedBy: brief.raisedByName,
      raisedOn: brief.raisedOn,
      acknowledgement: form?.acknowledgement ?? null,
      responseDue: form ? form.deadlines.response : null,
      verificationDue: form ? form.deadlines.verification : null,
      repeatOf: row?.repeat_of ? (earlier.get(row.repeat_of) ?? '') : '',
    };
    let entry = groups.get(brief.grade);
    if (!entry) {
      entry = {
        order: gradeOrder(brief),
        group: { gradeKey: brief.grade, gradeName: gradeName(brief, options), isNonconformity: brief.isNonconformity, major: brief.grade === major, findings: [] },
      };
      groups.set(brief.grade, entry);
    }
    entry.group.findings.push(finding);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order || a.group.gradeKey.localeCompare(b.group.gradeKey)).map((entry) => entry.group);
}

/** The summary's counts: one per grade, in the groups' order. */
export const findingCounts = (groups: readonly ReportFindingGroup[], grades: readonly Grade[]): ReportInput['findingCounts'] =>
  groups.map((group) => {
    const nature = findingNature(grades, group.gradeKey);
    return { gradeName: group.gradeName, count: group.findings.length, kind: nature === 'nonconformity' ? 'nonconformity' : nature === 'good_practice' ? 'good_practice' : 'other' };
  });

/** The numbers of the findings raised on each topic, in number order. */
export function findingNumbersByTopic(source: Pick<ReportSource, 'findings'>, topicsOf: (finding: FindingBrief) => ReadonlySet<string>): Map<string, string[]> {
  const numbers = new Map<string, string[]>();
  for (const finding of source.findings) {
    for (const topic of topicsOf(finding)) {
      const list = numbers.get(topic);
      if (list) list.push(finding.label);
      else numbers.set(topic, [finding.label]);
    }
  }
  return numbers;
}

/**
 * The client's earlier nonconformities and how this audit verified the corrective actions taken
 * (17021-1 9.4.8 item 18), by their number.
 */
export function earlierNcs(source: ReportSource, options: PlanDocumentOptions): ReportEarlierNc[] {
  const labels = REPORT_LABELS[options.language];
  const members = new Map(source.team.map((member) => [member.id, member.name]));
  const grades = new Map(source.findingsProfile.grades.map((grade) => [grade.key, grade]));
  return [...source.earlierNcs]
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }) || (a.raised_on ?? '').localeCompare(b.raised_on ?? '') || a.id.localeCompare(b.id))
    .map((nc) => {
      const grade = grades.get(nc.grade);
      return {
        number: nc.number,
        gradeName: nc.grade_name.trim() || (grade ? textIn(grade.name, options.language, 'en') : '') || nc.grade,
        clause: nc.clause,
        statement: nc.statement,
        audit: nc.audit_label,
        clientAction: nc.client_action,
        method: labels.verificationMethod[nc.verification_method],
        note: nc.verification_note,
        effectiveness: labels.verificationResult[nc.effectiveness],
        effectivenessKey: nc.effectiveness,
        verifiedOn: nc.verified_on,
        verifier: nc.verifier_id ? (members.get(nc.verifier_id) ?? '') : '',
        closedOn: nc.closed_on,
      };
    });
}

/** The auditee's diverging opinions still unresolved (17021-1 9.4.8), in the findings' number order. */
export function unresolvedOpinions(source: Pick<ReportSource, 'findings' | 'opinions'>): ReportInput['unresolvedOpinions'] {
  const position = new Map(source.findings.map((finding, at) => [finding.id, { at, label: finding.label }]));
  return source.opinions
    .filter((row) => row.status === 'unresolved' && position.has(row.finding_id))
    .sort((a, b) => position.get(a.finding_id)!.at - position.get(b.finding_id)!.at || a.id.localeCompare(b.id))
    .map((row) => ({ findingNumber: position.get(row.finding_id)!.label, auditeeView: row.auditee_view, teamResponse: row.team_response }));
}
