import { StoreError } from '../../shared/store-errors.ts';
import type { RowOf, TableDecl } from '../../shared/tables/table.ts';
import type { Row } from './engagement-store.ts';

/**
 * A row read from the store as its declared type. Every value was checked by its field's rules
 * when it was written (locally or by the merge from a verified log), so only the shape is checked
 * here: a missing column means the file is not what its schema check said.
 */
export function typedRow<D extends TableDecl>(table: D, row: Row): RowOf<D> {
  for (const field of table.fields) {
    if (!(field.name in row)) throw new StoreError('CORRUPT', `A ${table.name} row has no ${field.name}`, { table: table.name, field: field.name });
  }
  return row as RowOf<D>;
}

export const typedRows = <D extends TableDecl>(table: D, rows: readonly Row[]): RowOf<D>[] => rows.map((row) => typedRow(table, row));
