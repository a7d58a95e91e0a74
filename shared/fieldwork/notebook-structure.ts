import { entryMarks, parseEntry, type PersonMark } from './notebook-marks.ts';

/**
 * What a notebook entry's marks become when it is saved (issue 15): people met, records seen under the
 * entry's topic, evidence references, and the clauses it links to. Pure: the worker applies it in one
 * transaction (electron/fieldwork/notebook.ts) and the screen uses it to say what each chip became.
 */

/** The longest values the tables take (person.name/role 300, record_seen.record_ref 200, evidence_item.title 500). */
export const STRUCTURE_LIMITS = { name: 300, role: 300, recordRef: 200, title: 500 } as const;

/** Why a mark stayed text only: longer than its table takes, or a record with no process to file it under. */
export type SkipReason = 'too_long' | 'no_topic';

export interface EntryStructure {
  /** Each person once (case ignored), with the role of the first mention that gives one. */
  readonly people: readonly { readonly name: string; readonly role: string | null }[];
  /** Each record id once; filed under `topic`. Empty when there is no topic (they are in `skipped`). */
  readonly records: readonly { readonly ref: string; readonly topic: string }[];
  /** Each document title once (case ignored). */
  readonly documents: readonly { readonly title: string }[];
  /** Each clause number once: links the entry to the checklist (derived on read, nothing stored). */
  readonly clauses: readonly string[];
  readonly skipped: readonly { readonly kind: 'person' | 'record' | 'document'; readonly raw: string; readonly reason: SkipReason }[];
}

/** The key under which two names or titles are the same: Unicode-normalized, case ignored, spaces collapsed. */
export function sameKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * The structure an entry's body makes, given the topic its records go under (the entry's topic, else
 * its session's first topic: `entryDefaultTopic`; null = none). Marks the parser keeps as text (escaped,
 * e-mail addresses, `C#`, unclosed `[[`) make nothing.
 */
export function entryStructure(body: string, topic: string | null): EntryStructure {
  const people: { name: string; role: string | null }[] = [];
  const records: { ref: string; topic: string }[] = [];
  const documents: { title: string }[] = [];
  const clauses: string[] = [];
  const skipped: { kind: 'person' | 'record' | 'document'; raw: string; reason: SkipReason }[] = [];
  for (const mark of entryMarks(body)) {
    switch (mark.kind) {
      case 'person': {
        const role = mark.role !== null && mark.role.length <= STRUCTURE_LIMITS.role ? mark.role : null;
        if (mark.name.length > STRUCTURE_LIMITS.name) skipped.push({ kind: 'person', raw: mark.raw, reason: 'too_long' });
        else people.push({ name: mark.name, role });
        break;
      }
      case 'record':
        if (mark.id.length > STRUCTURE_LIMITS.recordRef) skipped.push({ kind: 'record', raw: mark.raw, reason: 'too_long' });
        else if (topic === null || topic === '') skipped.push({ kind: 'record', raw: mark.raw, reason: 'no_topic' });
        else records.push({ ref: mark.id, topic });
        break;
      case 'document':
        if (mark.title.length > STRUCTURE_LIMITS.title) skipped.push({ kind: 'document', raw: mark.raw, reason: 'too_long' });
        else documents.push({ title: mark.title });
        break;
      case 'clause':
        clauses.push(mark.number);
        break;
    }
  }
  // entryMarks keeps a person's first mention; a later mention may give the role the first lacked.
  return { people: people.map((person) => ({ ...person, role: person.role ?? laterRole(body, person.name) })), records, documents, clauses, skipped };
}

function laterRole(body: string, name: string): string | null {
  const key = sameKey(name);
  const mentions = parseEntry(body).filter((segment): segment is PersonMark => segment.kind === 'person');
  for (const mark of mentions) {
    if (sameKey(mark.name) === key && mark.role !== null && mark.role.length <= STRUCTURE_LIMITS.role) return mark.role;
  }
  return null;
}
