import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newEngagementStore } from '../../tests/helpers/store.ts';
import { markShipped } from './change-log.ts';
import { verifyChain } from './chain-check.ts';
import { openEngagementFile } from './engagement-file.ts';
import { EngagementStore } from './engagement-store.ts';

function storeWithHistory(): ReturnType<typeof newEngagementStore> & { clock: { now: number } } {
  const clock = { now: Date.UTC(2026, 11, 7, 9, 0, 0) };
  const made = newEngagementStore({ now: () => clock.now });
  const { store } = made;
  for (let i = 0; i < 5; i++) {
    clock.now += 120_000; // two minutes apart: no coalescing
    store.createRow('site', { engagement_id: store.engagementId, name: `Site ${i}`, kind: 'permanent' });
  }
  return { ...made, clock };
}

describe('change log chain', () => {
  it('verifies an untouched history', () => {
    const { store } = storeWithHistory();
    expect(store.verifyChain()).toMatchObject({ ok: true, replicas: 1 });
  });

  it('names the entry whose content was edited', () => {
    const { db } = storeWithHistory();
    db.prepare("UPDATE change_log SET field = 'address' WHERE seq = 7").run();
    expect(verifyChain(db)).toMatchObject({ ok: false, seq: 7, reason: 'entry_hash_mismatch' });
  });

  it('names the gap where an entry was deleted', () => {
    const { db } = storeWithHistory();
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM change_value WHERE seq = 9').run();
    db.prepare('DELETE FROM change_log WHERE seq = 9').run();
    expect(verifyChain(db)).toMatchObject({ ok: false, seq: 10, reason: 'sequence_gap' });
  });

  it('names the first link broken by reordering two entries', () => {
    const { db } = storeWithHistory();
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const table of ['change_log', 'change_value']) {
        db.prepare(`UPDATE ${table} SET seq = -1 WHERE seq = 12`).run();
        db.prepare(`UPDATE ${table} SET seq = 12 WHERE seq = 13`).run();
        db.prepare(`UPDATE ${table} SET seq = 13 WHERE seq = -1`).run();
      }
    })();
    expect(verifyChain(db)).toMatchObject({ ok: false, seq: 12, reason: 'prev_hash_mismatch' });
  });

  it('notices a stored value that no longer matches its salted hash', () => {
    const { db } = storeWithHistory();
    db.prepare('UPDATE change_value SET new_value = \'"Forged"\' WHERE seq = 3').run();
    expect(verifyChain(db)).toMatchObject({ ok: false, seq: 3, reason: 'value_hash_mismatch' });
  });
});

describe('coalescing rapid edits', () => {
  it('replaces the chain head for edits of one field within 60 s, keeping the first old value', () => {
    const { store, db, clock } = storeWithHistory();
    const before = db.prepare('SELECT COUNT(*) FROM change_log').pluck().get();
    for (const text of ['M', 'Ma', 'Man', 'Managed']) {
      clock.now += 400;
      store.updateRow('engagement', store.engagementId, { scope: text });
    }
    expect(db.prepare('SELECT COUNT(*) FROM change_log').pluck().get()).toBe((before as number) + 1);
    const head = db
      .prepare('SELECT v.old_value, v.new_value FROM change_log l JOIN change_value v USING (replica_id, seq) ORDER BY seq DESC LIMIT 1')
      .get() as { old_value: string; new_value: string };
    expect(JSON.parse(head.new_value)).toBe('Managed');
    expect(JSON.parse(head.old_value)).toBe('Managed hosting and service desk services for business customers');
    expect(store.verifyChain().ok).toBe(true);
  });

  it('starts a new entry after 60 s, for another field, and once the head has left the file', () => {
    const { store, db, clock } = storeWithHistory();
    const count = (): number => db.prepare('SELECT COUNT(*) FROM change_log').pluck().get() as number;
    const start = count();
    store.updateRow('engagement', store.engagementId, { scope: 'a' });
    clock.now += 61_000;
    store.updateRow('engagement', store.engagementId, { scope: 'b' });
    store.updateRow('engagement', store.engagementId, { objectives: 'c' });
    markShipped(db);
    store.updateRow('engagement', store.engagementId, { objectives: 'd' });
    expect(count()).toBe(start + 4);
    expect(store.verifyChain().ok).toBe(true);
  });
});

describe('purge', () => {
  it('keeps the chain valid and leaves no trace of the value in the file bytes', () => {
    const { store, db, file } = storeWithHistory();
    const secret = 'Ms Jane Secret-Witness, mobile +49 170 5550199';
    const site = store.listRows('site')[0]!;
    store.updateRow('site', site.id as string, { activities: secret });
    store.updateRow('site', site.id as string, { activities: `${secret} (confirmed)` });
    store.updateRow('site', site.id as string, { name: 'Hamburg data centre' });
    expect(fs.readFileSync(file).includes(Buffer.from(secret))).toBe(true);

    expect(store.purgeField('site', site.id as string, 'activities')).toBeGreaterThan(0);
    expect(store.getRow('site', site.id as string).activities).toBe('');
    expect(store.verifyChain()).toMatchObject({ ok: true });
    db.close();

    for (const candidate of [file, `${file}-journal`]) {
      if (fs.existsSync(candidate)) expect(fs.readFileSync(candidate).includes(Buffer.from('Secret-Witness'))).toBe(false);
    }
    const reopened = openEngagementFile(file);
    const again = new EngagementStore(reopened.db, { actorId: 'x', readOnly: true });
    expect(again.verifyChain()).toMatchObject({ ok: true });
    expect(again.getRow('site', site.id as string).name).toBe('Hamburg data centre');
    reopened.db.close();
  });

  it('refuses to purge a field that is not free text', () => {
    const { store } = storeWithHistory();
    expect(() => store.purgeField('engagement', store.engagementId, 'start_date')).toThrow(/cannot be purged/);
  });
});

describe('verifyChain on a file another tool altered', () => {
  it('detects an entry changed with the sqlite3 CLI equivalent after close', () => {
    const { db, file } = storeWithHistory();
    db.close();
    const raw = new Database(file);
    raw.prepare("UPDATE change_log SET actor_id = 'someone-else' WHERE seq = 2").run();
    raw.close();
    const reopened = openEngagementFile(file);
    expect(verifyChain(reopened.db)).toMatchObject({ ok: false, seq: 2, reason: 'entry_hash_mismatch' });
    reopened.db.close();
  });
});
