import type { AnswerResult } from './answer-results.ts';
import type { RecordResult } from './fieldwork-kinds.ts';
import { markKey, parseEntry } from './notebook-marks.ts';

/**
 * The draft narrative of a process or clause group (issue 15): what the notebook and the checklist
 * hold on it, written as an auditor's working draft — the people interviewed, the entries in the
 * order they were written with who wrote them and when, the documents and records seen, the
 * checklist's notes and its tally — which the auditor then edits into the conclusion. Pure: the
 * wording comes from `NarrativePhrases` (the screen builds them from its strings), so the draft is
 * written in the auditor's language and the logic is tested once.
 */

/** A notebook entry linked to the topic. */
export interface NarrativeEntry {
  readonly id: string;
  /** UTC instant, ISO 8601. */
  readonly writtenAt: string;
  /** The team member who wrote it. */
  readonly author: string;
  /** As typed, marks included. */
  readonly body: string;
}

/** An answer to one of the topic's questions, by one team member. */
export interface NarrativeAnswer {
  readonly questionId: string;
  /** The clause the question sits under (8.5.1), for the notes. */
  readonly clauseNumber: string;
  readonly author: string;
  readonly result: AnswerResult;
  readonly notes: string;
}

/** A record seen on screen for the topic (records seen), with what was seen of it. */
export interface NarrativeRecord {
  readonly ref: string;
  readonly result: RecordResult;
}

export interface NarrativeInput {
  readonly entries: readonly NarrativeEntry[];
  readonly answers: readonly NarrativeAnswer[];
  /** How many questions the pack has on the topic. */
  readonly questionCount: number;
  /** People interviewed recorded on the topic's answers (besides the entries' @marks). */
  readonly interviewees?: readonly { readonly name: string; readonly role: string | null }[];
  /** Evidence references cited by the topic's answers (besides the entries' [[marks]]). */
  readonly documents?: readonly string[];
  /** Records seen for the topic (besides the entries' #marks). */
  readonly records?: readonly NarrativeRecord[];
}

/** The counts of the topic's answers (every team member's), by result. */
export interface AnswerTally {
  readonly conforming: number;
  readonly nonconformity: number;
  readonly observation: number;
  readonly notApplicable: number;
  /** Questions with at least one answer other than "not audited". */
  readonly answeredQuestions: number;
  readonly questionCount: number;
}

/** The wording of the draft, in the auditor's language. Every function returns a fragment, not a sentence end. */
export interface NarrativePhrases {
  /** "14 Dec 2026, 10:20" in the engagement's time zone. */
  when(instant: string): string;
  /** The lead-in of an entry: "On 14 Dec 2026 at 10:20 Helen Marsh noted: ". */
  entryLead(when: string, author: string): string;
  /** "Jane Smith (Change manager)". */
  person(name: string, role: string | null): string;
  /** "“Change policy v3.2”". */
  document(title: string): string;
  /** "clause 8.5.1". */
  clause(number: string): string;
  /** Joins items as the language lists them ("a, b and c"). */
  list(items: readonly string[]): string;
  interviewed(people: string): string;
  documentsSeen(documents: string): string;
  recordsSeen(records: string): string;
  /** "CHG-10431 and CHG-10440 did not pass the test." */
  recordsFailed(records: string, count: number): string;
  /** The lead-in of an answer's note: "8.5.1 (nonconformity found, Helen Marsh): ". */
  noteLead(clauseNumber: string, result: AnswerResult, author: string): string;
  /** The tally: "7 of 9 questions answered: 5 conforming, 1 nonconformity found, 1 observation". */
  tally(tally: AnswerTally): string;
  /** "Nothing has been answered on this topic yet". */
  noAnswers(questionCount: number): string;
  /** Said when answers found a nonconformity: "a finding is to be raised". */
  findingExpected(count: number): string;
  /** The sentence end: "." or "。". */
  readonly fullStop: string;
  /** Between a paragraph's sentences: " " or "". */
  readonly sentenceGap: string;
}

