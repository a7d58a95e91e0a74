import type Database from 'better-sqlite3';
import { StoreError } from '../../../shared/store-errors.ts';
import { IMMUTABLE_FIELD } from '../engagement-store.ts';
import { tableSpec } from '../registry.ts';
import type { LoggedValue } from './projection.ts';

/** The entry that carries a row: the earliest by (HLC, replica, seq), whoever's copy arrived first. */
export function carrierOf(values: readonly LoggedValue[]): LoggedValue | null {
  let first: LoggedValue | null = null;
  for (const value of values) {
    if (value.field !== IMMUTABLE_FIELD || value.new_value === null) continue;
    if (
      !first ||
      value.hlc < first.hlc ||
      (value.hlc === first.hlc && (value.replica_id < first.replica_id || (value.replica_id === first.replica_id && value.seq < first.seq)))
    ) {
      first = value;
    }
  }
  return first;
}

/**
 * Materializes rows of immutable tables (a checklist pack) from their change-log entries, which
 * carry the whole row (`logged`: every logged value of the rows, old and new, as the import holds
 * them). Merged as a unit by id and content: the row is the one of its earliest entry, so two
 * members who added the same content make the same row in any import order (only who added it
 * and when can differ between their entries); a row here whose content (natural key) differs is
 * data that can never change in disagreement, and the import is refused.
 * Returns how many rows were added.
 */
export function applyImmutableRows(db: Database.Database, entity: string, rowIds: readonly string[], logged: ReadonlyMap<string, readonly LoggedValue[]> | undefined): number {
  const spec = tableSpec(entity);
  const columns = spec.fields.map((field) => field.name);
  const existing = db.prepare(`SELECT ${columns.join(', ')} FROM ${spec.name} WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO ${spec.name} (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`);
  const update = db.prepare(`UPDATE ${spec.name} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`);
  const key = spec.naturalKey ?? columns;
  let added = 0;
  for (const rowId of rowIds) {
    // A purged entry has no value to rebuild the row from.
    const carrier = carrierOf(logged?.get(rowId) ?? []);
    if (!carrier) continue;
    const row = JSON.parse(carrier.new_value!) as Record<string, unknown>;
    const values = columns.map((column) => row[column] ?? null);
    const present = existing.get(rowId) as Record<string, unknown> | undefined;
    if (!present) {
      insert.run(rowId, ...values);
      added++;
      continue;
    }
    if (key.some((column) => present[column] !== row[column])) {
      throw new StoreError('MERGE_BROKEN_CHAIN', `The package and this file hold different ${entity} rows under one id`, {
        entity,
        rowId,
      });
    }
    if (columns.some((column, i) => present[column] !== values[i])) update.run(...values, rowId);
  }
  return added;
}
