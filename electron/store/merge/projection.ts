import type Database from 'better-sqlite3';
import { tableSpec } from '../registry.ts';
import { KnowledgeIndex, maximalEntries, shownCandidate, type KnowledgeRow } from './causality.ts';

/**
 * The domain tables and the open conflicts are a projection of the change log: for every field the
 * entries nobody has seen since decide the value. Recomputing from the log (never from the order in
 * which packages arrived) is what makes merging order-independent and idempotent.
 */

export interface LoggedValue {
  readonly replica_id: string;
  readonly seq: number;
  readonly field: string;
  readonly hlc: string;
  readonly actor_id: string;
  readonly wall_time: string;
  readonly new_value: string | null;
}

export interface ConflictCandidate {
  readonly replica_id: string;
  readonly seq: number;
}

interface FieldOutcome {
  readonly value: unknown;
  readonly winner: LoggedValue;
  readonly candidates: LoggedValue[] | null;
}

const parse = (value: string | null): unknown => (value === null ? '' : JSON.parse(value));

// Statements are compiled once per connection: an import projects thousands of rows, and compiling
// five statements per row cost more than the projection itself (BENCHMARKS.md, Merge).
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function loadKnowledge(db: Database.Database): KnowledgeIndex {
  return new KnowledgeIndex(db.prepare('SELECT replica_id, from_seq, heads FROM replica_knowledge').all() as KnowledgeRow[]);
}

function resolveField(entries: LoggedValue[], knowledge: KnowledgeIndex): FieldOutcome {
  // Most fields of a touched row have one entry: it is the value, nothing to compare.
  if (entries.length === 1) return { value: parse(entries[0]!.new_value), winner: entries[0]!, candidates: null };
  const maximal = maximalEntries(entries, knowledge);
  if (maximal.length === 1) return { value: parse(maximal[0]!.new_value), winner: maximal[0]!, candidates: null };
  const shown = shownCandidate(maximal);
  const differ = maximal.some((e) => e.new_value !== maximal[0]!.new_value);
  return { value: parse(shown.new_value), winner: shown, candidates: differ ? maximal : null };
}

export interface RowProjection {
  readonly changedFields: number;
  readonly inserted: boolean;
  readonly conflicts: number;
  /** Open conflicts of the row before this projection. */
  readonly conflictsBefore: number;
}

/** Every logged value of the given rows of one table, read in one statement, grouped by row. */
export function loggedValuesOf(db: Database.Database, entity: string, rowIds: readonly string[]): Map<string, LoggedValue[]> {
  const rows = prepared(
    db,
    `SELECT l.row_id, l.replica_id, l.seq, l.field, l.hlc, l.actor_id, l.wall_time, v.new_value
     FROM change_log l LEFT JOIN change_value v USING (replica_id, seq)
     WHERE l.entity = ? AND l.row_id IN (SELECT value FROM json_each(?))`,
  ).all(entity, JSON.stringify(rowIds)) as (LoggedValue & { row_id: string })[];
  const grouped = new Map<string, LoggedValue[]>();
  for (const row of rows) {
    const list = grouped.get(row.row_id);
    if (list) list.push(row);
    else grouped.set(row.row_id, [row]);
  }
  return grouped;
}

interface ConflictRow {
  readonly row_id: string;
  readonly field: string;
  readonly candidates: string;
  readonly shown_replica_id: string;
  readonly shown_seq: number;
}

/** What the log says a row is: every field's value, its open conflicts, who wrote it last. */
interface RowOutcome {
  readonly fields: string[];
  readonly outcomes: Map<string, FieldOutcome>;
  readonly deleted: number;
  readonly latest: LoggedValue;
  readonly conflicts: Omit<ConflictRow, 'row_id'>[];
}

function resolveRow(fieldNames: readonly string[], entries: readonly LoggedValue[], knowledge: KnowledgeIndex): RowOutcome {
  const byField = new Map<string, LoggedValue[]>();
  for (const entry of entries) {
    const list = byField.get(entry.field);
    if (list) list.push(entry);
    else byField.set(entry.field, [entry]);
  }

  const outcomes = new Map<string, FieldOutcome>();
  for (const [field, list] of byField) outcomes.set(field, resolveField(list, knowledge));

  const conflicts: { field: string; candidates: LoggedValue[]; shown: LoggedValue }[] = [];
  for (const [field, outcome] of outcomes) {
    if (outcome.candidates) conflicts.push({ field, candidates: outcome.candidates, shown: outcome.winner });
  }

  // A delete against a concurrent edit is a conflict: neither the delete nor the edit saw the other.
  let deleted = outcomes.get('deleted')?.value === 1 ? 1 : 0;
  const deletion = outcomes.get('deleted');
  if (deletion && deleted === 1 && !deletion.candidates) {
    const edits = [...outcomes.entries()]
      .filter(([field]) => field !== 'deleted')
      .flatMap(([field]) => maximalEntries(byField.get(field)!, knowledge))
      .filter((edit) => knowledge.concurrent(edit, deletion.winner));
    if (edits.length) {
      const candidates = [deletion.winner, ...edits];
      const shown = shownCandidate(candidates);
      conflicts.push({ field: 'deleted', candidates, shown });
      if (shown !== deletion.winner) deleted = 0;
    }
  }

  let latest: LoggedValue | null = null;
  for (const outcome of outcomes.values()) if (!latest || outcome.winner.hlc > latest.hlc) latest = outcome.winner;
  return {
    fields: fieldNames.filter((name) => outcomes.has(name)),
    outcomes,
    deleted,
    latest: latest!,
    conflicts: conflicts.map((conflict) => ({
      field: conflict.field,
      candidates: JSON.stringify(
        conflict.candidates
          .map((c) => ({ replica_id: c.replica_id, seq: c.seq }))
          .sort((a, b) => (a.replica_id === b.replica_id ? a.seq - b.seq : a.replica_id < b.replica_id ? -1 : 1)),
      ),
      shown_replica_id: conflict.shown.replica_id,
      shown_seq: conflict.shown.seq,
    })),
  };
}

