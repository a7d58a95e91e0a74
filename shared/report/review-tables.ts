import type { PlanDocumentInput } from '../documents/plan-input.ts';
import type { ReportFinding, ReportInput } from '../documents/report-input.ts';
import type { EvidenceIndex } from './evidence-index.ts';

/**
 * The technical-review package's data for the CB's back office (issue 18): the findings, the plan and
 * the conclusions, each as JSON (structured, as the report resolved it) and as a workbook (one sheet
 * per table, one row per item), plus the evidence index as a workbook. Pure: the exporter writes the
 * JSON text and hands the sheets to the spreadsheet writer, which escapes every text cell.
 *
 * Column headers and JSON keys are English whatever the report's language: they are the back
 * office's field names; the values are in the report's language, as the report prints them.
 */

export type Cell = string | number | null;

export interface ReviewSheet {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** One table of the package: its JSON document and its workbook's sheets. */
export interface ReviewTable {
  readonly json: unknown;
  readonly sheets: readonly ReviewSheet[];
}

const list = (values: readonly string[]): string => values.join('; ');
const yes = (value: boolean): string => (value ? 'yes' : 'no');

/** Who the package speaks of, at the head of every JSON document. */
function about(report: ReportInput) {
  return {
    reference: report.audit.reference,
    client: report.client.name,
    auditType: report.audit.type,
    language: report.document.language,
    reportRevision: report.document.revision,
    issuedAt: report.document.issuedAt,
  };
}

/** The acknowledgement without the signature image: who, when, signed or declined and why. */
function acknowledgement(finding: ReportFinding) {
  const ack = finding.acknowledgement;
  if (!ack) return null;
  return ack.status === 'signed' ? { status: ack.status, name: ack.name, role: ack.role, date: ack.date } : { status: ack.status, name: ack.name, role: ack.role, date: ack.date, reason: ack.reason };
}

export function findingsTable(report: ReportInput): ReviewTable {
  const findings = report.findingGroups.flatMap((group) =>
    group.findings.map((finding) => ({
      number: finding.number,
      numbered: finding.numbered,
      grade: group.gradeKey,
      gradeName: group.gradeName,
      nonconformity: group.isNonconformity,
      major: group.major,
      clauses: finding.clauses,
      process: finding.process,
      procedure: finding.procedure,
      sites: finding.sites,
      services: finding.services,
      requirement: finding.requirement,
      evidence: finding.evidence,
      notFulfilled: finding.notFulfilled,
      rationale: finding.rationale,
      evidenceReferences: finding.evidenceRefs,
      records: finding.records,
      raisedBy: finding.raisedBy,
      raisedOn: finding.raisedOn,
      acknowledgement: acknowledgement(finding),
      responseDue: finding.responseDue,
      verificationDue: finding.verificationDue,
      repeatOf: finding.repeatOf,
    })),
  );
  const ackText = (ack: ReturnType<typeof acknowledgement>): string => (!ack ? '' : 'reason' in ack ? `Declined by ${ack.name} (${ack.date}): ${ack.reason}` : `Signed by ${ack.name} (${ack.date})`);
  return {
    json: { ...about(report), findings },
    sheets: [
      {
        name: 'Findings',
        columns: ['Number', 'Grade', 'Nonconformity', 'Major', 'Clauses', 'Process', 'Procedure', 'Sites', 'Services', 'Requirement', 'Evidence', 'Not fulfilled', 'Grade rationale', 'Evidence references', 'Records', 'Raised by', 'Raised on', 'Acknowledgement', 'Response due', 'Verification due', 'Repeat of'],
        rows: findings.map((f) => [
          f.number,
          f.gradeName,
          yes(f.nonconformity),
          yes(f.major),
          list(f.clauses),
          f.process,
          f.procedure,
          list(f.sites),
          list(f.services),
          f.requirement,
          f.evidence,
          f.notFulfilled,
          f.rationale,
          list(f.evidenceReferences),
          list(f.records),
          f.raisedBy,
          f.raisedOn,
          ackText(f.acknowledgement),
          f.responseDue,
          f.verificationDue,
          f.repeatOf,
        ]),
      },
    ],
  };
}

/** The plan as planned (the plan document's sessions), as it ran (the report's days), its deviations and the auditor-days. */
export function planTable(report: ReportInput, plan: PlanDocumentInput): ReviewTable {
  const names = new Map(plan.team.map((member) => [member.id, member.name]));
  const sessions = plan.sessions.map((session) => ({
    day: session.day,
    start: session.start,
    end: session.end,
    kind: session.kind,
    title: session.title,
    site: session.siteName,
    remote: session.remote,
    processes: session.processes,
    clauses: session.clauses,
    services: session.services,
    auditees: session.auditees,
    team: session.teamMemberIds.map((id) => names.get(id) ?? id),
    notes: session.notes,
  }));
  const asRun = report.days.flatMap((day) => day.activities.map((activity) => ({ day: day.day, ...activity })));
  const days = report.auditorDays;
  return {
    json: { ...about(report), sessions, asRun, deviations: report.deviations, auditorDays: days },
    sheets: [
      {
        name: 'Sessions',
        columns: ['Day', 'Start', 'End', 'Kind', 'Title', 'Site', 'Remote tool', 'Processes', 'Clauses', 'Services', 'Auditees', 'Team', 'Notes'],
        rows: sessions.map((s) => [s.day, s.start, s.end, s.kind, s.title, s.site, s.remote?.tool ?? '', list(s.processes), list(s.clauses), list(s.services), list(s.auditees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name))), list(s.team), s.notes]),
      },
      {
        name: 'As it ran',
        columns: ['Day', 'Start', 'End', 'Title', 'Place', 'Remote', 'Team'],
        rows: asRun.map((a) => [a.day, a.start, a.end, a.title, a.place, yes(a.remote), list(a.team)]),
      },
      {
        name: 'Deviations',
        columns: ['Session', 'Planned', 'Change', 'Actual', 'Reason'],
        rows: report.deviations.map((d) => [d.session, d.planned, d.change, d.actual, d.reason]),
      },
      {
        name: 'Auditor-days',
        columns: ['Allocated on site', 'Allocated remote', 'Planned on site', 'Planned remote', 'Actual on site', 'Actual remote', 'Justification'],
        rows: [[days.allocatedOnSite, days.allocatedRemote, days.plannedOnSite, days.plannedRemote, days.actualOnSite, days.actualRemote, days.justification]],
      },
    ],
  };
}

