import type { ChecklistPack } from '../checklist/pack.ts';
import { textIn } from '../checklist/pack.ts';
import type { DocumentLanguage } from '../documents/plan-input.ts';
import type { ReportChecklistOutcome, ReportGridPoint, ReportRecordSeen, ReportResult, ReportTrail } from '../documents/report-input.ts';
import type { AnswerResult } from '../fieldwork/answer-results.ts';
import type { ChecklistUnit } from '../fieldwork/checklist-units.ts';
import { GRID_POINTS } from '../fieldwork/fieldwork-kinds.ts';
import { linkTopic } from '../fieldwork/notebook-topics.ts';
import type { Engagement } from '../engagement.ts';
import { packOutline, packSurveillanceClauses } from '../plan/plan-check-input.ts';
import { requiredUnits, surveillanceSelection } from '../plan/plan-coverage.ts';
import { REPORT_LABELS } from './report-labels.ts';
import type { ReportSource } from './report-source.ts';
import { topicTitle, topicTitleOf, type ReportTopics } from './report-topics.ts';
import { queryText } from './report-wording.ts';

/** Audits of the whole standard report every process and clause group, audited or not (a gap shows as "Not concluded"). */
const WHOLE_STANDARD: readonly Engagement['audit_type'][] = ['stage2', 'recertification', 'transfer'];

/**
 * A question's outcome when several team members answered it: a nonconformity found by anyone stands;
 * otherwise conforming (an observation is a conforming answer with a remark); otherwise not applicable;
 * otherwise not answered ("not audited" is no answer, as the fieldwork progress counts it).
 */
function questionOutcome(results: ReadonlySet<AnswerResult>): keyof Omit<ReportChecklistOutcome, 'questions'> {
  if (results.has('nonconformity')) return 'nonconforming';
  if (results.has('conforming') || results.has('observation')) return 'conforming';
  if (results.has('not_applicable')) return 'notApplicable';
  return 'notAnswered';
}

function checklistOutcome(unit: ChecklistUnit, resultsOf: ReadonlyMap<string, Set<AnswerResult>>): ReportChecklistOutcome {
  const outcome = { questions: unit.questions.length, conforming: 0, nonconforming: 0, notApplicable: 0, notAnswered: 0 };
  for (const { question } of unit.questions) outcome[questionOutcome(resultsOf.get(question.id) ?? new Set())] += 1;
  return outcome;
}

