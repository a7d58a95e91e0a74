import type Database from 'better-sqlite3';
import { tableSpec } from '../store/registry.ts';

/** One write of the change log, as far as people reading it care: who, and when (wall clock). */
export interface Authorship {
  readonly actorId: string;
  readonly wallTime: string;
}

/** Who added a row and who last changed each of its fields since. */
export interface RowAuthors {
  readonly rowId: string;
  /** The row's earliest entry (by HLC): who added it, and when. */
  readonly added: Authorship;
  /**
   * Each field changed since the row was added, with its latest entry by HLC (the value the merge
   * shows). A field still as added is left out (`added` speaks for it): its latest entry is the
   * adder's replica writing it from nothing (old value null: the insert, or a first value for an
   * empty nullable field).
   */
  readonly changed: (Authorship & { readonly field: string })[];
}

/**
 * The authors of every row of a table, in two reads of the change log (its (entity, row_id, field)
 * index): editors show them for all their rows at once instead of asking row by row.
 */
export function tableAuthors(db: Database.Database, entity: string): RowAuthors[] {
  tableSpec(entity); // an unknown table is refused before SQLite is asked
  // With exactly one MIN()/MAX() in a query, SQLite takes the bare columns from that row. HLC
  // strings are fixed-width, so their text order is their order (shared/hlc.ts compareHlc).
  const firsts = db
    .prepare(
      `SELECT row_id AS rowId, replica_id AS replicaId, actor_id AS actorId, wall_time AS wallTime, MIN(hlc) AS hlc
       FROM change_log WHERE entity = ? GROUP BY row_id`,
    )
    .all(entity) as { rowId: string; replicaId: string; actorId: string; wallTime: string }[];
  const lasts = db
    .prepare(
      `SELECT l.row_id AS rowId, l.field, l.replica_id AS replicaId, l.actor_id AS actorId, l.wall_time AS wallTime, v.old_value AS oldValue, MAX(l.hlc) AS hlc
       FROM change_log l LEFT JOIN change_value v USING (replica_id, seq) WHERE l.entity = ? GROUP BY l.row_id, l.field`,
    )
    .all(entity) as { rowId: string; field: string; replicaId: string; actorId: string; wallTime: string; oldValue: string | null }[];
  const adders = new Map(firsts.map((first) => [first.rowId, first.replicaId]));
  const rows = new Map<string, RowAuthors>(
    firsts.map((first) => [first.rowId, { rowId: first.rowId, added: { actorId: first.actorId, wallTime: first.wallTime }, changed: [] }]),
  );
  for (const last of lasts) {
    const asAdded = last.replicaId === adders.get(last.rowId) && last.oldValue === 'null';
    if (!asAdded) rows.get(last.rowId)?.changed.push({ field: last.field, actorId: last.actorId, wallTime: last.wallTime });
  }
  return [...rows.values()];
}
