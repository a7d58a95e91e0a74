import type { FIELDWORK_RECORD_TABLES } from '../tables/fieldwork-records-tables.ts';
import type { RowOf } from '../tables/table.ts';

type RecordTable = (typeof FIELDWORK_RECORD_TABLES)[number];

/** Every row (not deleted) of fieldwork's record tables, by table name: what the fieldwork screens read in one round trip. */
export type FieldworkRecordsView = { readonly [T in RecordTable as T['name']]: RowOf<T>[] };

export type FieldworkRow<N extends keyof FieldworkRecordsView> = FieldworkRecordsView[N][number];
