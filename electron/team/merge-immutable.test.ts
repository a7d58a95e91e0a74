import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { packToCopy, choosePack, currentPack } from '../packs/engagement-packs.ts';
import { shippedPacks } from '../packs/shipped-packs.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { importInto, issueMemberCopy, mergeState, openLaptop, returnPackage } from '../../tests/helpers/merge.ts';
import { tempDir } from '../../tests/helpers/temp.ts';

const ACTOR_RAJ = '0190a6a4-0000-7000-8000-0000000000aa';
const SHIPPED = shippedPacks()[0]!;

function lead() {
  const dir = tempDir();
  const made = newEngagementStore({ actorId: ACTOR_DANA });
  made.db.close();
  return { lead: openLaptop(made.file, ACTOR_DANA), dir };
}

describe('immutable data in the merge: a checklist pack chosen in a member copy', () => {
  it('travels in the return package and arrives whole; importing twice changes nothing', () => {
    const { lead: dana, dir } = lead();
    const lee = issueMemberCopy(dana, dir, 'Lee', ACTOR_LEE);
    const chosen = choosePack(lee.store, packToCopy(SHIPPED), ACTOR_LEE, Date.now());

    const first = importInto(dana, returnPackage(lee, 'Lee'));
    expect(first.entriesAdded).toBe(2); // the pack row, the engagement's choice
    const arrived = currentPack(dana.db)!;
    expect(arrived).toMatchObject({ id: chosen.id, sha256: chosen.sha256, pack_id: SHIPPED.id, version: SHIPPED.version });
    expect(JSON.parse(arrived.content)).toEqual(SHIPPED);

    const again = importInto(dana, returnPackage(lee, 'Lee'));
    expect(again).toMatchObject({ entriesAdded: 0, fieldsChanged: 0, rowsAdded: 0 });
    expect(dana.db.prepare('SELECT COUNT(*) FROM checklist_pack').pluck().get()).toBe(1);
    expect(dana.store.verifyChain()).toMatchObject({ ok: true });
  });

  it('two members adding the same pack make one row; choosing different versions is an ordinary conflict', () => {
    const { lead: dana, dir } = lead();
    const lee = issueMemberCopy(dana, dir, 'Lee', ACTOR_LEE);
    const raj = issueMemberCopy(dana, dir, 'Raj', ACTOR_RAJ);
    choosePack(lee.store, packToCopy(SHIPPED), ACTOR_LEE, Date.now());
    choosePack(raj.store, packToCopy(SHIPPED), ACTOR_RAJ, Date.now());
    importInto(dana, returnPackage(lee, 'Lee'));
    const second = importInto(dana, returnPackage(raj, 'Raj'));
    expect(second.conflictsOpened).toBe(0); // same pack, same id, same value
    expect(dana.db.prepare('SELECT COUNT(*) FROM checklist_pack').pluck().get()).toBe(1);

    const { lead: kim, dir: kimDir } = lead();
    const a = issueMemberCopy(kim, kimDir, 'Lee', ACTOR_LEE);
    const b = issueMemberCopy(kim, kimDir, 'Raj', ACTOR_RAJ);
    choosePack(a.store, packToCopy(SHIPPED), ACTOR_LEE, Date.now());
    choosePack(b.store, packToCopy({ ...SHIPPED, version: '9.0.0' }), ACTOR_RAJ, Date.now());
    importInto(kim, returnPackage(a, 'Lee'));
    const other = importInto(kim, returnPackage(b, 'Raj'));
    expect(other.conflictsOpened).toBe(1);
    expect(kim.db.prepare('SELECT version FROM checklist_pack ORDER BY version').pluck().all()).toEqual([SHIPPED.version, '9.0.0']);
    expect(kim.db.prepare("SELECT field FROM conflict WHERE entity = 'engagement'").pluck().all()).toEqual(['checklist_pack_id']);
  });

  it('a package whose pack row differs from the one under the same id here is refused, and nothing changes', () => {
    const { lead: dana, dir } = lead();
    const lee = issueMemberCopy(dana, dir, 'Lee', ACTOR_LEE);
    const info = choosePack(lee.store, packToCopy(SHIPPED), ACTOR_LEE, Date.now());
    // The lead's file already has a different row under that id (as if damaged or forged).
    dana.db
      .prepare('INSERT INTO checklist_pack (id, pack_id, version, sha256, title, content, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(info.id, SHIPPED.id, SHIPPED.version, 'f'.repeat(64), 'Forged', '{}', '2026-11-24T00:00:00.000Z', ACTOR_DANA);
    const before = dana.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get();
    let code: string | null = null;
    try {
      importInto(dana, returnPackage(lee, 'Lee'));
    } catch (error) {
      code = isStoreError(error) ? error.code : String(error);
    }
    expect(code).toBe('MERGE_BROKEN_CHAIN');
    expect(dana.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get()).toBe(before);
  });
});

describe('immutable rows in every import order', () => {
  const permutations = <T>(items: readonly T[]): T[][] =>
    items.length <= 1 ? [[...items]] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

  it('three members add the same pack at different times (one also a newer version): all six orders, each imported twice, give one file state', () => {
    const { lead: dana, dir } = lead();
    const members = [
      { name: 'Lee', actor: ACTOR_LEE, at: Date.parse('2026-12-07T10:00:00Z') },
      { name: 'Raj', actor: ACTOR_RAJ, at: Date.parse('2026-12-07T09:00:00Z') },
      { name: 'Kim', actor: '0190a6a4-0000-7000-8000-0000000000bb', at: Date.parse('2026-12-07T11:00:00Z') },
    ].map(({ name, actor, at }) => {
      const laptop = issueMemberCopy(dana, dir, name, actor, () => at);
      choosePack(laptop.store, packToCopy(SHIPPED), actor, at);
      if (name === 'Kim') choosePack(laptop.store, packToCopy({ ...SHIPPED, version: '9.0.0' }), actor, at + 60_000);
      return returnPackage(laptop, name);
    });
    const states = new Set<string>();
    for (const order of permutations([0, 1, 2])) {
      const file = path.join(dir, `order-${order.join('')}.iso20k`);
      dana.db.prepare('VACUUM INTO ?').run(file);
      const copy = openLaptop(file, ACTOR_DANA);
      for (const pass of [1, 2]) for (const i of order) expect(importInto(copy, members[i]!).entriesAdded > 0, `pass ${pass}`).toBe(pass === 1);
      states.add(mergeState(copy.db, ['engagement', 'checklist_pack']));
      copy.db.close();
    }
    expect(states.size).toBe(1);
    // The row is the earliest addition's: Raj's, at 09:00.
    const rows = JSON.parse([...states][0]!) as { checklist_pack: { version: string; added_by: string; added_at: string }[] };
    expect(rows.checklist_pack.find((row) => row.version === SHIPPED.version)).toMatchObject({ added_by: ACTOR_RAJ, added_at: '2026-12-07T09:00:00.000Z' });
  });
});
