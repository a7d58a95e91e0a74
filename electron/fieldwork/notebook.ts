import type Database from 'better-sqlite3';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import { entryStructure, sameKey } from '../../shared/fieldwork/notebook-structure.ts';
import { entryDefaultTopic, type TopicSessionLink } from '../../shared/fieldwork/notebook-topics.ts';
import { naturalRowId } from '../../shared/ids.ts';
import { fieldProblem } from '../../shared/tables/field-rules.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import {
  EVIDENCE_ITEM_TABLE,
  NOTEBOOK_ENTRY_TABLE,
  PERSON_TABLE,
  RECORD_SEEN_TABLE,
  SESSION_OUTCOME_TABLE,
  SESSION_PERSON_TABLE,
} from '../../shared/tables/fieldwork-records-tables.ts';
import { PLAN_SESSION_MEMBER_TABLE, PLAN_SESSION_TABLE, PLAN_SESSION_TOPIC_TABLE } from '../../shared/tables/plan-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';
import type { PlanTopicKind } from '../../shared/plan/plan-kinds.ts';
import { currentPack } from '../packs/worker.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import { typedRow } from '../store/typed-rows.ts';

export type NotebookEntry = RowOf<typeof NOTEBOOK_ENTRY_TABLE>;
export type Person = RowOf<typeof PERSON_TABLE>;
export type SessionPerson = RowOf<typeof SESSION_PERSON_TABLE>;
export type RecordSeen = RowOf<typeof RECORD_SEEN_TABLE>;
export type EvidenceItem = RowOf<typeof EVIDENCE_ITEM_TABLE>;

/** What the notebook writes: a new entry (no `entryId`) or a change to one, in a session. */
export interface NotebookWrite {
  readonly entryId?: string;
  readonly sessionId: string;
  readonly body: string;
  /** The process key or clause group the entry is about; '' = the session's own topics. */
  readonly topic: string;
}

/** The entry as saved and every row its marks made or reached, as stored (for the screen to show at once). */
export interface NotebookWritten {
  readonly entry: NotebookEntry;
  readonly people: Person[];
  readonly sessionPeople: SessionPerson[];
  readonly records: RecordSeen[];
  readonly evidence: EvidenceItem[];
}

/** The pack parsed once per pack row (its JSON never changes under an id). */
let packCache: { id: string; pack: ChecklistPack } | null = null;

function enginePack(db: Database.Database): ChecklistPack | null {
  const row = currentPack(db);
  if (!row) return null;
  if (packCache?.id !== row.id) packCache = { id: row.id, pack: JSON.parse(row.content) as ChecklistPack };
  return packCache.pack;
}

function liveRow(store: EngagementStore, table: string, id: string): Row {
  const row = store.getRow(table, id);
  if (row.deleted === 1) throw new StoreError('ROW_NOT_FOUND', `${table} ${id} was deleted`, { table, id });
  return row;
}

/** The live row of `table` whose `field` is the same as `value` (case and spacing ignored; the first by id if several). */
function sameNamed(store: EngagementStore, table: 'person' | 'evidence_item', field: 'name' | 'title', value: string): Row | undefined {
  const key = sameKey(value);
  return store.listRows(table).find((row) => sameKey(String(row[field])) === key);
}

/**
 * A person by name: the live one of that name (any case), else the row under the name's natural id
 * (revived when deleted), else a new one. The role is written only when the person has none.
 */
function personFor(store: EngagementStore, name: string, role: string | null): string {
  const live = sameNamed(store, 'person', 'name', name);
  if (live) {
    if (role && live.role === '') store.updateRow('person', String(live.id), { role });
    return String(live.id);
  }
  const natural = naturalRowId(store.engagementId, 'person', [name]);
  const kept = store.db.prepare('SELECT role FROM person WHERE id = ?').get(natural) as { role: string } | undefined;
  if (kept) {
    store.restoreRow('person', natural);
    if (role && kept.role === '') store.updateRow('person', natural, { role });
    return natural;
  }
  // No role field at all when none is given: another copy's role for the same person then merges in without a conflict.
  return store.createRow('person', { engagement_id: store.engagementId, name, ...(role ? { role } : {}) });
}

/**
 * Saves a notebook entry and what its marks make, in ONE transaction: a new entry is written now by
 * `memberId`; a change keeps its author and time. Each @person becomes a person (one per name) linked
 * to the session; each #record a record seen under the entry's topic (the entry's own, else the
 * session's first process, else its first clause group; none → the record stays text); each
 * [[document]] the evidence reference of that title (any case) or a new document reference. §clauses
 * are read from the body, nothing is stored for them. Nothing is ever deleted here: people, records
 * and evidence a mark no longer names may be used elsewhere.
 */
