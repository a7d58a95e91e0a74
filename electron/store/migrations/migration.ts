import type Database from 'better-sqlite3';

/**
 * One step of a file's schema. The list of migrations is ordered and append-only: a released step is
 * never edited, because files in the field were made by it.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The oldest app version that can still read a file after this step (semver). */
  readonly minReaderVersion: string;
  up(db: Database.Database): void;
}
