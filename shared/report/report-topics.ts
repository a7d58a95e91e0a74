import type { ChecklistPack } from '../checklist/pack.ts';
import { textIn } from '../checklist/pack.ts';
import { fillText } from '../documents/fixed-text.ts';
import type { DocumentLanguage } from '../documents/plan-input.ts';
import { checklistUnits, type ChecklistUnit } from '../fieldwork/checklist-units.ts';
import { evidenceUses, notebookDocumentTitles } from '../fieldwork/evidence-uses.ts';
import { entryTopics, topicOfClause, type TopicSessionLink } from '../fieldwork/notebook-topics.ts';
import type { FindingBrief } from '../findings/finding-brief.ts';
import { topicLabel } from '../plan/topic-label.ts';
import { REPORT_LABELS } from './report-labels.ts';
import type { ReportSource } from './report-source.ts';

/**
 * The report's topics: the conclusions' (a pack process key, or a clause group '4'…'10' — `checklistUnits`,
 * as the Conclusions screen lists them) and what belongs to each — questions, evidence references,
 * findings. Each index is built in one pass over its rows. Pure.
 */
export interface ReportTopics {
  /** The pack's units in clause order (empty without a pack). */
  readonly units: readonly ChecklistUnit[];
  readonly topicOfQuestion: ReadonlyMap<string, string>;
  /** Evidence id → the topics it is used on (answers citing it, notebook entries marking it, records seen pointing at it), in unit order. */
  readonly evidenceTopics: ReadonlyMap<string, readonly string[]>;
  /** The topics a finding is raised on: its process and the topic of each of its clauses. */
  readonly findingTopics: (finding: Pick<FindingBrief, 'process' | 'clauses'>) => ReadonlySet<string>;
}

export function reportTopics(source: ReportSource): ReportTopics {
  const pack = source.pack;
  const units = pack ? checklistUnits(pack) : [];
  const order = new Map(units.map((unit, index) => [unit.key, index]));
  const topicOfQuestion = new Map<string, string>();
  const clauseOfQuestion = new Map<string, string>();
  for (const unit of units) {
    for (const { question, clauseNumber } of unit.questions) {
      topicOfQuestion.set(question.id, unit.key);
      clauseOfQuestion.set(question.id, clauseNumber);
    }
  }

  const uses = evidenceUses({
    items: source.evidenceItems,
    answerLinks: source.answerEvidence,
    answers: source.answers,
    clauseOfQuestion: (id) => clauseOfQuestion.get(id) ?? null,
    notebook: notebookDocumentTitles(source.notebookEntries),
    records: source.recordsSeen,
    reviews: source.documentReviews,
  });
  const links: TopicSessionLink[] = source.rows.topics.map((link) => ({ session_id: link.session_id, kind: link.kind, topic: link.topic }));
  const entries = new Map(source.notebookEntries.map((entry) => [entry.id, entry]));
  const evidenceTopics = new Map<string, string[]>();
  for (const [evidenceId, list] of uses) {
    const topics = new Set<string>();
    for (const use of list) {
      if (use.kind === 'answer') {
        const topic = topicOfQuestion.get(use.questionId);
        if (topic !== undefined) topics.add(topic);
      } else if (use.kind === 'notebook') {
        const entry = entries.get(use.entryId);
        if (entry) for (const topic of entryTopics(entry, links, pack)) topics.add(topic);
      } else if (use.kind === 'record') {
        topics.add(use.topic);
      }
    }
    if (topics.size) evidenceTopics.set(evidenceId, [...topics].sort((a, b) => (order.get(a) ?? units.length) - (order.get(b) ?? units.length)));
  }

  const findingTopics = (finding: Pick<FindingBrief, 'process' | 'clauses'>): Set<string> => {
    const topics = new Set<string>();
    if (finding.process.trim()) topics.add(finding.process.trim());
    for (const clause of finding.clauses) topics.add(topicOfClause(pack, clause));
    return topics;
  };
  return { units, topicOfQuestion, evidenceTopics, findingTopics };
}

/**
 * A topic's title in the report: a process as auditors name it ("8.5.1 Change management"), a clause
 * group as "Clause 4 Context of the organization" ("第4章 组织环境"); the key itself when the pack lost it.
 */
export function topicTitle(kind: 'process' | 'clause', key: string, pack: ChecklistPack | null, language: DocumentLanguage): string {
  if (kind === 'process') return topicLabel('process', key, pack, language);
  const clause = pack?.clauses.find((candidate) => candidate.number === key);
  const title = clause && pack ? textIn(clause.title, language, pack.defaultLanguage) : '';
  return fillText(REPORT_LABELS[language].clauseGroup, { number: key, title }).trim();
}

/** The title of a topic key as stored on a row (records seen, a finding's process): a process when the pack has it, else a clause group. */
export function topicTitleOf(key: string, pack: ChecklistPack | null, language: DocumentLanguage): string {
  if (pack?.processes.some((process) => process.key === key)) return topicTitle('process', key, pack, language);
  return /^\d+$/.test(key) ? topicTitle('clause', key, pack, language) : key;
}
