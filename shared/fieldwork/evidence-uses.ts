import { entryMarks } from './notebook-marks.ts';

/**
 * Where each evidence reference is used (issue 15): the answers citing it, the notebook entries
 * marking it (`[[title]]` or `[[title version]]`, ignoring case), the records seen pointing at it, and
 * stage 1's document reviews. Built once as an index (evidence id → uses), in time linear in the
 * rows, so 2,000 references and thousands of uses cost one pass. Pure.
 */

export type EvidenceUse =
  | { readonly kind: 'answer'; readonly answerId: string; readonly questionId: string; readonly clauseNumber: string | null; readonly memberId: string }
  | { readonly kind: 'notebook'; readonly entryId: string; readonly sessionId: string | null; readonly memberId: string; readonly writtenAt: string }
  | { readonly kind: 'record'; readonly recordId: string; readonly topic: string; readonly recordRef: string }
  | { readonly kind: 'document_review'; readonly reviewId: string; readonly document: string };

export interface EvidenceUseInput {
  /** The references; a `[[mark]]` names one by its title, or by its title and version (`[[Change policy v3.2]]`). */
  readonly items: readonly { readonly id: string; readonly title: string; readonly version?: string }[];
  readonly answerLinks: readonly { readonly answer_id: string; readonly evidence_id: string }[];
  /** The answers the links point at (any team member's). */
  readonly answers: readonly { readonly id: string; readonly question_id: string; readonly team_member_id: string }[];
  /** The clause a question belongs to, from the pack (null when the pack no longer has it). */
  readonly clauseOfQuestion: (questionId: string) => string | null;
  /** Notebook entries with the document titles they mark (`notebookDocumentTitles`). */
  readonly notebook: readonly NotebookDocuments[];
  readonly records: readonly { readonly id: string; readonly topic: string; readonly record_ref: string; readonly evidence_id: string | null }[];
  readonly reviews: readonly { readonly id: string; readonly document: string; readonly evidence_id: string | null }[];
}

export interface NotebookDocuments {
  readonly entryId: string;
  readonly sessionId: string | null;
  readonly memberId: string;
  readonly writtenAt: string;
  /** Each title once, as `titleKey` gives it. */
  readonly titles: readonly string[];
}

/** How a title is compared with a `[[mark]]`: whitespace runs as one space, trimmed, NFC, lower case (as `markKey` does). */
export function titleKey(title: string): string {
  return title.replace(/\s+/gu, ' ').trim().normalize('NFC').toLowerCase();
}

/**
 * The document titles each notebook entry marks. Separate from the index so a screen parses the
 * notebook once and rebuilds the index from the parsed titles when only the references change.
 */
export function notebookDocumentTitles(
  entries: readonly { readonly id: string; readonly session_id: string | null; readonly team_member_id: string; readonly written_at: string; readonly body: string }[],
): NotebookDocuments[] {
  const parsed: NotebookDocuments[] = [];
  for (const entry of entries) {
    // Most entries mark no document: skip the parse when there is no `[[` at all.
    if (!entry.body.includes('[[')) continue;
    const titles = entryMarks(entry.body).flatMap((mark) => (mark.kind === 'document' ? [titleKey(mark.title)] : []));
    if (titles.length) parsed.push({ entryId: entry.id, sessionId: entry.session_id, memberId: entry.team_member_id, writtenAt: entry.written_at, titles });
  }
  return parsed;
}

/** Evidence id → its uses, answers first, then notebook entries, records seen and document reviews. Items used nowhere have no entry. */
export function evidenceUses(input: EvidenceUseInput): Map<string, EvidenceUse[]> {
  const uses = new Map<string, EvidenceUse[]>();
  const known = new Set(input.items.map((item) => item.id));
  const add = (evidenceId: string, use: EvidenceUse) => {
    if (!known.has(evidenceId)) return;
    const list = uses.get(evidenceId);
    if (list) list.push(use);
    else uses.set(evidenceId, [use]);
  };

  const answers = new Map(input.answers.map((answer) => [answer.id, answer]));
  for (const link of input.answerLinks) {
    const answer = answers.get(link.answer_id);
    if (!answer) continue;
    add(link.evidence_id, { kind: 'answer', answerId: answer.id, questionId: answer.question_id, clauseNumber: input.clauseOfQuestion(answer.question_id), memberId: answer.team_member_id });
  }

  const byTitle = new Map<string, string[]>();
  const name = (key: string, id: string) => {
    if (key === '') return;
    const ids = byTitle.get(key);
    if (!ids) byTitle.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const item of input.items) {
    name(titleKey(item.title), item.id);
    if (item.version?.trim()) name(titleKey(`${item.title} ${item.version}`), item.id);
  }
  for (const entry of input.notebook) {
    // One use per entry and reference, however it is marked (`[[Change policy]]` and `[[Change policy v3.2]]`).
    const marked = new Set(entry.titles.flatMap((title) => byTitle.get(title) ?? []));
    for (const id of marked) add(id, { kind: 'notebook', entryId: entry.entryId, sessionId: entry.sessionId, memberId: entry.memberId, writtenAt: entry.writtenAt });
  }

  for (const record of input.records) if (record.evidence_id) add(record.evidence_id, { kind: 'record', recordId: record.id, topic: record.topic, recordRef: record.record_ref });
  for (const review of input.reviews) if (review.evidence_id) add(review.evidence_id, { kind: 'document_review', reviewId: review.id, document: review.document });
  return uses;
}