/** The conclusions: per process and clause group, the audit statements, the recommendation, earlier NCs, surveillance items, stage 1's. */
export function conclusionsTable(report: ReportInput): ReviewTable {
  const results = report.results;
  const sheets: ReviewSheet[] = [
    {
      name: 'Results',
      columns: ['Topic', 'Kind', 'Title', 'Status', 'Conclusion', 'Evidence', 'Questions', 'Conforming', 'Nonconforming', 'Not applicable', 'Not answered', 'Records seen', 'Findings'],
      rows: results.map((r) => [
        r.topic,
        r.kind,
        r.title,
        r.status,
        r.conclusion,
        list(r.evidence),
        r.checklist.questions,
        r.checklist.conforming,
        r.checklist.nonconforming,
        r.checklist.notApplicable,
        r.checklist.notAnswered,
        list(r.records.map((record) => `${record.reference} (${record.result})`)),
        list(r.findingNumbers),
      ]),
    },
    {
      name: 'Statements',
      columns: ['Item', 'Title', 'Verdict', 'Text'],
      rows: report.statements.map((s) => [s.item, s.title, s.verdict, s.text]),
    },
    {
      name: 'Recommendation',
      columns: ['Key', 'Text', 'Reason for differing from the suggestion'],
      rows: report.recommendation ? [[report.recommendation.key, report.recommendation.text, report.recommendation.overrideReason]] : [],
    },
  ];
  const grid = results.flatMap((r) => (r.grid ?? []).map((point) => [r.topic, point.point, point.rating, point.note]));
  if (grid.length) sheets.push({ name: 'Process control grid', columns: ['Topic', 'Point', 'Rating', 'Note'], rows: grid });
  if (report.earlierNcs.length) {
    sheets.push({
      name: 'Earlier NCs',
      columns: ['Number', 'Grade', 'Clause', 'Statement', 'Audit', 'Client action', 'Method', 'Note', 'Effectiveness', 'Verified on', 'Verifier', 'Closed on'],
      rows: report.earlierNcs.map((e) => [e.number, e.gradeName, e.clause, e.statement, e.audit, e.clientAction, e.method, e.note, e.effectiveness, e.verifiedOn, e.verifier, e.closedOn]),
    });
  }
  if (report.surveillance.length) sheets.push({ name: 'Surveillance items', columns: ['Item', 'Status', 'Entry'], rows: report.surveillance.map((s) => [s.item, s.status, s.entry]) });
  if (report.unresolvedOpinions.length) {
    sheets.push({ name: 'Diverging opinions', columns: ['Finding', 'Auditee’s view', 'Team’s response'], rows: report.unresolvedOpinions.map((o) => [o.findingNumber, o.auditeeView, o.teamResponse]) });
  }
  if (report.stage1) {
    sheets.push(
      { name: 'Readiness', columns: ['Area', 'Status', 'Note'], rows: report.stage1.readiness.map((r) => [r.area, r.status, r.note]) },
      { name: 'Document review', columns: ['Document', 'Version', 'Date', 'Clause', 'Adequacy', 'Comment'], rows: report.stage1.documentReview.map((d) => [d.document, d.version, d.date, d.clause, d.adequacy, d.comment]) },
    );
  }
  return {
    json: {
      ...about(report),
      results,
      statements: report.statements,
      recommendation: report.recommendation,
      earlierNcs: report.earlierNcs,
      surveillance: report.surveillance,
      unresolvedOpinions: report.unresolvedOpinions,
      remote: report.remote,
      stage1: report.stage1,
    },
    sheets,
  };
}

/** The evidence index's two sheets: the references with where they are used, the files with their SHA-256. */
export function evidenceIndexSheets(index: EvidenceIndex): ReviewSheet[] {
  return [
    {
      name: 'References',
      columns: ['Kind', 'Title', 'Version', 'Date', 'Location', 'Shown by', 'Used in'],
      rows: index.references.map((r) => [r.kind, r.title, r.version, r.date, r.location, r.shownBy, list(r.usedIn)]),
    },
    {
      name: 'Files',
      columns: ['Reference', 'File name', 'Kind', 'Media type', 'SHA-256', 'Size (bytes)', 'Captured at'],
      rows: index.files.map((f) => [f.reference, f.fileName, f.kind, f.mediaType, f.sha256, f.size, f.capturedAt]),
    },
  ];
}
