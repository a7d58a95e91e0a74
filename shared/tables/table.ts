import { z } from 'zod';
import { hasDefault, zodOf } from './field-rules.ts';
import type { FieldSpec, FieldValue } from './field-types.ts';

/**
 * A table of the engagement file, declared once (the latest schema): its class, fields, parents and
 * natural key. The store's registry, the contract's schemas, the row types and the merge property
 * test's generators are derived from it; migrations stay hand-written and a test checks that they
 * produce exactly this.
 *
 * - mergeable: rows edited by several auditors; merged field by field through the change log.
 * - immutable: data written once (a checklist pack, a sampling population); merged as a unit.
 */
export type TableClass = 'mergeable' | 'immutable';

export interface ParentLink {
  readonly field: string;
  readonly table: string;
}

export interface TableDecl {
  readonly name: string;
  readonly class: TableClass;
  /** Domain fields (merge columns id, created_by, updated_at, updated_by, deleted come on top). */
  readonly fields: readonly FieldSpec[];
  readonly parents: readonly ParentLink[];
  /** Columns whose values identify a row in every copy; its id is then UUIDv5 of them. */
  readonly naturalKey: readonly string[] | null;
  /**
   * 'rows': the table is edited through the generic row path (rows:create/update/delete/restore,
   * checked by this declaration). Tables with a lifecycle or numbering get typed channels instead.
   */
  readonly editing?: 'rows';
}

export const defineTable = <const D extends TableDecl>(table: D): D => table;

export const MERGE_COLUMNS = ['id', 'created_by', 'updated_at', 'updated_by', 'deleted'] as const;

/** Columns every mergeable row carries (DESIGN.md: merge-ready data). */
export interface MergeColumns {
  readonly id: string;
  readonly created_by: string;
  readonly updated_at: string;
  readonly updated_by: string;
  readonly deleted: 0 | 1;
}

/** The declared fields of a table as an object type. */
export type FieldsOf<D extends TableDecl> = { -readonly [F in D['fields'][number] as F['name']]: FieldValue<F['type']> };

/** A whole row as the store reads it. */
export type RowOf<D extends TableDecl> = FieldsOf<D> & (D['class'] extends 'mergeable' ? MergeColumns : { readonly id: string });

function schemaOf(table: TableDecl, omit: readonly string[], optionalDefaults = false): z.ZodObject {
  const omitted = new Set(omit);
  const field = (f: FieldSpec): z.ZodType => (optionalDefaults && hasDefault(f) ? zodOf(f).optional() : zodOf(f));
  return z.object(Object.fromEntries(table.fields.filter((f) => !omitted.has(f.name)).map((f) => [f.name, field(f)]))).strict();
}

/**
 * The contract's schema of a new row's fields (strict), from the declaration; `omit` leaves out
 * what the service fills in (the parent link, a field set elsewhere).
 */
export function fieldsSchema<D extends TableDecl, K extends keyof FieldsOf<D> & string = never>(table: D, omit: readonly K[] = []) {
  // The shape is built field by field from the same declaration FieldsOf reads.
  return schemaOf(table, omit) as unknown as z.ZodType<Omit<FieldsOf<D>, K>>;
}

/** A new row's fields where those with a default ('' text, a flag's default, NULL) may be left out. */
export function newRowSchema(table: TableDecl, omit: readonly string[]): z.ZodType<Record<string, unknown>> {
  return schemaOf(table, omit, true) as unknown as z.ZodType<Record<string, unknown>>;
}

/** The contract's schema of a patch: any of the fields, each checked as in fieldsSchema. */
export function patchSchema<D extends TableDecl, K extends keyof FieldsOf<D> & string = never>(table: D, omit: readonly K[] = []) {
  return schemaOf(table, omit).partial().strict() as unknown as z.ZodType<Partial<Omit<FieldsOf<D>, K>>>;
}
