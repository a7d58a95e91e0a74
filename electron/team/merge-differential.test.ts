import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import type { RowValue } from '../store/engagement-store.ts';
import { describe, expect, it } from 'vitest';
import { decodeHlc } from '../../shared/hlc.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { issueMemberCopy, mergeState, openLaptop, returnPackage, type Laptop } from '../../tests/helpers/merge.ts';
import { MERGE_TABLE_GENERATORS, applyRowOp } from '../../tests/helpers/merge-tables.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { entryHash, genesisHash, valueHashOfJson } from '../store/change-log.ts';
import { mergeableTables, tableSpec } from '../store/registry.ts';
import { maximalEntries, shownCandidate, type KnowledgeIndex } from '../store/merge/causality.ts';
import { checkPackageFits, damagedValue, mergePackage, type ImportSummary } from './merge.ts';
import { parseReturnPackage, returnPackageSchema, type ReturnPackage } from './package-schema.ts';
import { loadKnowledge, type LoggedValue } from '../store/merge/projection.ts';

/**
 * The fast merge (entries verified from memory, rows projected in batches, zod only for what the
 * hand-written checks turn down) against the plain one it replaced, kept here as the oracle: one
 * statement per check and per row, everything straight from the log. Both import the same packages
 * (intact, and altered in the ways an attacker or a damaged stick would) into copies of one file;
 * the summaries, the refusals and the resulting files must be the same.
 */

const TABLES = mergeableTables().map((t) => t.name);

// ---- The oracle: mergePackage and projectRow as they were before the batching (commit 667d947). ----

const parse = (value: string | null): unknown => (value === null ? '' : JSON.parse(value));

function referenceProjectRow(db: Database.Database, entity: string, rowId: string, knowledge: KnowledgeIndex) {
  const spec = tableSpec(entity);
  const entries = db
    .prepare(
      `SELECT l.replica_id, l.seq, l.field, l.hlc, l.actor_id, l.wall_time, v.new_value
       FROM change_log l LEFT JOIN change_value v USING (replica_id, seq) WHERE l.entity = ? AND l.row_id = ?`,
    )
    .all(entity, rowId) as LoggedValue[];
  const byField = new Map<string, LoggedValue[]>();
  for (const entry of entries) byField.set(entry.field, [...(byField.get(entry.field) ?? []), entry]);
  const outcomes = new Map<string, { value: unknown; winner: LoggedValue; candidates: LoggedValue[] | null }>();
  for (const [field, list] of byField) {
    const maximal = maximalEntries(list, knowledge);
    const shown = shownCandidate(maximal);
    const distinct = new Set(maximal.map((e) => e.new_value));
    outcomes.set(field, { value: parse(shown.new_value), winner: shown, candidates: maximal.length > 1 && distinct.size > 1 ? maximal : null });
  }
  const conflicts: { field: string; candidates: LoggedValue[]; shown: LoggedValue }[] = [];
  for (const [field, outcome] of outcomes) {
    if (outcome.candidates) conflicts.push({ field, candidates: outcome.candidates, shown: outcome.winner });
  }
  let deleted = outcomes.get('deleted')?.value === 1 ? 1 : 0;
  const deletion = outcomes.get('deleted');
  if (deletion && deleted === 1 && !deletion.candidates) {
    const edits = [...outcomes.entries()]
      .filter(([field]) => field !== 'deleted')
      .flatMap(([field]) => maximalEntries(byField.get(field)!, knowledge))
      .filter((edit) => knowledge.concurrent(edit, deletion.winner));
    if (edits.length) {
      const candidates = [deletion.winner, ...edits];
      const shown = shownCandidate(candidates);
      conflicts.push({ field: 'deleted', candidates, shown });
      if (shown !== deletion.winner) deleted = 0;
    }
  }
  const fields = spec.fields.map((f) => f.name).filter((name) => outcomes.has(name));
  const latest = [...outcomes.values()].reduce((a, b) => (b.winner.hlc > a.winner.hlc ? b : a)).winner;
  const before = db.prepare(`SELECT * FROM ${spec.name} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
  let changedFields: number;
  if (!before) {
    const creator = [...entries].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))[0]!;
    const columns = [...fields, 'id', 'created_by', 'updated_at', 'updated_by', 'deleted'];
    db.prepare(`INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...fields.map((f) => outcomes.get(f)!.value as never),
      rowId,
      creator.actor_id,
      latest.hlc,
      latest.actor_id,
      deleted,
    );
    changedFields = fields.length;
  } else {
    const next: Record<string, unknown> = { deleted };
    for (const field of fields) next[field] = outcomes.get(field)!.value;
    const changed = Object.keys(next).filter((field) => before[field] !== next[field]);
    changedFields = changed.length;
    if (changed.length || before.updated_at !== latest.hlc) {
      const assignments = [...changed.map((f) => `${f} = ?`), 'updated_at = ?', 'updated_by = ?'];
      db.prepare(`UPDATE ${spec.name} SET ${assignments.join(', ')} WHERE id = ?`).run(
        ...changed.map((f) => next[f] as never),
        latest.hlc,
        latest.actor_id,
        rowId,
      );
    }
  }
  db.prepare('DELETE FROM conflict WHERE entity = ? AND row_id = ?').run(entity, rowId);
  const insertConflict = db.prepare(
    'INSERT INTO conflict (entity, row_id, field, candidates, shown_replica_id, shown_seq) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const conflict of conflicts) {
    const candidates = conflict.candidates
      .map((c) => ({ replica_id: c.replica_id, seq: c.seq }))
      .sort((a, b) => (a.replica_id === b.replica_id ? a.seq - b.seq : a.replica_id < b.replica_id ? -1 : 1));
    insertConflict.run(entity, rowId, conflict.field, JSON.stringify(candidates), conflict.shown.replica_id, conflict.shown.seq);
  }
  return { changedFields, inserted: !before, conflicts: conflicts.length };
}

class ReferenceDryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

const broken = (message: string, params: Record<string, string | number> = {}): StoreError =>
  new StoreError('MERGE_BROKEN_CHAIN', message, params);

function referenceMerge(db: Database.Database, pkg: ReturnPackage, dryRun: boolean): ImportSummary {
  checkPackageFits(db, pkg);
  try {
    return db.transaction(() => {
      const replicaOf = db.prepare('SELECT actor_id, file_instance_id FROM replica WHERE id = ?');
      for (const replica of pkg.replicas) {
        const existing = replicaOf.get(replica.id) as { actor_id: string } | undefined;
        if (!existing) {
          db.prepare('INSERT INTO replica (id, actor_id, file_instance_id, created_at) VALUES (?, ?, ?, ?)').run(
            replica.id,
            replica.actor_id,
            replica.file_instance_id,
            replica.created_at,
          );
        } else if (existing.actor_id !== replica.actor_id) {
          throw broken(`Replica ${replica.id} belongs to another person in this file`, { replicaId: replica.id });
        }
      }
      const hashAt = db.prepare('SELECT entry_hash FROM change_log WHERE replica_id = ? AND seq = ?').pluck();
      const insertEntry = db.prepare(`
        INSERT INTO change_log (replica_id, seq, prev_hash, entity, row_id, field, old_hash, new_hash, hlc, wall_time, actor_id, flags, settles, entry_hash)
        VALUES (@replica_id, @seq, @prev_hash, @entity, @row_id, @field, @old_hash, @new_hash, @hlc, @wall_time, @actor_id, @flags, @settles, @entry_hash)`);
      const insertValue = db.prepare('INSERT INTO change_value (replica_id, seq, salt, old_value, new_value) VALUES (?, ?, ?, ?, ?)');
      const entries = [...pkg.entries].sort((a, b) => (a.replica_id === b.replica_id ? a.seq - b.seq : a.replica_id < b.replica_id ? -1 : 1));
      const affected = new Map<string, { entity: string; rowId: string }>();
      let added = 0;
      let present = 0;
      let newestWall = 0;
      for (const entry of entries) {
        if (!replicaOf.get(entry.replica_id)) throw broken('An entry names a replica the package does not describe', { replicaId: entry.replica_id });
        const where = { replicaId: entry.replica_id, seq: entry.seq };
        if (entryHash(entry) !== entry.entry_hash) throw broken(`Entry ${entry.seq} of a replica was altered`, where);
        const salt = entry.salt ? Buffer.from(entry.salt, 'base64') : null;
        if (
          salt
            ? valueHashOfJson(salt, 'old', entry.old_value ?? 'null') !== entry.old_hash || valueHashOfJson(salt, 'new', entry.new_value ?? 'null') !== entry.new_hash
            : entry.old_value !== null || entry.new_value !== null
        ) {
          throw damagedValue(entry);
        }
        const existing = hashAt.get(entry.replica_id, entry.seq) as string | undefined;
        if (existing !== undefined) {
          if (existing !== entry.entry_hash) throw broken('The package and this file hold different versions of one entry', where);
          present++;
          continue;
        }
        const previous = entry.seq === 1 ? genesisHash(entry.replica_id) : (hashAt.get(entry.replica_id, entry.seq - 1) as string | undefined);
        if (previous === undefined) throw broken('The package misses history this file does not have', where);
        if (previous !== entry.prev_hash) throw broken('An entry does not follow the one before it', where);
        try {
          tableSpec(entry.entity);
        } catch {
          throw new StoreError('MERGE_NEWER_VERSION', `The package changes ${entry.entity}, which this app does not know`, {
            requiredVersion: pkg.minAppVersion,
          });
        }
        insertEntry.run({ ...entry, settles: entry.settles ?? null });
        insertValue.run(entry.replica_id, entry.seq, salt, entry.old_value, entry.new_value);
        affected.set(`${entry.entity}\u001f${entry.row_id}`, { entity: entry.entity, rowId: entry.row_id });
        newestWall = Math.max(newestWall, decodeHlc(entry.hlc).wallMs);
        added++;
      }
      const knowledgeOf = db.prepare('SELECT heads FROM replica_knowledge WHERE replica_id = ? AND from_seq = ?').pluck();
      const insertKnowledge = db.prepare('INSERT INTO replica_knowledge (replica_id, from_seq, heads) VALUES (?, ?, ?)');
      for (const row of pkg.knowledge) {
        const existing = knowledgeOf.get(row.replica_id, row.from_seq) as string | undefined;
        if (existing === undefined) insertKnowledge.run(row.replica_id, row.from_seq, row.heads);
        else if (existing !== row.heads) throw broken('The package and this file disagree about what a replica had seen', { replicaId: row.replica_id });
      }
      const conflictsOf = db.prepare('SELECT COUNT(*) FROM conflict WHERE entity = ? AND row_id = ?').pluck();
      const knowledge = loadKnowledge(db);
      let rowsAdded = 0;
      let fieldsChanged = 0;
      let conflictsOpened = 0;
      for (const { entity, rowId } of affected.values()) {
        const before = conflictsOf.get(entity, rowId) as number;
        const projection = referenceProjectRow(db, entity, rowId, knowledge);
        if (projection.inserted) rowsAdded++;
        else fieldsChanged += projection.changedFields;
        conflictsOpened += Math.max(0, projection.conflicts - before);
      }
      const summary: ImportSummary = {
        sourceActorName: pkg.createdBy.name,
        entriesAdded: added,
        entriesAlreadyPresent: present,
        rowsAdded,
        fieldsChanged,
        conflictsOpened,
        conflictsOpen: db.prepare('SELECT COUNT(*) FROM conflict').pluck().get() as number,
        clockAheadMs: Math.max(0, newestWall - NOW),
      };
      if (dryRun) throw new ReferenceDryRun(summary);
      return summary;
    }).immediate();
  } catch (error) {
    if (error instanceof ReferenceDryRun) return error.summary;
    throw error;
  }
}

