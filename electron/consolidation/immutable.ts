import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import { IMMUTABLE_FIELD } from '../store/engagement-store.ts';
import { tableSpec } from '../store/registry.ts';

/**
 * Materializes rows of immutable tables (a checklist pack) from their one change-log entry, which
 * carries the whole row. Merged as a unit by id and content: a row already present must be the same
 * row, otherwise the two files disagree about data that can never change, and the import is refused.
 * Returns how many rows were added.
 */
export function applyImmutableRows(db: Database.Database, entity: string, rowIds: readonly string[]): number {
  const spec = tableSpec(entity);
  const columns = spec.fields.map((field) => field.name);
  const valueOf = db.prepare(
    `SELECT v.new_value FROM change_log l JOIN change_value v USING (replica_id, seq)
     WHERE l.entity = ? AND l.row_id = ? AND l.field = ? AND v.new_value IS NOT NULL ORDER BY l.hlc LIMIT 1`,
  );
  const existing = db.prepare(`SELECT ${columns.join(', ')} FROM ${spec.name} WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO ${spec.name} (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`);
  const key = spec.naturalKey ?? columns;
  let added = 0;
  for (const rowId of rowIds) {
    const json = (valueOf.get(entity, rowId, IMMUTABLE_FIELD) as { new_value: string } | undefined)?.new_value;
    if (json === undefined) continue; // the value was purged: nothing to rebuild the row from
    const row = JSON.parse(json) as Record<string, unknown>;
    const present = existing.get(rowId) as Record<string, unknown> | undefined;
    if (present) {
      if (key.some((column) => present[column] !== row[column])) {
        throw new StoreError('MERGE_BROKEN_CHAIN', `The package and this file hold different ${entity} rows under one id`, {
          entity,
          rowId,
        });
      }
      continue;
    }
    insert.run(rowId, ...columns.map((column) => row[column] ?? null));
    added++;
  }
  return added;
}
