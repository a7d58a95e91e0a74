import type Database from 'better-sqlite3';
import { HybridClock, MAX_CLOCK_DRIFT_MS, compareHlc, decodeHlc, encodeHlc } from '../../shared/hlc.ts';
import { naturalRowId, newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { canonicalRow } from '../../shared/tables/field-rules.ts';
import { utcInstant } from '../../shared/time.ts';
import { ChangeLogWriter, purgeFieldHistory } from './change-log.ts';
import { verifyChain, type ChainVerdict } from './chain-check.ts';
import { decisionValue, type Decision } from './merge/decisions.ts';
import { loadKnowledge, projectRow } from './merge/projection.ts';
import { MERGE_COLUMNS, fieldProblem, hasDefault, tableSpec, type TableSpec } from './registry.ts';

export type RowValue = string | number | null;

/** The field name of the one change-log entry that carries a whole immutable row. */
export const IMMUTABLE_FIELD = '*';
export type Row = Record<string, RowValue>;

export interface StoreContext {
  readonly actorId: string;
  readonly readOnly: boolean;
  readonly now?: () => number;
}

/**
 * The domain API over one open engagement file. Every edit is one short transaction that writes the
 * row and its change-log entries together, so what is acknowledged as saved is in the file.
 */
export class EngagementStore {
  readonly engagementId: string;
  private fileInstanceId: string;
  private replicaId: string | null = null;
  private clock: HybridClock | null = null;
  private writer: ChangeLogWriter | null = null;
  private readonly now: () => number;

  constructor(
    readonly db: Database.Database,
    readonly context: StoreContext,
  ) {
    this.now = context.now ?? Date.now;
    this.engagementId = this.meta('engagement_id');
    this.fileInstanceId = this.meta('file_instance_id');
  }

  get readOnly(): boolean {
    return this.context.readOnly;
  }

  meta(key: string): string {
    const value = this.db.prepare('SELECT value FROM file_meta WHERE key = ?').pluck().get(key) as string | undefined;
    if (value === undefined) throw new StoreError('CORRUPT', `The file has no ${key}`, { key });
    return value;
  }

  /** A new file instance: the next write starts a new replica (see renewFileInstance in the session). */
  renewFileInstance(): void {
    if (this.context.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
    const next = newRowId();
    this.db.prepare("UPDATE file_meta SET value = ? WHERE key = 'file_instance_id'").run(next);
    this.fileInstanceId = next;
    this.replicaId = null;
    this.writer = null;
    this.clock = null;
  }

  /** The replica this actor writes as in this copy of the file; created on the first write. */
  currentReplicaId(): string | null {
    if (this.replicaId) return this.replicaId;
    return (
      (this.db
        .prepare('SELECT id FROM replica WHERE actor_id = ? AND file_instance_id = ?')
        .pluck()
        .get(this.context.actorId, this.fileInstanceId) as string | undefined) ?? null
    );
  }

  private ensureWriter(): ChangeLogWriter {
    if (this.writer) return this.writer;
    let replicaId = this.currentReplicaId();
    if (!replicaId) {
      replicaId = newRowId();
      this.db
        .prepare('INSERT INTO replica (id, actor_id, file_instance_id, created_at) VALUES (?, ?, ?, ?)')
        .run(replicaId, this.context.actorId, this.fileInstanceId, utcInstant(this.now()));
    }
    this.replicaId = replicaId;
    const clock = new HybridClock(replicaId, this.now);
    // Start after everything already in the file, but never more than the drift bound ahead of now.
    const latest = this.db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string | null;
    if (latest) clock.receive(encodeHlc({ ...decodeHlc(latest), node: replicaId }));
    this.clock = clock;
    this.writer = new ChangeLogWriter(this.db, { id: replicaId, actorId: this.context.actorId }, clock, this.now);
    return this.writer;
  }

  /** Runs `change` in one IMMEDIATE transaction with the change-log writer ready. */
  private write<T>(change: (log: ChangeLogWriter) => T): T {
    if (this.context.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
    return this.db.transaction(() => change(this.ensureWriter())).immediate();
  }

  /** Entries of other replicas arrived: the next write records what it has seen, with a fresh clock. */
  afterImport(): void {
    this.writer = null;
    this.clock = null;
  }

  /** A local write after a merge has seen every candidate: re-project so a settled conflict closes. */
  private reprojectIfConflicted(table: string, id: string): void {
    const open = this.db.prepare('SELECT 1 FROM conflict WHERE entity = ? AND row_id = ? LIMIT 1').get(table, id);
    if (open) projectRow(this.db, table, id, loadKnowledge(this.db));
  }

  /**
   * The lead's decisions: each writes the chosen candidate's value as an entry that names the
   * entries it settles, so importing the same packages again never reopens the conflict.
   */
  decideConflicts(decisions: readonly Decision[]): number {
    return this.write((log) => {
      for (const decision of decisions) {
        const { value, settles } = decisionValue(this.db, decision);
        const before = this.getRow(decision.entity, decision.rowId);
        log.record(decision.entity, decision.rowId, decision.field, before[decision.field], value, settles);
        projectRow(this.db, decision.entity, decision.rowId, loadKnowledge(this.db));
      }
      return decisions.length;
    });
  }

  private validate(spec: TableSpec, values: Row, creating: boolean): void {
    for (const [name, value] of Object.entries(values)) {
      const field = spec.fields.find((f) => f.name === name);
      if (!field) throw new StoreError('INVALID_VALUE', `${spec.name} has no field ${name}`, { table: spec.name, field: name });
      if (!creating && !field.editable) {
        throw new StoreError('INVALID_VALUE', `${spec.name}.${name} cannot be changed`, { table: spec.name, field: name });
      }
      const problem = fieldProblem(field, value);
      if (problem) {
        throw new StoreError('INVALID_VALUE', `${spec.name}.${name} ${problem}`, { table: spec.name, field: name, problem });
      }
    }
  }

  /** The natural id of a row of a table with a natural key (null for other tables, or when a key value is missing). */
  private naturalId(spec: TableSpec, values: Row): string | null {
    if (!spec.naturalKey) return null;
    const key = spec.naturalKey.map((name) => values[name]);
    if (key.some((value) => typeof value !== 'string' || value === '')) return null;
    return naturalRowId(this.engagementId, spec.name, key as string[]);
  }

  getRow(table: string, id: string): Row {
    const spec = tableSpec(table);
    const row = this.db.prepare(`SELECT * FROM ${spec.name} WHERE id = ?`).get(id) as Row | undefined;
    if (!row) throw new StoreError('ROW_NOT_FOUND', `No ${table} with id ${id}`, { table, id });
    return row;
  }

  listRows(table: string, includeDeleted = false): Row[] {
    const spec = tableSpec(table);
    return this.db
      .prepare(`SELECT * FROM ${spec.name} ${includeDeleted ? '' : 'WHERE deleted = 0'} ORDER BY id`)
      .all() as Row[];
  }

  /**
   * Inserts a mergeable row; every field gets an entry so another copy can rebuild the row. A table
   * with a natural key (one row per person name, per question and team member, ...) gets the same id
   * in every copy: creating it again revives the row (lifting a tombstone) and writes the values
   * given, so two copies recording the same thing make one row, and a conflict where they differ.
   */
  createRow(table: string, values: Row, explicitId?: string): string {
    const spec = tableSpec(table);
    if (spec.class !== 'mergeable') throw new Error(`${table} is not edited through the store API`);
    const natural = explicitId === undefined ? this.naturalId(spec, values) : null;
    if (natural !== null && this.db.prepare(`SELECT 1 FROM ${spec.name} WHERE id = ?`).get(natural)) {
      return this.write(() => {
        this.restoreRow(table, natural);
        const patch = Object.fromEntries(Object.entries(values).filter(([name]) => spec.fields.some((f) => f.name === name && f.editable)));
        if (Object.keys(patch).length) this.updateRow(table, natural, patch);
        return natural;
      });
    }
    const id = explicitId ?? natural ?? newRowId();
    const missing = spec.fields.filter((f) => !(f.name in values) && !hasDefault(f));
    if (missing.length) {
      throw new StoreError('INVALID_VALUE', `${table} needs ${missing.map((f) => f.name).join(', ')}`, {
        table,
        missing: missing.map((f) => f.name),
      });
    }
    this.validate(spec, values, true);
    return this.write((log) => {
      let hlc = '';
      for (const field of spec.fields) {
        if (field.name in values) hlc = log.record(table, id, field.name, null, values[field.name]);
      }
      const columns = [...Object.keys(values), 'id', 'created_by', 'updated_at', 'updated_by', 'deleted'];
      this.db
        .prepare(`INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(...Object.values(values), id, this.context.actorId, hlc, this.context.actorId, 0);
      return id;
    });
  }

  /** Changes fields of a row; unchanged values write nothing. Returns the row as stored. */
  updateRow(table: string, id: string, patch: Row): Row {
    const spec = tableSpec(table);
    this.validate(spec, patch, false);
    return this.write(() => {
      const before = this.getRow(table, id);
      if (before.deleted === 1) throw new StoreError('ROW_NOT_FOUND', `${table} ${id} was deleted`, { table, id });
      const changed = Object.entries(patch).filter(([name, value]) => before[name] !== value);
      if (!changed.length) return before;
      let hlc = '';
      for (const [name, value] of changed) hlc = this.writer!.record(table, id, name, before[name], value);
      const assignments = [...changed.map(([name]) => `${name} = ?`), 'updated_at = ?', 'updated_by = ?'];
      this.db
        .prepare(`UPDATE ${spec.name} SET ${assignments.join(', ')} WHERE id = ?`)
        .run(...changed.map(([, value]) => value), hlc, this.context.actorId, id);
      this.reprojectIfConflicted(table, id);
      return this.getRow(table, id);
    });
  }

  /**
   * Writes a row of an immutable table (a checklist pack) once, with one change-log entry that
   * carries the whole row; false when a row with that id is already there (same id, same content).
   */
  addImmutable(table: string, id: string, values: Row): boolean {
    const spec = tableSpec(table);
    if (spec.class !== 'immutable') throw new Error(`${table} is not an immutable table`);
    this.validate(spec, values, true);
    return this.write((log) => {
      if (this.db.prepare(`SELECT 1 FROM ${spec.name} WHERE id = ?`).get(id)) return false;
      // Keys in declaration order: the logged row, and its fingerprint, do not depend on the caller.
      const row = canonicalRow(spec.fields, values);
      log.record(table, id, IMMUTABLE_FIELD, null, row);
      const columns = ['id', ...Object.keys(row)];
      this.db
        .prepare(`INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(id, ...(Object.values(row) as RowValue[]));
      return true;
    });
  }

  /** Deletes by tombstone, so the deletion itself merges (and can conflict with a concurrent edit). */
  deleteRow(table: string, id: string): void {
    this.setDeleted(table, id, 1);
  }

  /** Takes a delete back (the undo of a delete): the tombstone is lifted, as an entry of its own. */
  restoreRow(table: string, id: string): void {
    this.setDeleted(table, id, 0);
  }

  private setDeleted(table: string, id: string, deleted: 0 | 1): void {
    const spec = tableSpec(table);
    if (spec.class !== 'mergeable' || !spec.parents.length) throw new Error(`${table} rows cannot be deleted`);
    this.write((log) => {
      const before = this.getRow(table, id);
      if (before.deleted === deleted) return;
      const hlc = log.record(table, id, 'deleted', before.deleted, deleted);
      this.db
        .prepare(`UPDATE ${spec.name} SET deleted = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
        .run(deleted, hlc, this.context.actorId, id);
      this.reprojectIfConflicted(table, id);
    });
  }

  /**
   * Erases a field's value and its whole history (personal data, a confidential detail written by
   * mistake). The chain stays verifiable; no stored value or usable hash of it remains.
   */
  purgeField(table: string, id: string, field: string): number {
    const spec = tableSpec(table);
    const fieldSpec = spec.fields.find((f) => f.name === field && f.type.kind === 'text');
    if (!fieldSpec) throw new StoreError('INVALID_VALUE', `${table}.${field} cannot be purged`, { table, field });
    return this.write((log) => {
      const before = this.getRow(table, id);
      const hlc = log.record(table, id, field, before[field], '');
      this.db
        .prepare(`UPDATE ${spec.name} SET ${field} = '', updated_at = ?, updated_by = ? WHERE id = ?`)
        .run(hlc, this.context.actorId, id);
      return purgeFieldHistory(this.db, table, id, field);
    });
  }

  /** Who last changed each field of a row, and when (from the change log). */
  fieldHistory(table: string, id: string): { field: string; actor_id: string; wall_time: string; hlc: string }[] {
    tableSpec(table);
    const rows = this.db
      .prepare(
        'SELECT field, actor_id, wall_time, hlc FROM change_log WHERE entity = ? AND row_id = ? ORDER BY hlc',
      )
      .all(table, id) as { field: string; actor_id: string; wall_time: string; hlc: string }[];
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const previous = latest.get(row.field);
      if (!previous || compareHlc(row.hlc, previous.hlc) > 0) latest.set(row.field, row);
    }
    return [...latest.values()];
  }

  verifyChain(): ChainVerdict {
    return verifyChain(this.db);
  }

  /** Whether the newest entry is further in the future than the drift bound (a wrong laptop clock). */
  clockAhead(): boolean {
    const latest = this.db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string | null;
    return latest ? decodeHlc(latest).wallMs > this.now() + MAX_CLOCK_DRIFT_MS : false;
  }

  static readonly mergeColumns = MERGE_COLUMNS;
}