// ---- Histories, packages and alterations ----

const NOW = Date.parse('2026-11-23T12:00:00Z');

type Op =
  | { kind: 'create'; table: string; values: Record<string, string | number | null> }
  | { kind: 'edit'; table: string; pick: number; field: string; value: RowValue }
  | { kind: 'delete'; table: string; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  ...Object.entries(MERGE_TABLE_GENERATORS).flatMap(([table, gen]) => {
    const ops: fc.Arbitrary<Op>[] = Object.entries(gen.edits).map(([field, values]) =>
      fc.record({ kind: fc.constant('edit' as const), table: fc.constant(table), pick: fc.nat(5), field: fc.constant(field), value: values }),
    );
    if (gen.parentField) ops.push(fc.record({ kind: fc.constant('create' as const), table: fc.constant(table), values: gen.create }));
    if (gen.deletable) ops.push(fc.record({ kind: fc.constant('delete' as const), table: fc.constant(table), pick: fc.nat(5) }));
    return ops;
  }),
);

function apply(laptop: Laptop, op: Op): void {
  applyRowOp(laptop.store, op);
}

type Entry = ReturnPackage['entries'][number];

/** Recomputes the links and hashes of one replica's entries from `from` on (a forger's package). */
function rechain(entries: Entry[], replicaId: string, from: number): Entry[] {
  let prev: string | null = null;
  return entries.map((e) => {
    if (e.replica_id !== replicaId || e.seq < from) return e;
    const next = { ...e, prev_hash: prev ?? e.prev_hash };
    const fixed = { ...next, entry_hash: entryHash(next) };
    prev = fixed.entry_hash;
    return fixed;
  });
}