/** The pack's test attributes by id ("8.3.3-s01-a06" → "Reviewed at the planned interval"), in the report's language. */
export function attributeNames(pack: ChecklistPack | null, language: DocumentLanguage): Map<string, string> {
  const names = new Map<string, string>();
  for (const clause of pack?.clauses ?? []) {
    for (const plan of clause.sampling ?? []) for (const attribute of plan.attributes) names.set(attribute.id, textIn(attribute.text, language, pack!.defaultLanguage));
  }
  return names;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const byReference = (a: { reference: string }, b: { reference: string }): number => a.reference.localeCompare(b.reference, 'en', { numeric: true });

/**
 * The topics the report gives results for: every unit at stage 2 and recertification; otherwise the
 * units the audit must cover (the surveillance selection), those the plan's sessions cover, and any
 * the team recorded something on (an answer, a conclusion, a record, a finding).
 */
function reportedTopics(source: ReportSource, topics: ReportTopics, touched: ReadonlySet<string>): ReadonlySet<string> {
  const { engagement, pack } = source;
  if (WHOLE_STANDARD.includes(engagement.audit_type)) return new Set(topics.units.map((unit) => unit.key));
  const outline = packOutline(pack);
  const keys = new Set(touched);
  if (outline) {
    for (const unit of requiredUnits(engagement.audit_type, outline, surveillanceSelection(engagement.surveillance_clauses, packSurveillanceClauses(pack)))) {
      keys.add(unit.kind === 'process' ? unit.key : linkTopic(pack, { kind: 'clause', topic: unit.key }));
    }
  }
  for (const link of source.rows.topics) keys.add(linkTopic(pack, link));
  return keys;
}

/**
 * The results process by process and for the clause groups (17021-1 9.4.8 item 11), in clause order:
 * the conclusion as the team wrote it, the evidence cited on the topic, the five-point grid when the
 * CB profile uses it, the records seen with the attributes that failed, the populations shown on
 * screen, the checklist's outcome counted per question, and the numbers of the findings raised on it.
 */
export function reportResults(
  source: ReportSource,
  language: DocumentLanguage,
  topics: ReportTopics,
  evidenceRefs: ReadonlyMap<string, string>,
  findingNumbers: ReadonlyMap<string, readonly string[]>,
): ReportResult[] {
  const labels = REPORT_LABELS[language];
  const { pack, profile } = source;
  const resultsOf = new Map<string, Set<AnswerResult>>();
  for (const answer of source.answers) {
    const set = resultsOf.get(answer.question_id);
    if (set) set.add(answer.result);
    else resultsOf.set(answer.question_id, new Set([answer.result]));
  }
  const conclusions = new Map(source.conclusions.map((row) => [row.topic, row]));
  const names = attributeNames(pack, language);
  const failed = new Map<string, string[]>();
  for (const attribute of source.recordAttributes) if (attribute.result === 'fail') push(failed, attribute.record_id, names.get(attribute.attribute) ?? attribute.attribute);
  const records = new Map<string, ReportRecordSeen[]>();
  for (const record of source.recordsSeen) {
    push(records, record.topic, {
      reference: record.record_ref,
      result: labels.recordResult[record.result],
      resultKey: record.result,
      note: record.note,
      failedAttributes: failed.get(record.id) ?? [],
    });
  }
  const queries = new Map<string, string[]>();
  for (const query of source.recordQueries) {
    const text = queryText(query, language);
    if (text) push(queries, query.topic, text);
  }
  // Evidence in the order the references were recorded (the rows' UUIDv7 order).
  const evidence = new Map<string, string[]>();
  for (const item of source.evidenceItems) for (const topic of topics.evidenceTopics.get(item.id) ?? []) push(evidence, topic, evidenceRefs.get(item.id)!);

  const touched = new Set<string>([...records.keys(), ...queries.keys(), ...findingNumbers.keys()]);
  for (const row of source.conclusions) if (row.status !== 'not_concluded' || row.text.trim()) touched.add(row.topic);
  for (const [question, results] of resultsOf) if (questionOutcome(results) !== 'notAnswered') touched.add(topics.topicOfQuestion.get(question) ?? '');
  const reported = reportedTopics(source, topics, touched);
  const gridOn = profile?.fivePointProcessGrid === true;

  return topics.units
    .filter((unit) => reported.has(unit.key))
    .map((unit): ReportResult => {
      const conclusion = conclusions.get(unit.key);
      const status = conclusion?.status ?? 'not_concluded';
      const grid: ReportGridPoint[] | null =
        gridOn && unit.kind === 'process'
          ? GRID_POINTS.map((point) => {
              const ratingKey = conclusion?.[`grid_${point}`] ?? 'not_assessed';
              return { point: labels.gridPoint[point], rating: labels.rating[ratingKey], ratingKey, note: conclusion?.[`grid_${point}_note`] ?? '' };
            })
          : null;
      return {
        topic: unit.key,
        kind: unit.kind === 'process' ? 'process' : 'clauses',
        title: topicTitle(unit.kind, unit.kind === 'process' ? unit.key : unit.number, pack, language),
        status: labels.conclusionStatus[status],
        statusKey: status,
        conclusion: conclusion?.text ?? '',
        evidence: evidence.get(unit.key) ?? [],
        grid,
        records: [...(records.get(unit.key) ?? [])].sort(byReference),
        queries: queries.get(unit.key) ?? [],
        checklist: checklistOutcome(unit, resultsOf),
        findingNumbers: findingNumbers.get(unit.key) ?? [],
      };
    });
}

/**
 * The audit trails followed across processes: each step's record with the process it was seen in,
 * in the trail's order (by position).
 */
export function reportTrails(source: ReportSource, language: DocumentLanguage): ReportTrail[] {
  const services = new Map(source.services.map((service) => [service.id, service.name]));
  const records = new Map(source.recordsSeen.map((record) => [record.id, record]));
  const steps = new Map<string, ReportSource['trailSteps'][number][]>();
  for (const step of source.trailSteps) push(steps, step.trail_id, step);
  return source.trails.map((trail) => ({
    title: trail.title,
    service: trail.service_id ? (services.get(trail.service_id) ?? '') : '',
    steps: [...(steps.get(trail.id) ?? [])]
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
      .flatMap((step) => {
        const record = records.get(step.record_id);
        return record ? [{ process: topicTitleOf(record.topic, source.pack, language), record: record.record_ref, note: step.link_note }] : [];
      }),
    notes: trail.notes,
  }));
}
