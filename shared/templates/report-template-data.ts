/**
 * The audit report as a CB template sees it: ReportInput turned into the names of
 * report-placeholders.ts (a test holds the two equal, name for name). Plain values only, built with
 * null prototypes (see plan-template-data.ts). Labels (grades, verdicts, statuses, roles) are in the
 * input's document language: build the input in the template's language; dates, numbers and lists
 * are written here in `language`.
 */
import { acknowledgementText } from '../documents/closing-record-document.ts';
import { fixedText } from '../documents/fixed-text.ts';
import { samplingOf, type ReportDay, type ReportFinding, type ReportFindingGroup, type ReportInput, type ReportResult, type ReportSample } from '../documents/report-input.ts';
import { engagementFields, hundredths, leadAndAuditorDaysFields, record, type TemplateRecord, type TemplateValue } from './plan-template-data.ts';
import { REPORT_STATEMENT_ITEMS, statementName } from './report-placeholders.ts';
import { templateWriting, type TemplateWriting } from './template-writing.ts';

export function reportTemplateData(input: ReportInput, language: string = input.document.language): TemplateRecord {
  const write = templateWriting(language);
  const t = fixedText(input.document.language);
  const amount = (value: number | null): string => (value === null ? '' : write.number(value));
  const findings = input.findingGroups.flatMap((group) => group.findings.map((finding) => findingRecord(finding, group, input, write)));
  const nonconformities = input.findingGroups.filter((group) => group.isNonconformity);
  const days = input.auditorDays;
  const stage1 = input.stage1;
  const stage2 = stage1?.stage2;

  return record({
    ...engagementFields(input, write),
    ...leadAndAuditorDaysFields(input, write),
    'document.isDraft': input.draft,
    'client.licenceCheck': input.client.businessLicenceCheck ?? '',
    'audit.reference': input.audit.reference,
    'audit.scopeOtherLanguage': input.audit.scopeOtherLanguage,
    'audit.period': input.audit.period,

    'auditorDays.actualOnSite': amount(days.actualOnSite),
    'auditorDays.actualRemote': amount(days.actualRemote),
    'auditorDays.actualTotal': amount(hundredths(days.actualOnSite + days.actualRemote)),

    'remote.activities': write.number(input.remote.held),
    'remote.remoteActivities': write.number(input.remote.remote),
    'remote.tools': write.list(input.remote.tools),
    'remote.notes': input.remote.notes.join('\n'),
    'remote.hasRemote': input.remote.remote > 0,

    'recommendation.text': input.recommendation?.text ?? '',
    'recommendation.code': input.recommendation?.key ?? '',
    'recommendation.overrideReason': input.recommendation?.overrideReason ?? '',
    'recommendation.isRecorded': input.recommendation !== null,

    'summary.findings': write.number(findings.length),
    'summary.nonconformities': write.number(nonconformities.reduce((sum, group) => sum + group.findings.length, 0)),
    'summary.majors': write.number(nonconformities.filter((group) => group.major).reduce((sum, group) => sum + group.findings.length, 0)),
    'summary.counts': write.list(input.findingCounts.map((entry) => t('closingRecord.count', { grade: entry.gradeName, count: write.number(entry.count) }))),
    'summary.hasNonconformities': nonconformities.some((group) => group.findings.length > 0),

    ...statementFields(input),
    disclaimer: t('closingRecord.point.sampling_disclaimer'),

    findings,
    findingGroups: input.findingGroups.map((group) =>
      record({
        grade: group.gradeName,
        gradeCode: group.gradeKey,
        count: write.number(group.findings.length),
        isNonconformity: group.isNonconformity,
        isMajor: group.major,
        findings: group.findings.map((finding) => findingRecord(finding, group, input, write)),
      }),
    ),
    statements: input.statements.map((statement) => record({ title: statement.title, verdict: statement.verdict, verdictCode: statement.verdictKey, text: statement.text })),
    results: input.results.map((result) => resultRecord(result, write)),
    trails: input.trails.map((trail) =>
      record({ title: trail.title, service: trail.service, steps: write.list(trail.steps.map((step) => joined([`${step.process}: ${step.record}`, step.note]))), notes: trail.notes }),
    ),
    samples: samplingOf(input).flatMap((topic) => topic.samples.map((sample) => sampleRecord(topic.title, sample, write))),
    team: input.team.map((member) =>
      record({ name: member.name, role: member.roleLabel, roleCode: member.role, registrationNumber: member.registrationNumber, isLead: member.role === 'lead', isAccompanying: member.accompanying }),
    ),
    sites: input.sites.map((site) => record({ name: site.name, address: site.address, kind: site.kind, reason: site.reason, mode: site.mode, isVisited: site.visited })),
    services: input.services.map((service) =>
      record({ name: service.name, description: service.description, category: service.category, verification: service.verification, verificationNote: service.verificationNote }),
    ),
    days: input.days.map((day) => dayRecord(day, write)),
    deviations: input.deviations.map((deviation) => record({ session: deviation.session, planned: deviation.planned, change: deviation.change, actual: deviation.actual, reason: deviation.reason })),
    earlierNcs: input.earlierNcs.map((nc) =>
      record({
        number: nc.number,
        grade: nc.gradeName,
        clause: nc.clause,
        statement: nc.statement,
        audit: nc.audit,
        clientAction: nc.clientAction,
        method: nc.method,
        note: nc.note,
        effectiveness: nc.effectiveness,
        effectivenessCode: nc.effectivenessKey,
        verifiedOn: nc.verifiedOn ? write.date(nc.verifiedOn) : '',
        verifier: nc.verifier,
        closedOn: nc.closedOn ? write.date(nc.closedOn) : '',
      }),
    ),
    opinions: input.unresolvedOpinions.map((opinion) => record({ findingNumber: opinion.findingNumber, auditeeView: opinion.auditeeView, teamResponse: opinion.teamResponse })),
    surveillance: input.surveillance.map((item) => record({ item: item.item, status: item.status, statusCode: item.statusKey, entry: item.entry })),

    'stage1.overall': stage1?.overall ?? '',
    'stage1.stage2Dates': stage2?.proposedStart && stage2.proposedEnd ? write.dateRange(stage2.proposedStart, stage2.proposedEnd) : stage2?.proposedStart ? write.date(stage2.proposedStart) : '',
    'stage1.stage2AuditorDays': amount(stage2?.auditorDays ?? null),
    'stage1.stage2Focus': stage2?.focus ?? '',
    documentReview: (stage1?.documentReview ?? []).map((entry) =>
      record({ document: entry.document, version: entry.version, date: entry.date ? write.date(entry.date) : '', clause: entry.clause, adequacy: entry.adequacy, adequacyCode: entry.adequacyKey, comment: entry.comment }),
    ),
    readiness: (stage1?.readiness ?? []).map((entry) => record({ area: entry.area, status: entry.status, statusCode: entry.statusKey, note: entry.note })),
    signatories: input.signatories.map((person) => record({ name: person.name, role: person.role, registrationNumber: person.registrationNumber })),
  });
}

