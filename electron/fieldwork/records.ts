import type { FieldworkRecordsView } from '../../shared/contract/fieldwork-views.ts';
import { FIELDWORK_RECORD_TABLES } from '../../shared/tables/fieldwork-records-tables.ts';
import type { EngagementStore } from '../store/engagement-store.ts';

/** Every live row of fieldwork's record tables, read in one worker call (one round trip for the screens). */
export function fieldworkRecords(store: EngagementStore): FieldworkRecordsView {
  return Object.fromEntries(FIELDWORK_RECORD_TABLES.map((table) => [table.name, store.listRows(table.name)])) as unknown as FieldworkRecordsView;
}
