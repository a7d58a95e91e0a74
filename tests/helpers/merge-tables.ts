import fc from 'fast-check';
import type { EngagementStore, Row, RowValue } from '../../electron/store/engagement-store.ts';
import { hasDefault } from '../../shared/tables/field-rules.ts';
import type { FieldSpec, FieldType } from '../../shared/tables/field-types.ts';
import { naturalRowId } from '../../shared/ids.ts';
import { isStoreError } from '../../shared/store-errors.ts';
import { DOMAIN_TABLES } from '../../shared/tables/index.ts';
import type { TableDecl } from '../../shared/tables/table.ts';

/**
 * How the merge properties edit each table, derived from the tables' declarations (shared/tables/):
 * a capability that declares a table gets its generator without writing one. Each field draws
 * from a small pool of valid values, so members often collide.
 */
export interface MergeTableGenerator {
  /** Values for a new row (parent links are filled in by the test). */
  readonly create: fc.Arbitrary<Row>;
  /** Fields an edit may change, each with a small pool of values. */
  readonly edits: Readonly<Record<string, fc.Arbitrary<RowValue>>>;
  readonly parentField: string | null;
  readonly deletable: boolean;
}

/** A few valid values of a field, or null where a random value could not be valid (links to rows). */
function poolOf(field: FieldSpec): fc.Arbitrary<RowValue> | null {
  const type: FieldType = field.type;
  const texts = (max: number) => fc.constantFrom(...['A', 'B', 'C'].map((v) => `${field.name} ${v}`.slice(0, max)));
  switch (type.kind) {
    case 'text':
    case 'long_text':
      return texts(type.maxLength);
    case 'enum':
      return fc.constantFrom(...type.values.slice(0, 3));
    case 'integer':
      return fc.constantFrom(...[1, 2, 3].map((n) => Math.min(Math.max(n, type.min ?? n), type.max ?? n)));
    case 'number':
      return fc.constantFrom(0.5, 1.25, 2);
    case 'boolean':
      return fc.constantFrom(0, 1);
    case 'date':
      return fc.constantFrom('2026-12-07', '2026-12-08', '2026-12-09');
    case 'local_time':
      return fc.constantFrom('09:00', '10:30', '14:15');
    case 'instant':
      return fc.constantFrom('2026-12-07T08:00:00.000Z', '2026-12-08T12:30:00.000Z');
    case 'time_zone':
      return fc.constantFrom('Europe/Berlin', 'Asia/Shanghai');
    case 'blob':
      return fc.constantFrom('a'.repeat(64), 'b'.repeat(64));
    case 'id':
      return null;
    case 'reference': {
      // A link to another list's row (a service of the matrix): row `pick` of that table when the op
      // runs (resolveRefs), so links point at rows the member has. Parent links are the test's.
      const target = DOMAIN_TABLES.find((t) => t.name === type.table);
      if (!target || target.class !== 'mergeable' || target.name === 'engagement') return null;
      const ref = fc.nat(5).map((pick) => `${REF}${type.table}:${pick}`);
      return type.nullable ? fc.oneof(fc.constant(null), ref) : ref;
    }
  }
}

const REF = '@ref:';

/** A generated value with its row links resolved against the store; undefined when it links to nothing yet. */
export function resolveRef(store: EngagementStore, value: RowValue): RowValue | undefined {
  if (typeof value !== 'string' || !value.startsWith(REF)) return value;
  const [table, pick] = value.slice(REF.length).split(':') as [string, string];
  const rows = store.listRows(table);
  return rows.length ? (rows[Number(pick) % rows.length]!.id as string) : undefined;
}

/** A new row's generated values with their links resolved, or null when one links to nothing yet. */
export function resolveRefs(store: EngagementStore, values: Row): Row | null {
  const resolved: Row = {};
  for (const [field, value] of Object.entries(values)) {
    const linked = resolveRef(store, value);
    if (linked === undefined) return null;
    resolved[field] = linked;
  }
  return resolved;
}

function generatorFor(table: TableDecl): MergeTableGenerator {
  const parentField = table.parents[0]?.field ?? null;
  const required = table.fields.filter((f) => f.name !== parentField && !hasDefault(f));
  const create = fc.record(Object.fromEntries(required.map((f) => [f.name, poolOf(f) ?? fc.constant(null)]))) as fc.Arbitrary<Row>;
  const edits = Object.fromEntries(
    table.fields.filter((f) => f.editable).flatMap((f) => {
      const pool = poolOf(f);
      return pool ? [[f.name, pool] as const] : [];
    }),
  );
  return { create, edits, parentField, deletable: parentField !== null };
}

export const MERGE_TABLE_GENERATORS: Readonly<Record<string, MergeTableGenerator>> = Object.fromEntries(
  DOMAIN_TABLES.filter((t) => t.class === 'mergeable').map((t) => [t.name, generatorFor(t)]),
);

/**
 * How the merge properties add rows of each immutable table, also from the declaration: item `pick`
 * of a small pool of contents (two members adding the same content make the same row), with `at`
 * written into every instant field, so the same content differs in when it was added.
 */
export interface ImmutableTableGenerator {
  readonly add: (store: EngagementStore, pick: number, at: number) => void;
}

function immutableGeneratorFor(table: TableDecl): ImmutableTableGenerator {
  return {
    add(store, pick, at) {
      const values: Row = {};
      for (const field of table.fields) {
        if (field.type.kind === 'instant') values[field.name] = new Date(at).toISOString();
        else if (field.type.kind === 'id' || field.type.kind === 'reference') values[field.name] = store.context.actorId;
        else if (field.type.kind === 'text' || field.type.kind === 'long_text') values[field.name] = `${field.name} ${pick % 2}`.slice(0, field.type.maxLength);
        else values[field.name] = fc.sample(poolOf(field)!, { numRuns: 1, seed: pick })[0]!;
      }
      const key = (table.naturalKey ?? []).map((column) => String(values[column]));
      store.addImmutable(table.name, naturalRowId(store.engagementId, table.name, key), values);
    },
  };
}

export const IMMUTABLE_TABLE_GENERATORS: Readonly<Record<string, ImmutableTableGenerator>> = Object.fromEntries(
  DOMAIN_TABLES.filter((t) => t.class === 'immutable').map((t) => [t.name, immutableGeneratorFor(t)]),
);

/** A generated edit of a mergeable table, as both merge property tests draw them. */
export type RowOp =
  | { kind: 'create'; table: string; values: Row }
  | { kind: 'edit'; table: string; pick: number; field: string; value: RowValue }
  | { kind: 'delete'; table: string; pick: number };

/** Applies a row op as a user would: links resolved, edits of rows that are gone refused (as in the UI). */
export function applyRowOp(store: EngagementStore, op: RowOp): void {
  const gen = MERGE_TABLE_GENERATORS[op.table]!;
  const rows = store.listRows(op.table);
  try {
    if (op.kind === 'create') {
      const values = resolveRefs(store, op.values);
      if (values) store.createRow(op.table, { ...values, [gen.parentField!]: store.engagementId });
    } else if (!rows.length) return;
    else if (op.kind === 'edit') {
      const value = resolveRef(store, op.value);
      if (value !== undefined) store.updateRow(op.table, rows[op.pick % rows.length]!.id as string, { [op.field]: value });
    } else store.deleteRow(op.table, rows[op.pick % rows.length]!.id as string);
  } catch (error) {
    if (!isStoreError(error, 'ROW_NOT_FOUND')) throw error;
  }
}