const ALTERATIONS = [
  'intact',
  'shuffled',
  'altered field',
  'seq gap',
  'entry dropped',
  'entry twice',
  'entry twice, other value',
  'value swapped',
  'unknown table, rehashed',
  'broken link, rehashed',
  'replica left out',
  'replica of another person',
  'knowledge changed',
  'only the first half',
] as const;
type Alteration = (typeof ALTERATIONS)[number];

function alter(pkg: ReturnPackage, how: Alteration, pick: number): ReturnPackage {
  const entries = pkg.entries;
  if (!entries.length) return pkg;
  const i = pick % entries.length;
  const target = entries[i]!;
  const mine = entries.filter((e) => e.replica_id === target.replica_id);
  switch (how) {
    case 'intact':
      return pkg;
    case 'shuffled':
      return { ...pkg, entries: [...entries.slice(i), ...entries.slice(0, i)].reverse() };
    case 'altered field':
      return { ...pkg, entries: entries.map((e, j) => (j === i ? { ...e, field: `${e.field}_x` } : e)) };
    case 'seq gap':
      return { ...pkg, entries: entries.map((e) => (e.replica_id === target.replica_id ? { ...e, seq: e.seq + 3 } : e)) };
    case 'entry dropped':
      return { ...pkg, entries: entries.filter((_, j) => j !== i) };
    case 'entry twice':
      return { ...pkg, entries: [...entries, { ...target }] };
    case 'entry twice, other value': {
      const other = { ...target, hlc: `${target.hlc.slice(0, 15)}:ffff:${target.hlc.split(':')[2]}` };
      return { ...pkg, entries: [...entries, { ...other, entry_hash: entryHash(other) }] };
    }
    case 'value swapped':
      return { ...pkg, entries: entries.map((e, j) => (j === i ? { ...e, new_value: JSON.stringify('not what was hashed') } : e)) };
    case 'unknown table, rehashed': {
      const changed = entries.map((e, j) => (j === i ? { ...e, entity: 'sampling_population' } : e));
      return { ...pkg, entries: rechain(changed, target.replica_id, target.seq) };
    }
    case 'broken link, rehashed': {
      const changed = entries.map((e, j) => (j === i ? { ...e, prev_hash: 'f'.repeat(64) } : e));
      return { ...pkg, entries: changed.map((e, j) => (j === i ? { ...e, entry_hash: entryHash(e) } : e)) };
    }
    case 'replica left out':
      return { ...pkg, replicas: pkg.replicas.filter((r) => r.id !== target.replica_id) };
    case 'replica of another person':
      return { ...pkg, replicas: pkg.replicas.map((r) => (r.id === pkg.replicas[pick % pkg.replicas.length]!.id ? { ...r, actor_id: 'someone-else' } : r)) };
    case 'knowledge changed':
      return pkg.knowledge.length
        ? { ...pkg, knowledge: pkg.knowledge.map((k, j) => (j === pick % pkg.knowledge.length ? { ...k, heads: '{"x":1}' } : k)) }
        : pkg;
    case 'only the first half':
      return { ...pkg, entries: mine.slice(0, Math.ceil(mine.length / 2)) };
  }
}