export function writeNotebookEntry(store: EngagementStore, memberId: string, write: NotebookWrite, now: number = Date.now()): NotebookWritten {
  if (store.context.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  return store.db
    .transaction((): NotebookWritten => {
      liveRow(store, 'plan_session', write.sessionId);
      let entryId: string;
      if (write.entryId === undefined) {
        liveRow(store, 'team_member', memberId);
        entryId = store.createRow('notebook_entry', {
          engagement_id: store.engagementId,
          session_id: write.sessionId,
          team_member_id: memberId,
          written_at: utcInstant(now),
          topic: write.topic,
          body: write.body,
        });
      } else {
        entryId = write.entryId;
        liveRow(store, 'notebook_entry', entryId);
        store.updateRow('notebook_entry', entryId, { session_id: write.sessionId, topic: write.topic, body: write.body });
      }

      const links = store.listRows('plan_session_topic') as unknown as TopicSessionLink[];
      // The pack (a few hundred KB of JSON) only when a clause link must be grouped: no topic of its own, no process link.
      const needsPack = write.topic === '' && !links.some((link) => link.session_id === write.sessionId && link.kind === 'process');
      const topic = entryDefaultTopic(write.topic, write.sessionId, links, needsPack ? enginePack(store.db) : null);
      const structure = entryStructure(write.body, topic);

      const people: string[] = [];
      const sessionPeople: string[] = [];
      for (const person of structure.people) {
        const personId = personFor(store, person.name, person.role);
        people.push(personId);
        sessionPeople.push(store.createRow('session_person', { engagement_id: store.engagementId, session_id: write.sessionId, person_id: personId }));
      }
      const records = structure.records.map((record) =>
        store.createRow('record_seen', { engagement_id: store.engagementId, topic: record.topic, record_ref: record.ref }),
      );
      const evidence = structure.documents.map((document) => {
        const known = sameNamed(store, 'evidence_item', 'title', document.title);
        return known ? String(known.id) : store.createRow('evidence_item', { engagement_id: store.engagementId, kind: 'document', title: document.title });
      });
      return {
        entry: typedRow(NOTEBOOK_ENTRY_TABLE, store.getRow('notebook_entry', entryId)),
        people: people.map((id) => typedRow(PERSON_TABLE, store.getRow('person', id))),
        sessionPeople: sessionPeople.map((id) => typedRow(SESSION_PERSON_TABLE, store.getRow('session_person', id))),
        records: records.map((id) => typedRow(RECORD_SEEN_TABLE, store.getRow('record_seen', id))),
        evidence: evidence.map((id) => typedRow(EVIDENCE_ITEM_TABLE, store.getRow('evidence_item', id))),
      };
    })
    .immediate();
}

/** A session held that the plan did not have, opened from the notebook. */
export interface AdHocSession {
  readonly title: string;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  /** What it covers (optional): records marked in its notebook are filed under it. */
  readonly topic?: { readonly kind: PlanTopicKind; readonly topic: string };
  readonly siteId?: string | null;
}

export interface AdHocSessionWritten {
  readonly session: RowOf<typeof PLAN_SESSION_TABLE>;
  readonly outcome: RowOf<typeof SESSION_OUTCOME_TABLE>;
  readonly topics: RowOf<typeof PLAN_SESSION_TOPIC_TABLE>[];
  readonly members: RowOf<typeof PLAN_SESSION_MEMBER_TABLE>[];
}

/**
 * Adds an ad-hoc audit session in one transaction: the plan session (kind audit), its outcome
 * "added" (the plan did not have it) with the actual day and times, the team member who holds it
 * and, when given, the topic it covers.
 */
export function addAdHocSession(store: EngagementStore, memberId: string | null, session: AdHocSession): AdHocSessionWritten {
  if (store.context.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const title = session.title.trim();
  if (title === '') throw new StoreError('INVALID_VALUE', 'An ad-hoc session needs a title', { table: 'plan_session', field: 'title', problem: 'is required' });
  for (const [field, value] of [['day', session.day], ['start_time', session.start], ['end_time', session.end]] as const) {
    const problem = fieldProblem(PLAN_SESSION_TABLE.fields.find((candidate) => candidate.name === field)!, value);
    if (problem) throw new StoreError('INVALID_VALUE', `plan_session.${field} ${problem}`, { table: 'plan_session', field, problem });
  }
  if (session.end <= session.start) {
    throw new StoreError('INVALID_VALUE', 'An ad-hoc session ends after it starts', { table: 'plan_session', field: 'end_time', problem: 'must be after the start' });
  }
  return store.db
    .transaction((): AdHocSessionWritten => {
      const engagement_id = store.engagementId;
      const sessionId = store.createRow('plan_session', {
        engagement_id,
        day: session.day,
        start_time: session.start,
        end_time: session.end,
        kind: 'audit',
        title,
        site_id: session.siteId ?? null,
      });
      const outcomeId = store.createRow('session_outcome', {
        engagement_id,
        session_id: sessionId,
        status: 'added',
        actual_day: session.day,
        actual_start: session.start,
        actual_end: session.end,
      });
      const topics = session.topic ? [store.createRow('plan_session_topic', { engagement_id, session_id: sessionId, kind: session.topic.kind, topic: session.topic.topic })] : [];
      const members = memberId ? [store.createRow('plan_session_member', { engagement_id, session_id: sessionId, team_member_id: memberId })] : [];
      return {
        session: typedRow(PLAN_SESSION_TABLE, store.getRow('plan_session', sessionId)),
        outcome: typedRow(SESSION_OUTCOME_TABLE, store.getRow('session_outcome', outcomeId)),
        topics: topics.map((id) => typedRow(PLAN_SESSION_TOPIC_TABLE, store.getRow('plan_session_topic', id))),
        members: members.map((id) => typedRow(PLAN_SESSION_MEMBER_TABLE, store.getRow('plan_session_member', id))),
      };
    })
    .immediate();
}
