import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importInto, issueMemberCopy, mergeState, openLaptop, returnPackage, type Laptop } from '../../tests/helpers/merge.ts';
import { IMMUTABLE_TABLE_GENERATORS, MERGE_TABLE_GENERATORS, applyRowOp } from '../../tests/helpers/merge-tables.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { IMMUTABLE_FIELD, type RowValue } from '../store/engagement-store.ts';
import { immutableTables, mergeableTables, tableSpec } from '../store/registry.ts';
import type { ReturnPackage } from './package-schema.ts';
import { loadKnowledge } from '../store/merge/projection.ts';
import { walkRows } from '../store/row-check.ts';

const TABLES = mergeableTables().map((t) => t.name);
const IMMUTABLE = immutableTables().map((t) => t.name);
/** The domain tables whose state must not depend on the import order: mergeable and immutable. */
const DOMAIN = [...TABLES, ...IMMUTABLE];
// Distinct times for additions, so members adding the same content differ in who and when.
const BASE_TIME = Date.parse('2026-11-24T08:00:00Z');

type Op =
  | { kind: 'create'; table: string; values: Record<string, string | number | null> }
  | { kind: 'edit'; table: string; pick: number; field: string; value: RowValue }
  | { kind: 'delete'; table: string; pick: number }
  | { kind: 'add'; table: string; pick: number; at: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  ...Object.entries(MERGE_TABLE_GENERATORS).flatMap(([table, gen]) => {
    const ops: fc.Arbitrary<Op>[] = Object.entries(gen.edits).map(([field, values]) =>
      fc.record({ kind: fc.constant('edit' as const), table: fc.constant(table), pick: fc.nat(5), field: fc.constant(field), value: values }),
    );
    if (gen.parentField) ops.push(fc.record({ kind: fc.constant('create' as const), table: fc.constant(table), values: gen.create }));
    if (gen.deletable) ops.push(fc.record({ kind: fc.constant('delete' as const), table: fc.constant(table), pick: fc.nat(5) }));
    return ops;
  }),
  ...Object.keys(IMMUTABLE_TABLE_GENERATORS).map((table) =>
    fc.record({ kind: fc.constant('add' as const), table: fc.constant(table), pick: fc.nat(5), at: fc.nat(86_400_000) }),
  ),
);

const historyArb = fc.record({
  leadBefore: fc.array(opArb, { maxLength: 4 }),
  members: fc.array(fc.array(opArb, { maxLength: 8 }), { minLength: 2, maxLength: 6 }),
  leadAfter: fc.array(opArb, { maxLength: 3 }),
  order: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
});

/** Applies an op as a user would; edits of rows that are gone are refused, as in the UI. */
function apply(laptop: Laptop, op: Op): void {
  if (op.kind === 'add') IMMUTABLE_TABLE_GENERATORS[op.table]!.add(laptop.store, op.pick, BASE_TIME + op.at);
  else applyRowOp(laptop.store, op);
}

/** Runs the file check's row comparison to its end. */
function rowMismatch(db: Parameters<typeof walkRows>[0]): ReturnType<typeof walkRows> extends Generator<number, infer R> ? R : never {
  const walk = walkRows(db);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}

