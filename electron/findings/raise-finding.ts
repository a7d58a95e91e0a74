import type { ChecklistClause, ChecklistPack } from '../../shared/checklist/pack.ts';
import type { RaiseSource, RaisedFindingView } from '../../shared/contract/finding-views.ts';
import { entryClauses, entryDefaultTopic, topicOfClause, type TopicSessionLink } from '../../shared/fieldwork/notebook-topics.ts';
import { entryMarks } from '../../shared/fieldwork/notebook-marks.ts';
import { sameKey } from '../../shared/fieldwork/notebook-structure.ts';
import { defaultGrade, isKnownGrade, type GradeHint } from '../../shared/findings/default-grade.ts';
import { findingLabel } from '../../shared/findings/finding-label.ts';
import type { FindingSource } from '../../shared/findings/finding-kinds.ts';
import {
  clauseByNumber,
  clauseOfAttribute,
  clauseOfQuestion,
  entryPlainText,
  isPackProcess,
  recordEvidenceText,
  requirementText,
  sampleEvidenceLead,
} from '../../shared/findings/raise-prefill.ts';
import { naturalRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { auditDayOf } from '../../shared/time.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import { engagementRow, enginePack, liveRow } from './finding-context.ts';
import { findingsProfileOf } from './findings-profile.ts';

/** What a raise asks for: where from, and a grade when the auditor chose one already. */
export interface RaiseRequest {
  readonly source: RaiseSource;
  readonly grade?: string;
}

/** What a source fills in: the finding's fields and the rows its links point at. */
interface Prefill {
  sourceKind: FindingSource;
  hint: GradeHint;
  requirement: string;
  evidence: string;
  process: string;
  auditeeRepresentative: string;
  sessionId: string | null;
  clauses: string[];
  siteIds: string[];
  serviceIds: string[];
  evidenceIds: string[];
  answerIds: string[];
  entryIds: string[];
  recordIds: string[];
}

const emptyPrefill = (): Prefill => ({
  sourceKind: 'none',
  hint: 'not_nonconformity',
  requirement: '',
  evidence: '',
  process: '',
  auditeeRepresentative: '',
  sessionId: null,
  clauses: [],
  siteIds: [],
  serviceIds: [],
  evidenceIds: [],
  answerIds: [],
  entryIds: [],
  recordIds: [],
});

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Raises a finding as `memberId`, in ONE transaction with its link rows:
 * - provisional id = (member, their highest provisional_seq + 1), deleted findings counted, so an undone
 *   delete never shares a number with a later finding, and two members' copies never collide;
 * - raised on today in the engagement's time zone, kept within the audit's dates (raised the evening
 *   before day 1 → day 1; written up after the last day → the last day);
 * - graded as the auditor asked (a key of the CB profile's scale, or the area of concern), else by
 *   `defaultGrade` from what the source says;
 * - filled in from the source (see the fill functions below). Reading a source that was deleted is
 *   ROW_NOT_FOUND naming its table.
 */
export function raiseFinding(store: EngagementStore, memberId: string, request: RaiseRequest, now: number = Date.now()): RaisedFindingView {
  if (store.context.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  return store.db
    .transaction((): RaisedFindingView => {
      const member = liveRow(store, 'team_member', memberId);
      const db = store.db;
      const engagement = engagementRow(db);
      const { profile } = findingsProfileOf(db);
      const pack = enginePack(db);
      const language = engagement.audit_language || pack?.defaultLanguage || 'en';
      const prefill = prefillFrom(store, pack, language, request.source);

      const stage1 = engagement.audit_type === 'stage1';
      if (request.grade !== undefined && !isKnownGrade(profile.grades, request.grade)) {
        throw new StoreError('INVALID_VALUE', `${request.grade} is not a grade of this engagement's scale`, { table: 'finding', field: 'grade', problem: 'is not a grade of the CB profile' });
      }
      const grade = request.grade ?? defaultGrade(profile.grades, stage1, prefill.hint);

      const last = db.prepare('SELECT MAX(provisional_seq) FROM finding WHERE raised_by = ?').pluck().get(memberId) as number | null;
      const provisionalSeq = (last ?? 0) + 1;
      const today = auditDayOf(now, engagement.time_zone);
      const raisedOn = today < engagement.start_date ? engagement.start_date : today > engagement.end_date ? engagement.end_date : today;

      const engagement_id = store.engagementId;
      const findingId = store.createRow('finding', {
        engagement_id,
        raised_by: memberId,
        provisional_seq: provisionalSeq,
        source_kind: prefill.sourceKind,
        grade,
        requirement: prefill.requirement,
        evidence: prefill.evidence,
        process: prefill.process,
        auditee_representative: prefill.auditeeRepresentative,
        raised_on: raisedOn,
        session_id: prefill.sessionId,
      });
      const link = (table: string, field: string, targets: readonly string[]) => {
        for (const target of unique(targets)) store.createRow(table, { engagement_id, finding_id: findingId, [field]: target });
      };
      link('finding_clause', 'clause', prefill.clauses);
      link('finding_site', 'site_id', prefill.siteIds);
      link('finding_service', 'service_id', prefill.serviceIds);
      link('finding_evidence', 'evidence_id', prefill.evidenceIds);
      link('finding_answer', 'answer_id', prefill.answerIds);
      link('finding_note', 'entry_id', prefill.entryIds);
      link('finding_record', 'record_id', prefill.recordIds);

      return { findingId, label: findingLabel({ finalNumber: '', provisionalSeq, raisedByInitials: String(member.initials) }) };
    })
    .immediate();
}

function prefillFrom(store: EngagementStore, pack: ChecklistPack | null, language: string, source: RaiseSource): Prefill {
  switch (source.kind) {
    case 'none':
      return emptyPrefill();
    case 'answer':
      return fromAnswer(store, pack, language, source.answerId);
    case 'notebook':
      return fromEntry(store, pack, language, source.entryId);
    case 'record':
      return fromRecord(store, pack, language, source.recordId);
    case 'sample':
      return fromSample(store, pack, language, source.sampleId, source.recordIds);
  }
}

/**
 * From a tested sample (issue 20): each deviating record as `fromRecord` fills it, joined — the
 * evidence text opens with the population and the sample's counts, the records are all linked, the
 * clauses, sites and evidence references are the union. Records not of this sample are refused.
 */
function fromSample(store: EngagementStore, pack: ChecklistPack | null, language: string, sampleId: string, recordIds: readonly string[]): Prefill {
  const sample = liveRow(store, 'sample', sampleId);
  const population = store.db.prepare('SELECT name, source_name, row_count FROM population WHERE id = ?').get(sample.population_id) as
    | { name: string; source_name: string; row_count: number }
    | undefined;
  if (!population) throw new StoreError('ROW_NOT_FOUND', 'The sample\'s population is not in this copy', { table: 'population', id: String(sample.population_id) });
  const ofSample = new Set(
    store.db.prepare('SELECT record_id FROM sample_item WHERE sample_id = ? AND deleted = 0 AND record_id IS NOT NULL').pluck().all(sampleId) as string[],
  );
  const outside = recordIds.find((id) => !ofSample.has(id));
  if (outside !== undefined) throw new StoreError('ROW_NOT_FOUND', 'This record is not an item of the sample', { table: 'sample_item', id: outside });
  const parts = unique(recordIds).map((id) => fromRecord(store, pack, language, id));
  const tested = store.db
    .prepare(
      `SELECT COUNT(*) FROM sample_item i JOIN record_seen r ON r.id = i.record_id
       WHERE i.sample_id = ? AND i.deleted = 0 AND r.deleted = 0 AND r.result <> 'not_tested'`,
    )
    .pluck()
    .get(sampleId) as number;
  const lead = sampleEvidenceLead(
    { populationName: population.name, sourceName: population.source_name, rowCount: population.row_count, tested: Math.max(tested, parts.length), deviations: parts.length },
    language,
  );
  const first = parts[0]!;
  const clauses = unique(parts.flatMap((part) => part.clauses));
  return {
    ...first,
    sourceKind: 'sample',
    hint: 'nonconformity',
    requirement: clauses.length > first.clauses.length ? requirementOf(pack, clauses.map((number) => (pack ? clauseByNumber(pack, number) : null)).filter((c): c is ChecklistClause => c !== null), language) : first.requirement,
    evidence: [lead, ...parts.map((part) => part.evidence)].join('\n'),
    clauses,
    siteIds: unique(parts.flatMap((part) => part.siteIds)),
    evidenceIds: unique(parts.flatMap((part) => part.evidenceIds)),
    recordIds: unique(parts.flatMap((part) => part.recordIds)),
  };
}

/** The session's live plan row, its site and its services (a session deleted since adds nothing). */
function sessionPlace(store: EngagementStore, sessionId: string | null): Pick<Prefill, 'sessionId' | 'siteIds' | 'serviceIds'> {
  if (sessionId === null) return { sessionId: null, siteIds: [], serviceIds: [] };
  const session = store.db.prepare('SELECT site_id FROM plan_session WHERE id = ? AND deleted = 0').get(sessionId) as { site_id: string | null } | undefined;
  if (!session) return { sessionId: null, siteIds: [], serviceIds: [] };
  const serviceIds = store.db
    .prepare('SELECT l.service_id FROM plan_session_service l JOIN service s ON s.id = l.service_id WHERE l.session_id = ? AND l.deleted = 0 AND s.deleted = 0 ORDER BY l.id')
    .pluck()
    .all(sessionId) as string[];
  return { sessionId, siteIds: session.site_id && liveSite(store, session.site_id) ? [session.site_id] : [], serviceIds };
}

const liveSite = (store: EngagementStore, siteId: string): boolean => store.db.prepare('SELECT 1 FROM site WHERE id = ? AND deleted = 0').get(siteId) !== undefined;

/** "Name, Role" of a person, as the auditee's representative is written. */
const personLabel = (name: string, role: string): string => (role.trim() ? `${name}, ${role.trim()}` : name);

/** The requirement of the first clause the pack describes. */
function requirementOf(pack: ChecklistPack | null, clauses: readonly (ChecklistClause | null)[], language: string): string {
  if (!pack) return '';
  for (const clause of clauses) {
    const text = clause ? requirementText(pack, clause, language) : '';
    if (text !== '') return text;
  }
  return '';
}

/**
 * From a checklist answer: its question's clause (the link and the requirement), the process that
 * clause belongs to, the answer's notes as the evidence text, its evidence references, the first
 * person interviewed for it as the auditee's representative, the answer itself, its session and that
 * session's site and services. "Nonconformity found" suggests a nonconformity grade.
 */
function fromAnswer(store: EngagementStore, pack: ChecklistPack | null, language: string, answerId: string): Prefill {
  const answer = liveRow(store, 'checklist_answer', answerId);
  const clause = pack ? clauseOfQuestion(pack, String(answer.question_id)) : null;
  const topic = clause ? topicOfClause(pack, clause.number) : '';
  const evidenceIds = store.db
    .prepare('SELECT l.evidence_id FROM answer_evidence l JOIN evidence_item e ON e.id = l.evidence_id WHERE l.answer_id = ? AND l.deleted = 0 AND e.deleted = 0 ORDER BY l.id')
    .pluck()
    .all(answerId) as string[];
  const interviewee = store.db
    .prepare('SELECT p.name, p.role FROM answer_person l JOIN person p ON p.id = l.person_id WHERE l.answer_id = ? AND l.deleted = 0 AND p.deleted = 0 ORDER BY l.id LIMIT 1')
    .get(answerId) as { name: string; role: string } | undefined;
  return {
    ...emptyPrefill(),
    sourceKind: 'answer',
    hint: answer.result === 'nonconformity' ? 'nonconformity' : 'not_nonconformity',
    requirement: requirementOf(pack, [clause], language),
    evidence: String(answer.notes),
    process: isPackProcess(pack, topic) ? topic : '',
    auditeeRepresentative: interviewee ? personLabel(interviewee.name, interviewee.role) : '',
    ...sessionPlace(store, answer.session_id as string | null),
    clauses: clause ? [clause.number] : [],
    evidenceIds,
    answerIds: [answerId],
  };
}

/**
 * From a notebook entry: the body as plain text for the evidence, its §clauses (links and the
 * requirement), its [[documents]] as the evidence references of those titles (any case) where they
 * exist, its #records as the records seen they were filed as, its first @person as the auditee's
 * representative, its topic (else its session's first process, else its first clause's process) as
 * the process, the entry itself, its session and that session's site and services.
 */
function fromEntry(store: EngagementStore, pack: ChecklistPack | null, language: string, entryId: string): Prefill {
  const entry = liveRow(store, 'notebook_entry', entryId);
  const body = String(entry.body);
  const sessionId = entry.session_id as string | null;
  const links = store.listRows('plan_session_topic') as unknown as TopicSessionLink[];
  const topic = entryDefaultTopic(String(entry.topic), sessionId, links, pack);
  const clauses = entryClauses(body);
  const clauseTopic = clauses.map((number) => topicOfClause(pack, number)).find((candidate) => isPackProcess(pack, candidate));
  const process = topic !== null && isPackProcess(pack, topic) ? topic : (clauseTopic ?? '');

  const evidenceItems = store.listRows('evidence_item');
  const records = store.listRows('record_seen');
  const evidenceIds: string[] = [];
  const recordIds: string[] = [];
  let representative = '';
  for (const mark of entryMarks(body)) {
    if (mark.kind === 'document') {
      const key = sameKey(mark.title);
      const found = evidenceItems.find((item) => sameKey(String(item.title)) === key);
      if (found) evidenceIds.push(String(found.id));
    } else if (mark.kind === 'record') {
      const filed = topic ? naturalRowId(store.engagementId, 'record_seen', [topic, mark.id]) : null;
      const found = records.find((record) => record.id === filed) ?? records.find((record) => record.record_ref === mark.id);
      if (found) recordIds.push(String(found.id));
    } else if (mark.kind === 'person' && representative === '') {
      // As typed (a full-width comma stays), spaces collapsed.
      representative = mark.raw.slice(1).replace(/\s+/gu, ' ').trim();
    }
  }
  return {
    ...emptyPrefill(),
    sourceKind: 'notebook',
    requirement: requirementOf(pack, pack ? clauses.map((number) => (pack ? clauseByNumber(pack, number) : null)) : [], language),
    evidence: entryPlainText(body),
    process,
    auditeeRepresentative: representative,
    ...sessionPlace(store, sessionId),
    clauses,
    evidenceIds,
    entryIds: [entryId],
    recordIds,
  };
}

/**
 * From a record seen: its topic as the process, the record, its note and each attribute it failed
 * as the evidence text, the clauses of those attributes' sampling plans (else of its query's plan),
 * its evidence reference, its query's site (else its session's) and session. A failed record
 * suggests a nonconformity grade.
 */
function fromRecord(store: EngagementStore, pack: ChecklistPack | null, language: string, recordId: string): Prefill {
  const record = liveRow(store, 'record_seen', recordId);
  const failed = store.db
    .prepare("SELECT attribute, note FROM record_attribute WHERE record_id = ? AND deleted = 0 AND result = 'fail' ORDER BY attribute")
    .all(recordId) as { attribute: string; note: string }[];
  const clauses: ChecklistClause[] = [];
  const failedTexts = failed.map((row) => {
    const found = pack ? clauseOfAttribute(pack, row.attribute, language) : null;
    if (found) clauses.push(found.clause);
    return { text: found?.text ?? row.attribute, note: row.note };
  });
  const query = record.query_id
    ? (store.db.prepare('SELECT site_id, session_id, sampling_plan FROM record_query WHERE id = ? AND deleted = 0').get(record.query_id) as
        | { site_id: string | null; session_id: string | null; sampling_plan: string }
        | undefined)
    : undefined;
  if (clauses.length === 0 && pack && query?.sampling_plan) {
    const planClause = pack.clauses.find((clause) => clause.sampling?.some((plan) => plan.id === query.sampling_plan));
    if (planClause) clauses.push(planClause);
  }
  const place = sessionPlace(store, query?.session_id ?? null);
  const siteIds = query?.site_id && liveSite(store, query.site_id) ? [query.site_id] : place.siteIds;
  const evidenceId = record.evidence_id as string | null;
  const evidenceLive = evidenceId !== null && store.db.prepare('SELECT 1 FROM evidence_item WHERE id = ? AND deleted = 0').get(evidenceId) !== undefined;
  const topic = String(record.topic);
  return {
    ...emptyPrefill(),
    sourceKind: 'record',
    hint: record.result === 'fail' ? 'nonconformity' : 'not_nonconformity',
    requirement: requirementOf(pack, clauses, language),
    evidence: recordEvidenceText(String(record.record_ref), String(record.note), failedTexts, language),
    process: isPackProcess(pack, topic) ? topic : '',
    ...place,
    siteIds,
    clauses: unique(clauses.map((clause) => clause.number)),
    evidenceIds: evidenceLive ? [evidenceId] : [],
    recordIds: [recordId],
  };
}

