import { useFieldworkRecords, type RecordTableName } from '../../state/fieldwork-records.ts';

type Patch = Record<string, string | number | null>;

/** Rows being created, by engagement, table and natural key: edits made meanwhile wait for the id. */
const creating = new Map<string, Promise<string>>();

/**
 * Writes an edit to the row of a natural-key table (a conclusion per topic, a scope check per
 * service, a surveillance item, a readiness area), creating the row on its first edit — so looking
 * at a topic writes nothing, and the first keystroke's row gets the same id in every copy. Edits
 * typed while the row is being created follow it, in order.
 */
export async function saveNaturalRow(table: RecordTableName, key: Record<string, string>, patch: Patch): Promise<void> {
  const store = useFieldworkRecords.getState();
  const existing = findNaturalRow(table, key);
  if (existing) {
    store.edit(table, existing.id, patch);
    return;
  }
  const pending = `${store.handle ?? ''}\u0000${table}\u0000${JSON.stringify(key)}`;
  const inFlight = creating.get(pending);
  if (inFlight) {
    const id = await inFlight;
    useFieldworkRecords.getState().edit(table, id, patch);
    return;
  }
  const created = store.create(table, { ...key, ...patch });
  creating.set(pending, created);
  try {
    await created;
  } finally {
    creating.delete(pending);
  }
}

/** The live row of `table` with this natural key, if there is one. */
export function findNaturalRow(table: RecordTableName, key: Record<string, string>): (Record<string, unknown> & { id: string }) | undefined {
  const rows = (useFieldworkRecords.getState().records?.[table] ?? []) as unknown as (Record<string, unknown> & { id: string })[];
  return rows.find((row) => Object.entries(key).every(([field, value]) => row[field] === value));
}
