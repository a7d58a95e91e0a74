import Database from 'better-sqlite3';
import semver from 'semver';
import type { Migration } from './migrations/migration.ts';

export interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string | null;
}

const SCHEMA_MIGRATION_DDL = `CREATE TABLE IF NOT EXISTS schema_migration (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  min_reader_version TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by_app TEXT NOT NULL
) STRICT`;

/** Runs steps (from, to] in order, each in its own transaction, and records them in the file. */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  fromVersion: number,
  toVersion: number,
  appVersion: string,
  beforeStep?: (migration: Migration) => void,
): void {
  assertOrdered(migrations);
  for (const migration of migrations) {
    if (migration.version <= fromVersion || migration.version > toVersion) continue;
    beforeStep?.(migration);
    db.transaction(() => {
      db.exec(SCHEMA_MIGRATION_DDL);
      migration.up(db);
      db.prepare(
        'INSERT INTO schema_migration (version, name, min_reader_version, applied_at, applied_by_app) VALUES (?, ?, ?, ?, ?)',
      ).run(migration.version, migration.name, migration.minReaderVersion, new Date().toISOString(), appVersion);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

export function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
    if (!semver.valid(migration.minReaderVersion)) {
      throw new Error(`Migration ${migration.version} has an invalid minReaderVersion`);
    }
  });
}

export function readSchema(db: Database.Database): SchemaObject[] {
  return db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
    )
    .all() as SchemaObject[];
}

const expectedCache = new Map<string, SchemaObject[]>();

/** The schema a file at `version` must have: the migrations replayed on an empty in-memory database. */
export function expectedSchema(migrations: readonly Migration[], version: number, cacheKey: string): SchemaObject[] {
  const key = `${cacheKey}@${version}`;
  const cached = expectedCache.get(key);
  if (cached) return cached;
  const memory = new Database(':memory:');
  try {
    applyMigrations(memory, migrations, 0, version, '0.0.0');
    const schema = readSchema(memory);
    expectedCache.set(key, schema);
    return schema;
  } finally {
    memory.close();
  }
}

export interface SchemaDifference {
  readonly missing: string[];
  readonly unexpected: string[];
  readonly changed: string[];
}

const normalizeSql = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').trim();

/**
 * integrity_check passes a file whose table was dropped, so the schema itself is compared.
 * With `allowExtra`, objects a newer app added are tolerated (newer files opened read-only).
 */
export function compareSchema(
  actual: readonly SchemaObject[],
  expected: readonly SchemaObject[],
  allowExtra = false,
): SchemaDifference | null {
  const key = (o: SchemaObject): string => `${o.type}:${o.name}`;
  const actualByKey = new Map(actual.map((o) => [key(o), o]));
  const expectedByKey = new Map(expected.map((o) => [key(o), o]));
  const missing = [...expectedByKey.keys()].filter((k) => !actualByKey.has(k));
  const unexpected = allowExtra ? [] : [...actualByKey.keys()].filter((k) => !expectedByKey.has(k));
  const changed = allowExtra
    ? []
    : [...expectedByKey.entries()]
        .filter(([k, o]) => actualByKey.has(k) && normalizeSql(actualByKey.get(k)!.sql) !== normalizeSql(o.sql))
        .map(([k]) => k);
  return missing.length || unexpected.length || changed.length ? { missing, unexpected, changed } : null;
}

/** The oldest app version that can read this file: the highest of its migrations' requirements. */
export function minReaderVersionOf(db: Database.Database): string | null {
  const rows = db.prepare('SELECT min_reader_version AS v FROM schema_migration').all() as { v: string }[];
  const valid = rows.map((r) => r.v).filter((v) => semver.valid(v));
  return valid.length ? valid.sort(semver.rcompare)[0]! : null;
}