/** Non-empty parts joined by " — " (a record seen: reference — result — note). */
const joined = (parts: readonly string[]): string => parts.filter((part) => part.trim() !== '').join(' — ');

/** Every statement's title, verdict and text by name; an item the report does not state is empty. */
function statementFields(input: ReportInput): Record<string, TemplateValue> {
  return Object.fromEntries(
    REPORT_STATEMENT_ITEMS.flatMap((item) => {
      const statement = input.statements.find((candidate) => candidate.item === item);
      const name = statementName(item);
      return [
        [`${name}.title`, statement?.title ?? ''],
        [`${name}.verdict`, statement?.verdict ?? ''],
        [`${name}.text`, statement?.text ?? ''],
      ];
    }),
  );
}

function findingRecord(finding: ReportFinding, group: ReportFindingGroup, input: ReportInput, write: TemplateWriting): TemplateRecord {
  const ack = group.isNonconformity ? finding.acknowledgement : null;
  const date = (value: string | null): string => (value ? write.date(value) : '');
  return record({
    number: finding.number,
    grade: group.gradeName,
    gradeCode: group.gradeKey,
    isNonconformity: group.isNonconformity,
    isMajor: group.major,
    clauses: write.list(finding.clauses),
    process: finding.process,
    procedure: finding.procedure,
    sites: write.list(finding.sites),
    services: write.list(finding.services),
    requirement: finding.requirement,
    evidence: finding.evidence,
    notFulfilled: finding.notFulfilled,
    rationale: finding.rationale,
    evidenceRefs: write.list(finding.evidenceRefs),
    records: write.list(finding.records),
    raisedBy: finding.raisedBy,
    raisedOn: date(finding.raisedOn),
    acknowledgement: group.isNonconformity ? acknowledgementText(ack, fixedText(input.document.language)) : '',
    acknowledgedBy: ack?.name ?? '',
    acknowledgedOn: date(ack?.date ?? null),
    isSigned: ack?.status === 'signed',
    isDeclined: ack?.status === 'declined',
    declinedReason: ack?.status === 'declined' ? ack.reason : '',
    responseDue: date(finding.responseDue),
    verificationDue: date(finding.verificationDue),
    repeatOf: finding.repeatOf,
  });
}

