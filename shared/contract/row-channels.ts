import { z } from 'zod';
import { ROW_EDITED_TABLES } from '../tables/index.ts';
import { newRowSchema, patchSchema, type TableDecl } from '../tables/table.ts';
import { channel } from './channel.ts';
import { handleSchema } from './schemas.ts';
import type { RowView } from './views.ts';

/**
 * The generic row path: create, change, delete (a tombstone) and restore rows of the tables
 * declared with `editing: 'rows'` (sites, the audit team), each payload checked by its table's
 * declaration (fields, types, limits). Tables with a lifecycle or numbering get their own channels.
 */
const parentOf = (table: TableDecl): string[] => table.parents.map((parent) => parent.field);
const fixedOf = (table: TableDecl): string[] => table.fields.filter((field) => !field.editable).map((field) => field.name);

type Variant = z.ZodObject;
/** One strict variant per table, told apart by `table`; typed as what every variant has in common. */
const byTable = <Input>(variant: (table: TableDecl) => Variant) =>
  z.discriminatedUnion('table', ROW_EDITED_TABLES.map(variant) as unknown as [Variant, ...Variant[]]) as unknown as z.ZodType<Input>;

interface RowInput {
  readonly engagementHandle: string;
  readonly table: string;
}

/** A row's id: UUIDs in our files, but ids from older files are whatever they were. */
const rowId = z.string().min(1).max(100);
const tableName = z.enum(ROW_EDITED_TABLES.map((table) => table.name) as [string, ...string[]]);

export const ROW_CHANNELS = {
  /** The live rows of a table, oldest first (deleted rows stay in the file, restorable, not listed). */
  'rows:list': channel<RowView[]>()(z.object({ engagementHandle: handleSchema, table: tableName }).strict()),
  'rows:create': channel<RowView>()(
    byTable<RowInput & { values: Record<string, unknown> }>((table) =>
      z.object({ engagementHandle: handleSchema, table: z.literal(table.name), values: newRowSchema(table, parentOf(table)) }).strict(),
    ),
  ),
  'rows:update': channel<RowView>()(
    byTable<RowInput & { id: string; patch: Record<string, unknown> }>((table) =>
      z
        .object({ engagementHandle: handleSchema, table: z.literal(table.name), id: rowId, patch: patchSchema(table, fixedOf(table) as never[]) as z.ZodType })
        .strict(),
    ),
  ),
  'rows:delete': channel<null>()(z.object({ engagementHandle: handleSchema, table: tableName, id: rowId }).strict()),
  'rows:restore': channel<RowView>()(z.object({ engagementHandle: handleSchema, table: tableName, id: rowId }).strict()),
} as const;