const SENTENCE_END = /[.!?。！？…]["'”’）)]*$/u;

/** The text with a full stop unless it already ends a sentence. */
export function endSentence(text: string, fullStop: string): string {
  const trimmed = text.trimEnd();
  return trimmed === '' || SENTENCE_END.test(trimmed) ? trimmed : trimmed + fullStop;
}

/** Whitespace runs (line breaks included) as one space, trimmed: an entry becomes one sentence or a few. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * An entry's text as prose: its marks written out (a person with the role in brackets, a document
 * in quotes, a record by its id, a clause as the language names it); every other character kept.
 */
export function plainEntryText(body: string, phrases: Pick<NarrativePhrases, 'person' | 'document' | 'clause'>): string {
  const text = parseEntry(body)
    .map((segment) => {
      switch (segment.kind) {
        case 'text':
          return segment.text;
        case 'person':
          return phrases.person(segment.name, segment.role);
        case 'document':
          return phrases.document(segment.title);
        case 'record':
          return segment.id;
        case 'clause':
          return phrases.clause(segment.number);
      }
    })
    .join('');
  return collapseSpace(text);
}

/** Counts the answers of a topic (every team member's): a question is answered when someone gave it a result. */
export function tallyAnswers(answers: readonly Pick<NarrativeAnswer, 'questionId' | 'result'>[], questionCount: number): AnswerTally {
  const answered = new Set<string>();
  let conforming = 0;
  let nonconformity = 0;
  let observation = 0;
  let notApplicable = 0;
  for (const answer of answers) {
    if (answer.result === 'not_audited') continue;
    answered.add(answer.questionId);
    if (answer.result === 'conforming') conforming++;
    else if (answer.result === 'nonconformity') nonconformity++;
    else if (answer.result === 'observation') observation++;
    else if (answer.result === 'not_applicable') notApplicable++;
  }
  return { conforming, nonconformity, observation, notApplicable, answeredQuestions: answered.size, questionCount };
}

/** Entries in the order they were written (ties by id, so every copy drafts the same text). */
export function inWritingOrder<E extends Pick<NarrativeEntry, 'id' | 'writtenAt'>>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => (a.writtenAt < b.writtenAt ? -1 : a.writtenAt > b.writtenAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Seen {
  readonly people: string[];
  readonly documents: string[];
  readonly records: string[];
}

/** The people, documents and records of the entries' marks and the topic's links, each once, in the order first met. */
function seenOnTopic(input: NarrativeInput, entries: readonly NarrativeEntry[], phrases: NarrativePhrases): Seen {
  const people = new Map<string, string>();
  const documents = new Map<string, string>();
  const records = new Map<string, string>();
  for (const entry of entries) {
    for (const segment of parseEntry(entry.body)) {
      if (segment.kind === 'person' && !people.has(markKey(segment))) people.set(markKey(segment), phrases.person(segment.name, segment.role));
      if (segment.kind === 'document' && !documents.has(markKey(segment))) documents.set(markKey(segment), phrases.document(segment.title));
      if (segment.kind === 'record' && !records.has(markKey(segment))) records.set(markKey(segment), segment.id);
    }
  }
  for (const person of input.interviewees ?? []) {
    const key = `person:${collapseSpace(person.name).normalize('NFC').toLowerCase()}`;
    if (!people.has(key) && person.name.trim()) people.set(key, phrases.person(collapseSpace(person.name), person.role?.trim() ? collapseSpace(person.role) : null));
  }
  for (const title of input.documents ?? []) {
    const key = `document:${collapseSpace(title).normalize('NFC').toLowerCase()}`;
    if (!documents.has(key) && title.trim()) documents.set(key, phrases.document(collapseSpace(title)));
  }
  for (const record of input.records ?? []) {
    const key = `record:${record.ref}`;
    if (!records.has(key) && record.ref.trim()) records.set(key, record.ref.trim());
  }
  return { people: [...people.values()], documents: [...documents.values()], records: [...records.values()] };
}

/**
 * The draft: paragraphs separated by a blank line. Nothing the auditor wrote is dropped: every
 * entry's text (its marks written out) and every answer's note appear whole.
 */
export function draftNarrative(input: NarrativeInput, phrases: NarrativePhrases): string {
  const stop = (text: string) => endSentence(text, phrases.fullStop);
  const entries = inWritingOrder(input.entries).filter((entry) => entry.body.trim() !== '');
  const seen = seenOnTopic(input, entries, phrases);
  const paragraphs: string[] = [];

  if (seen.people.length) paragraphs.push(stop(phrases.interviewed(phrases.list(seen.people))));
  if (entries.length) {
    paragraphs.push(entries.map((entry) => stop(phrases.entryLead(phrases.when(entry.writtenAt), entry.author) + plainEntryText(entry.body, phrases))).join('\n'));
  }

  const evidence: string[] = [];
  if (seen.documents.length) evidence.push(stop(phrases.documentsSeen(phrases.list(seen.documents))));
  if (seen.records.length) evidence.push(stop(phrases.recordsSeen(phrases.list(seen.records))));
  const failed = [...new Set((input.records ?? []).filter((record) => record.result === 'fail').map((record) => record.ref.trim()))].filter(Boolean);
  if (failed.length) evidence.push(stop(phrases.recordsFailed(phrases.list(failed), failed.length)));
  if (evidence.length) paragraphs.push(evidence.join(phrases.sentenceGap));

  const notes = input.answers.filter((answer) => answer.notes.trim() !== '');
  if (notes.length) {
    // By clause; within a clause as given (the checklist's order).
    const byClause = [...notes].sort((a, b) => compareClauses(a.clauseNumber, b.clauseNumber));
    paragraphs.push(byClause.map((answer) => stop(phrases.noteLead(answer.clauseNumber, answer.result, answer.author) + collapseSpace(answer.notes))).join('\n'));
  }

  const tally = tallyAnswers(input.answers, input.questionCount);
  const closing = [stop(tally.answeredQuestions ? phrases.tally(tally) : phrases.noAnswers(input.questionCount))];
  if (tally.nonconformity) closing.push(stop(phrases.findingExpected(tally.nonconformity)));
  paragraphs.push(closing.join(phrases.sentenceGap));
  return paragraphs.join('\n\n');
}

/** Clause numbers in the standard's order (8.5.1 before 8.10). */
export function compareClauses(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return Number.isNaN(d) ? a.localeCompare(b) : d;
  }
  return 0;
}

/** The line between the auditor's text and a draft added below it. */
export const DRAFT_SEPARATOR = '\n\n———\n\n';

/**
 * The conclusion with the draft: the draft alone when the conclusion is empty, otherwise the
 * auditor's text kept as it is with the draft below a separator (never overwritten).
 */
export function withDraft(conclusion: string, draft: string): { readonly text: string; readonly appended: boolean } {
  if (conclusion.trim() === '') return { text: draft, appended: false };
  return { text: conclusion.trimEnd() + DRAFT_SEPARATOR + draft, appended: true };
}