type Outcome = { ok: ImportSummary } | { code: string; message: string; params: unknown };

function outcomeOf(run: () => ImportSummary): Outcome {
  try {
    return { ok: run() };
  } catch (error) {
    if (error instanceof StoreError) return { code: error.code, message: error.message, params: error.params };
    return { code: 'thrown', message: String(error), params: null };
  }
}

const fast = (laptop: Laptop, pkg: ReturnPackage, dryRun: boolean): Outcome =>
  outcomeOf(() => {
    const options = { dryRun, importedBy: laptop.actorId, sourceKind: 'package' as const, sourceName: 'p', sha256: '0'.repeat(64), now: () => NOW };
    const summary = mergePackage(laptop.db, pkg, options);
    if (!dryRun) laptop.store.afterImport();
    return summary;
  });

const reference = (laptop: Laptop, pkg: ReturnPackage, dryRun: boolean): Outcome =>
  outcomeOf(() => {
    const summary = referenceMerge(laptop.db, pkg, dryRun);
    if (!dryRun) laptop.store.afterImport();
    return summary;
  });

const historyArb = fc.record({
  leadBefore: fc.array(opArb, { maxLength: 5 }),
  members: fc.array(fc.array(opArb, { maxLength: 10 }), { minLength: 2, maxLength: 4 }),
  leadAfter: fc.array(opArb, { maxLength: 3 }),
  order: fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }),
  alterations: fc.array(fc.record({ how: fc.constantFrom(...ALTERATIONS), pick: fc.nat(1000) }), { minLength: 1, maxLength: 4 }),
  decide: fc.boolean(),
});

describe('the fast merge against the plain one (the oracle)', () => {
  it('gives the same summaries, refusals and files for intact and altered packages', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const dir = tempDir('aw-merge-diff-');
        const made = newEngagementStore({ actorId: ACTOR_DANA, file: path.join(dir, 'lead.iso20k') });
        const lead0: Laptop = { file: made.file, db: made.db, store: made.store, actorId: ACTOR_DANA };
        for (const op of history.leadBefore) apply(lead0, op);
        const members = history.members.map((ops, i) => {
          const member = issueMemberCopy(lead0, dir, `Member ${i}`, `0190a6a4-0000-7000-8000-0000000002${String(i).padStart(2, '0')}`);
          for (const op of ops) apply(member, op);
          return member;
        });
        for (const op of history.leadAfter) apply(lead0, op);
        const packages = members.map((m, i) => returnPackage(m, `Member ${i}`));
        for (const m of members) m.db.close();
        const fastFile = path.join(dir, 'fast.iso20k');
        const plainFile = path.join(dir, 'plain.iso20k');
        lead0.db.prepare('VACUUM INTO ?').run(fastFile);
        lead0.db.prepare('VACUUM INTO ?').run(plainFile);
        lead0.db.close();
        const a = openLaptop(fastFile, ACTOR_DANA, () => NOW);
        const b = openLaptop(plainFile, ACTOR_DANA, () => NOW);
        const same = (): void => expect(mergeState(a.db, TABLES)).toBe(mergeState(b.db, TABLES));

        const order = packages.map((_, i) => i).sort((x, y) => (history.order[x] ?? 0) - (history.order[y] ?? 0) || x - y);
        order.forEach((p, step) => {
          for (const { how, pick } of history.alterations.slice(step % history.alterations.length, step % history.alterations.length + 1)) {
            const altered = alter(packages[p]!, how, pick);
            expect(fast(a, altered, true), `dry run, ${how}`).toEqual(reference(b, altered, true));
            expect(fast(a, altered, false), how).toEqual(reference(b, altered, false));
            same();
          }
          expect(fast(a, packages[p]!, false)).toEqual(reference(b, packages[p]!, false));
          same();
        });
        let plain = b;
        if (history.decide) {
          // The lead settles the first open conflict (an entry with a fresh salt: made once, in one file,
          // which the other then copies), then every package comes again.
          const open = a.db.prepare('SELECT entity, row_id, field, candidates FROM conflict ORDER BY entity, row_id, field LIMIT 1').get() as
            | { entity: string; row_id: string; field: string; candidates: string }
            | undefined;
          if (open) {
            const [chosen] = JSON.parse(open.candidates) as { replica_id: string; seq: number }[];
            a.store.decideConflicts([{ entity: open.entity, rowId: open.row_id, field: open.field, replicaId: chosen!.replica_id, seq: chosen!.seq }]);
            const decidedFile = path.join(dir, 'plain-decided.iso20k');
            a.db.prepare('VACUUM INTO ?').run(decidedFile);
            b.db.close();
            plain = openLaptop(decidedFile, ACTOR_DANA, () => NOW);
          }
        }
        for (const p of order) {
          expect(fast(a, packages[p]!, false)).toEqual(reference(plain, packages[p]!, false));
          expect(mergeState(a.db, TABLES)).toBe(mergeState(plain.db, TABLES));
        }
        expect(a.store.verifyChain().ok).toBe(true);
        a.db.close();
        plain.db.close();
      }),
      propertyRuns('merge: fast = plain, intact and altered packages', 30),
    );
  });
});

