import type Database from 'better-sqlite3';
import { canonicalRow } from '../../shared/tables/field-rules.ts';
import type { Row } from './engagement-store.ts';
import { carrierOf } from './merge/immutable.ts';
import { loadKnowledge, loggedValuesOf, projectedRow } from './merge/projection.ts';
import { TABLES } from './registry.ts';

/** A stored row that is not what its (verified) change log says. */
export interface RowMismatch {
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
}

/** Rows per read: one keyset page per step, so the check never holds a statement open between slices. */
const PAGE = 256;

/**
 * Compares every row of the domain tables with what the change log says it is (run after the
 * chain and values were verified): damage inside a row — a name, a pack's content — that
 * integrity_check passes shows here. Fields without an entry (a column added by a later
 * migration, with its default) are not compared.
 */
export function* walkRows(db: Database.Database): Generator<number, RowMismatch | null> {
  const knowledge = loadKnowledge(db);
  let checked = 0;
  for (const table of TABLES.filter((t) => t.class !== 'log' && t.class !== 'content' && t.class !== 'bulk')) {
    const page = db.prepare(`SELECT * FROM ${table.name} WHERE id > ? ORDER BY id LIMIT ${PAGE}`);
    let after = '';
    for (;;) {
      const rows = page.all(after) as Row[];
      if (!rows.length) break;
      const logged = loggedValuesOf(db, table.name, rows.map((row) => String(row.id)));
      for (const row of rows) {
        const rowId = String(row.id);
        const entries = logged.get(rowId) ?? [];
        if (!entries.length) continue;
        if (table.class === 'immutable') {
          const carrier = carrierOf(entries);
          if (carrier && JSON.stringify(canonicalRow(table.fields, row)) !== JSON.stringify(canonicalRow(table.fields, JSON.parse(carrier.new_value!) as Row))) {
            return { entity: table.name, rowId, field: '*' };
          }
          continue;
        }
        const { values, deleted } = projectedRow(table.name, entries, knowledge);
        for (const [field, value] of values) if (row[field] !== value) return { entity: table.name, rowId, field };
        if (row.deleted !== deleted) return { entity: table.name, rowId, field: 'deleted' };
      }
      checked += rows.length;
      after = String(rows.at(-1)!.id);
      yield checked;
    }
  }
  return null;
}
