import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APP_DATA_MIGRATIONS } from './app-data/migrations.ts';
import { ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION } from './migrations/index.ts';
import { MERGE_COLUMNS, TABLES, fieldProblem, immutableTables, mergeableTables, tableSpec } from './registry.ts';
import { applyMigrations, expectedSchema } from './schema.ts';
import { isNullable, sqlDefaultOf, sqlTypeOf } from '../../shared/tables/field-rules.ts';

function columnsOf(table: string): string[] {
  const db = new Database(':memory:');
  applyMigrations(db, ENGAGEMENT_MIGRATIONS, 0, LATEST_ENGAGEMENT_VERSION, '0.0.0');
  const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  db.close();
  return columns;
}

describe('table registry', () => {
  it('lists every table of the latest schema, and only those', () => {
    const tables = expectedSchema(ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION, 'engagement')
      .filter((o) => o.type === 'table')
      .map((o) => o.name)
      .sort();
    expect(TABLES.map((t) => t.name).sort()).toEqual(tables);
  });

  it('describes each mergeable table exactly: its fields plus the merge columns', () => {
    for (const spec of mergeableTables()) {
      const expected = [...spec.fields.map((f) => f.name), ...MERGE_COLUMNS].sort();
      expect(columnsOf(spec.name).sort(), spec.name).toEqual(expected);
    }
  });

  it('describes each immutable table exactly: its fields and an id, no merge columns', () => {
    for (const spec of immutableTables()) {
      expect(columnsOf(spec.name).sort(), spec.name).toEqual(['id', ...spec.fields.map((f) => f.name)].sort());
    }
  });

  it.each([...mergeableTables(), ...immutableTables()].map((spec) => [spec.name, spec] as const))(
    '%s: the migrations produce exactly the declaration (types, NULL, defaults, references)',
    (_name, spec) => {
      const db = new Database(':memory:');
      applyMigrations(db, ENGAGEMENT_MIGRATIONS, 0, LATEST_ENGAGEMENT_VERSION, '0.0.0');
      const columns = new Map(
        (db.pragma(`table_info(${spec.name})`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]).map((c) => [c.name, c]),
      );
      const references = new Map((db.pragma(`foreign_key_list(${spec.name})`) as { from: string; table: string }[]).map((fk) => [fk.from, fk.table]));
      const strict = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(spec.name) as string;
      db.close();
      expect(strict, 'STRICT table').toMatch(/\)\s*STRICT/);
      expect(columns.get('id'), 'id').toMatchObject({ type: 'TEXT', pk: 1 });
      for (const field of spec.fields) {
        const column = columns.get(field.name);
        const where = `${spec.name}.${field.name}`;
        expect(column, where).toBeDefined();
        expect(column!.type, `${where} type`).toBe(sqlTypeOf(field.type));
        expect(column!.notnull === 0, `${where} may be NULL`).toBe(isNullable(field));
        expect(column!.dflt_value, `${where} default`).toBe(sqlDefaultOf(field));
        // A reference to a parent is a real foreign key; other references are resolved by the merge.
        const parent = spec.parents.find((p) => p.field === field.name);
        if (parent) expect(references.get(field.name), `${where} references`).toBe(parent.table);
      }
    },
  );

  it('links parents to registered tables through real columns', () => {
    for (const spec of TABLES) {
      for (const parent of spec.parents) {
        expect(() => tableSpec(parent.table)).not.toThrow();
        expect(columnsOf(spec.name)).toContain(parent.field);
      }
    }
  });

  it('explains why a value does not fit a field', () => {
    const engagement = tableSpec('engagement');
    const field = (name: string) => engagement.fields.find((f) => f.name === name)!;
    expect(fieldProblem(field('client_name'), '  ')).toBe('must not be empty');
    expect(fieldProblem(field('audit_type'), 'audit')).toMatch(/^must be one of stage1/);
    expect(fieldProblem(field('start_date'), '2026-02-30')).toMatch(/calendar date/);
    expect(fieldProblem(field('time_zone'), 'CET+1')).toMatch(/IANA time zone/);
    expect(fieldProblem(field('client_name'), 'x'.repeat(301))).toMatch(/at most 300/);
    expect(fieldProblem(field('client_name'), 42)).toBe('must be text');
    expect(fieldProblem(field('client_name'), 'Northwind')).toBeNull();
  });

  it('keeps the app-data store on its own ordered migrations', () => {
    expect(APP_DATA_MIGRATIONS.map((m) => m.version)).toEqual(APP_DATA_MIGRATIONS.map((_, i) => i + 1));
  });
});