/** Every edit is visible, a conflict candidate, or superseded by an entry that had seen it. */
function nothingLost(lead: Laptop): string[] {
  const knowledge = loadKnowledge(lead.db);
  const entries = lead.db
    .prepare(
      `SELECT l.replica_id, l.seq, l.entity, l.row_id, l.field, v.new_value FROM change_log l
       JOIN change_value v USING (replica_id, seq) ORDER BY l.replica_id, l.seq`,
    )
    .all() as { replica_id: string; seq: number; entity: string; row_id: string; field: string; new_value: string }[];
  const conflicts = lead.db.prepare('SELECT entity, row_id, candidates FROM conflict').all() as { entity: string; row_id: string; candidates: string }[];
  const candidate = (e: { replica_id: string; seq: number; entity: string; row_id: string }) =>
    conflicts.some(
      (c) =>
        c.entity === e.entity &&
        c.row_id === e.row_id &&
        (JSON.parse(c.candidates) as { replica_id: string; seq: number }[]).some((x) => x.replica_id === e.replica_id && x.seq === e.seq),
    );
  const lost: string[] = [];
  for (const e of entries) {
    const sameField = entries.filter((y) => y.entity === e.entity && y.row_id === e.row_id && y.field === e.field);
    if (sameField.some((y) => y !== e && knowledge.hasSeen(y, e))) continue;
    const row = lead.db.prepare(`SELECT * FROM ${e.entity} WHERE id = ?`).get(e.row_id) as Record<string, unknown> | undefined;
    if (row && row[e.field] === JSON.parse(e.new_value)) continue;
    // An immutable row's entry carries the whole row: it is kept when the row with its content is there.
    if (row && e.field === IMMUTABLE_FIELD && (tableSpec(e.entity).naturalKey ?? []).every((k) => row[k] === (JSON.parse(e.new_value) as Record<string, unknown>)[k])) continue;
    if (candidate(e)) continue;
    lost.push(`${e.entity}.${e.field} ${e.replica_id}:${e.seq}`);
  }
  return lost;
}

describe('merge properties over random edit histories of 2–6 members', () => {
  it('every mergeable table has an edit generator (add yours in tests/helpers/merge-tables.ts)', () => {
    expect(Object.keys(MERGE_TABLE_GENERATORS).sort()).toEqual([...TABLES].sort());
  });

  it('every immutable table has an add generator (add yours in tests/helpers/merge-tables.ts)', () => {
    expect(Object.keys(IMMUTABLE_TABLE_GENERATORS).sort()).toEqual([...IMMUTABLE].sort());
  });

  it('is idempotent, order-independent, loses nothing, and keeps every chain valid', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const dir = tempDir('aw-merge-prop-');
        const made = newEngagementStore({ actorId: ACTOR_DANA, file: path.join(dir, 'lead.iso20k') });
        const lead0: Laptop = { file: made.file, db: made.db, store: made.store, actorId: ACTOR_DANA };
        for (const op of history.leadBefore) apply(lead0, op);
        const members = history.members.map((ops, i) => {
          const member = issueMemberCopy(lead0, dir, `Member ${i}`, `0190a6a4-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`);
          for (const op of ops) apply(member, op);
          return member;
        });
        for (const op of history.leadAfter) apply(lead0, op);
        const packages: ReturnPackage[] = members.map((m, i) => returnPackage(m, `Member ${i}`));
        for (const m of members) m.db.close();

        // Two copies of the lead's file import the packages in two different orders.
        const cloneFile = path.join(dir, 'lead-clone.iso20k');
        lead0.db.prepare('VACUUM INTO ?').run(cloneFile);
        const clone = openLaptop(cloneFile, ACTOR_DANA);
        const order = packages.map((_, i) => i).sort((a, b) => (history.order[a] ?? 0) - (history.order[b] ?? 0) || a - b);
        for (const i of order) {
          importInto(lead0, packages[i]!);
          expect(lead0.store.verifyChain().ok).toBe(true);
        }
        for (const i of [...order].reverse()) importInto(clone, packages[i]!);

        const state = mergeState(lead0.db, DOMAIN);
        expect(mergeState(clone.db, DOMAIN)).toBe(state);
        for (const pkg of packages) expect(importInto(lead0, pkg).entriesAdded).toBe(0);
        expect(mergeState(lead0.db, DOMAIN)).toBe(state);
        expect(nothingLost(lead0)).toEqual([]);
        // Every stored row is what its history says (what the file check verifies on every open).
        expect(rowMismatch(lead0.db)).toBeNull();
        expect(rowMismatch(clone.db)).toBeNull();
        lead0.db.close();
        clone.db.close();
      }),
      propertyRuns('merge: idempotent, order-independent, nothing lost', 40),
    );
  });
});