function resultRecord(result: ReportResult, write: TemplateWriting): TemplateRecord {
  const { checklist } = result;
  return record({
    title: result.title,
    kindCode: result.kind,
    status: result.status,
    statusCode: result.statusKey,
    conclusion: result.conclusion,
    evidence: write.list(result.evidence),
    records: write.list(result.records.map((seen) => joined([seen.reference, seen.result, seen.note, seen.failedAttributes.join(', ')]))),
    queries: write.list(result.queries),
    questions: write.number(checklist.questions),
    conforming: write.number(checklist.conforming),
    nonconforming: write.number(checklist.nonconforming),
    notApplicable: write.number(checklist.notApplicable),
    notAnswered: write.number(checklist.notAnswered),
    findingNumbers: write.list(result.findingNumbers),
    isConforming: result.statusKey === 'conforming',
    grid: (result.grid ?? []).map((point) => record({ point: point.point, rating: point.rating, note: point.note })),
  });
}

/** A sample drawn from a client's export (issue 20), flat with its process: a template lays it out as it likes. */
function sampleRecord(process: string, sample: ReportSample, write: TemplateWriting): TemplateRecord {
  return record({
    process,
    population: sample.population,
    source: sample.source,
    records: write.number(sample.populationSize),
    period: sample.period,
    site: sample.site,
    sizing: sample.sizing,
    sizingCode: sample.sizingKey,
    justification: sample.justification,
    method: sample.method,
    methodCode: sample.methodKey,
    size: write.number(sample.size),
    extended: write.number(sample.extended),
    algorithm: sample.algorithm,
    seed: sample.seed,
    populationHash: sample.populationHash,
    recompute: sample.recompute,
    tested: write.number(sample.tested),
    deviations: write.number(sample.deviations),
    deviationRate: sample.deviationRate,
    upperLimit: sample.upperLimit?.text ?? '',
    results: sample.results,
    deviatingRecords: write.list(sample.deviatingRecords),
    findingNumbers: write.list(sample.findingNumbers),
    isStatistical: sample.sizingKey === 'statistical',
    hasDeviations: sample.deviations > 0,
  });
}

function dayRecord(day: ReportDay, write: TemplateWriting): TemplateRecord {
  return record({
    day: write.date(day.day),
    dayIso: day.day,
    weekday: write.weekday(day.day),
    start: day.start,
    end: day.end,
    activities: day.activities.map((activity) =>
      record({ start: activity.start, end: activity.end, time: `${activity.start}–${activity.end}`, title: activity.title, place: activity.place, isRemote: activity.remote, team: write.list(activity.team) }),
    ),
  });
}