// ---- The hand-written package checks against the zod schema ----

const odd: unknown[] = [undefined, null, '', 'x', 'x'.repeat(41), 'x'.repeat(101), 'x'.repeat(301), 0, 1, -1, 1.5, 2 ** 60, Number.NaN, true, [], {}, 'a'.repeat(64), 'A'.repeat(64), '001763939000000:00ff:node', '001763939000000:00FF:node', '1:2:3'];

describe('the hand-written package checks', () => {
  it('accept exactly what the zod schema accepts, and give the same package', () => {
    const dir = tempDir('aw-merge-schema-');
    const made = newEngagementStore({ actorId: ACTOR_DANA, file: path.join(dir, 'lead.iso20k') });
    const lead: Laptop = { file: made.file, db: made.db, store: made.store, actorId: ACTOR_DANA };
    const member = issueMemberCopy(lead, dir, 'Lee', '0190a6a4-0000-7000-8000-000000000301');
    member.store.updateRow('engagement', member.store.engagementId, { scope: 'Edited scope' });
    member.store.createRow('site', { engagement_id: member.store.engagementId, name: 'Leipzig', kind: 'permanent' });
    const json = JSON.parse(JSON.stringify(returnPackage(member, 'Lee'))) as Record<string, unknown>;
    member.db.close();
    lead.db.close();
    const targets: fc.Arbitrary<string[]> = fc.oneof(
      fc.constantFrom(...Object.keys(json)).map((k) => [k]),
      fc.tuple(fc.nat(3), fc.constantFrom(...Object.keys((json.entries as object[])[0]!), '__proto__', 'extra')).map(([i, k]) => ['entries', String(i), k]),
      fc.constantFrom('id', 'actor_id', 'file_instance_id', 'created_at', 'extra').map((k) => ['replicas', '0', k]),
      fc.constantFrom('actorId', 'name', 'initials', 'extra').map((k) => ['createdBy', k]),
      fc.constantFrom('some-replica', '__proto__').map((k) => ['base', k]),
    );
    fc.assert(
      fc.property(targets, fc.constantFrom(...odd), (target, value) => {
        const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
        let node: Record<string, unknown> = copy;
        for (const key of target.slice(0, -1)) node = (node[key] ?? {}) as Record<string, unknown>;
        const last = target.at(-1)!;
        if (value === undefined) delete node[last];
        else if (last === '__proto__') Object.defineProperty(node, last, { value, enumerable: true, configurable: true, writable: true });
        else node[last] = value;
        const mine = parseReturnPackage(copy);
        const zods = returnPackageSchema.safeParse(copy);
        expect(mine.success).toBe(zods.success);
        if (mine.success && zods.success) expect(JSON.stringify(mine.data)).toBe(JSON.stringify(zods.data));
      }),
      propertyRuns('package checks: hand-written = zod', 300),
    );
    expect(parseReturnPackage(json).success).toBe(true);
  });
});
