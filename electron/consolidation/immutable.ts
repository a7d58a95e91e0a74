import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import { IMMUTABLE_FIELD } from '../store/engagement-store.ts';
import { tableSpec } from '../store/registry.ts';
import type { LoggedValue } from './projection.ts';

/**
 * Materializes rows of immutable tables (a checklist pack) from their one change-log entry, which
 * carries the whole row (`logged`: the rows' logged values, as the import already holds them).
 * Merged as a unit by id and content: a row already present must be the same row, otherwise the two
 * files disagree about data that can never change, and the import is refused.
 * Returns how many rows were added.
 */
export function applyImmutableRows(db: Database.Database, entity: string, rowIds: readonly string[], logged: ReadonlyMap<string, readonly LoggedValue[]> | undefined): number {
  const spec = tableSpec(entity);
  const columns = spec.fields.map((field) => field.name);
  const existing = db.prepare(`SELECT ${columns.join(', ')} FROM ${spec.name} WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO ${spec.name} (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`);
  const key = spec.naturalKey ?? columns;
  let added = 0;
  for (const rowId of rowIds) {
    // The earliest entry that still has its value (a purged one has nothing to rebuild the row from).
    const carrier = (logged?.get(rowId) ?? [])
      .filter((value) => value.field === IMMUTABLE_FIELD && value.new_value !== null)
      .reduce<LoggedValue | null>((first, value) => (!first || value.hlc < first.hlc ? value : first), null);
    if (!carrier) continue;
    const row = JSON.parse(carrier.new_value!) as Record<string, unknown>;
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