const sameConflicts = (before: readonly Omit<ConflictRow, 'row_id'>[], after: readonly Omit<ConflictRow, 'row_id'>[]): boolean =>
  before.length === after.length &&
  after.every((a) =>
    before.some(
      (b) => b.field === a.field && b.candidates === a.candidates && b.shown_replica_id === a.shown_replica_id && b.shown_seq === a.shown_seq,
    ),
  );

/**
 * Rewrites rows of one table and their conflicts from the log. `logged`: their logged values, when
 * already read (every row of `rowIds` must be in it; a missing row has none). The rows as they are
 * and their open conflicts are read in one statement each, and a row or its conflicts are written
 * only where they change.
 */
/**
 * What the log says a row's fields are, without writing anything: the value of every logged field
 * and whether the row is deleted (the file check compares the stored row with it).
 */
export function projectedRow(
  entity: string,
  entries: readonly LoggedValue[],
  knowledge: KnowledgeIndex,
): { readonly values: ReadonlyMap<string, unknown>; readonly deleted: number } {
  const { fields, outcomes, deleted } = resolveRow(tableSpec(entity).fields.map((f) => f.name), entries, knowledge);
  return { values: new Map(fields.map((field) => [field, outcomes.get(field)!.value])), deleted };
}

export function projectRows(
  db: Database.Database,
  entity: string,
  rowIds: readonly string[],
  knowledge: KnowledgeIndex,
  logged: ReadonlyMap<string, readonly LoggedValue[]> = loggedValuesOf(db, entity, rowIds),
): Map<string, RowProjection> {
  const spec = tableSpec(entity);
  const ids = [...new Set(rowIds)];
  const idsJson = JSON.stringify(ids);
  const stored = new Map<string, Record<string, unknown>>();
  for (const row of prepared(db, `SELECT * FROM ${spec.name} WHERE id IN (SELECT value FROM json_each(?))`).all(idsJson) as Record<string, unknown>[]) {
    stored.set(row.id as string, row);
  }
  const open = new Map<string, ConflictRow[]>();
  for (const row of prepared(
    db,
    `SELECT row_id, field, candidates, shown_replica_id, shown_seq FROM conflict
     WHERE entity = ? AND row_id IN (SELECT value FROM json_each(?))`,
  ).all(entity, idsJson) as ConflictRow[]) {
    const list = open.get(row.row_id);
    if (list) list.push(row);
    else open.set(row.row_id, [row]);
  }
  const fieldNames = spec.fields.map((f) => f.name);
  const results = new Map<string, RowProjection>();
  for (const rowId of ids) {
    const entries = logged.get(rowId) ?? [];
    const { fields, outcomes, deleted, latest, conflicts } = resolveRow(fieldNames, entries, knowledge);
    const before = stored.get(rowId);
    let changedFields: number;
    if (!before) {
      const creator = [...entries].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))[0]!;
      const columns = [...fields, 'id', 'created_by', 'updated_at', 'updated_by', 'deleted'];
      prepared(db, `INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
        ...fields.map((f) => outcomes.get(f)!.value as never),
        rowId,
        creator.actor_id,
        latest.hlc,
        latest.actor_id,
        deleted,
      );
      changedFields = fields.length;
    } else {
      const next: Record<string, unknown> = { deleted };
      for (const field of fields) next[field] = outcomes.get(field)!.value;
      const changed = Object.keys(next).filter((field) => before[field] !== next[field]);
      changedFields = changed.length;
      if (changed.length || before.updated_at !== latest.hlc) {
        const assignments = [...changed.map((f) => `${f} = ?`), 'updated_at = ?', 'updated_by = ?'];
        prepared(db, `UPDATE ${spec.name} SET ${assignments.join(', ')} WHERE id = ?`).run(
          ...changed.map((f) => next[f] as never),
          latest.hlc,
          latest.actor_id,
          rowId,
        );
      }
    }

    const previous = open.get(rowId) ?? [];
    if (!sameConflicts(previous, conflicts)) {
      if (previous.length) prepared(db, 'DELETE FROM conflict WHERE entity = ? AND row_id = ?').run(entity, rowId);
      const insertConflict = prepared(
        db,
        'INSERT INTO conflict (entity, row_id, field, candidates, shown_replica_id, shown_seq) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const c of conflicts) insertConflict.run(entity, rowId, c.field, c.candidates, c.shown_replica_id, c.shown_seq);
    }
    results.set(rowId, { changedFields, inserted: !before, conflicts: conflicts.length, conflictsBefore: previous.length });
  }
  return results;
}

/** Rewrites one row and its conflicts from the log (`entries`: its logged values, when already read). */
export function projectRow(
  db: Database.Database,
  entity: string,
  rowId: string,
  knowledge: KnowledgeIndex,
  entries?: LoggedValue[],
): RowProjection {
  return projectRows(db, entity, [rowId], knowledge, entries ? new Map([[rowId, entries]]) : undefined).get(rowId)!;
}
