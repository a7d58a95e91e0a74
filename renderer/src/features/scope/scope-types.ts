import type { OTHER_PARTY_TABLE, SERVICE_PROCESS_TABLE, SERVICE_TABLE } from '../../../../shared/tables/preparation-tables.ts';
import type { RowOf } from '../../../../shared/tables/table.ts';

/** The scope's rows as the renderer holds them (from `rows:list`). */
export type Service = RowOf<typeof SERVICE_TABLE>;
export type ServiceProcess = RowOf<typeof SERVICE_PROCESS_TABLE>;
export type OtherParty = RowOf<typeof OTHER_PARTY_TABLE>;
