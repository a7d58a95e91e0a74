import { describe, expect, it } from 'vitest';
import { encodeHlc, decodeHlc, MAX_CLOCK_DRIFT_MS } from '../../shared/hlc.ts';
import { naturalRowId } from '../../shared/ids.ts';
import { isStoreError } from '../../shared/store-errors.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { openEngagementFile } from './engagement-file.ts';
import { EngagementStore } from './engagement-store.ts';

function codeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return isStoreError(error) ? error.code : `not a store error: ${String(error)}`;
  }
}

describe('EngagementStore edits', () => {
  it('writes a row, its merge columns and one log entry per field in one transaction', () => {
    const { store, db } = newEngagementStore();
    const id = store.createRow('site', { engagement_id: store.engagementId, name: 'Hamburg HQ', kind: 'central' });
    const row = store.getRow('site', id);
    expect(row).toMatchObject({ name: 'Hamburg HQ', kind: 'central', created_by: ACTOR_DANA, updated_by: ACTOR_DANA, deleted: 0 });
    const entries = db.prepare("SELECT field FROM change_log WHERE entity = 'site' AND row_id = ?").pluck().all(id);
    expect(entries.sort()).toEqual(['engagement_id', 'kind', 'name']);
    expect(decodeHlc(row.updated_at as string).node).toBe(store.currentReplicaId());
  });

  it('gives a natural-key row the same id in every copy: creating it again revives it and writes the values given', () => {
    const { store } = newEngagementStore();
    const engagement_id = store.engagementId;
    const jane = store.createRow('person', { engagement_id, name: 'Jane Smith', role: 'Change manager' });
    expect(jane).toBe(naturalRowId(engagement_id, 'person', ['Jane Smith']));
    store.deleteRow('person', jane);
    expect(store.createRow('person', { engagement_id, name: 'Jane Smith', organization: 'Client IT' })).toBe(jane);
    expect(store.getRow('person', jane)).toMatchObject({ deleted: 0, role: 'Change manager', organization: 'Client IT' });
    expect(store.listRows('person')).toHaveLength(1);
    expect(store.verifyChain()).toMatchObject({ ok: true });
  });

  it('writes nothing for an unchanged value', () => {
    const { store, db } = newEngagementStore();
    const count = (): unknown => db.prepare('SELECT COUNT(*) FROM change_log').pluck().get();
    const before = count();
    store.updateRow('engagement', store.engagementId, { time_zone: 'Europe/Berlin' });
    expect(count()).toBe(before);
  });

  it('refuses bad values, unknown fields, fixed fields and missing required fields with INVALID_VALUE', () => {
    const { store } = newEngagementStore();
    expect(codeOf(() => store.updateRow('engagement', store.engagementId, { end_date: '09.12.2026' }))).toBe('INVALID_VALUE');
    expect(codeOf(() => store.updateRow('engagement', store.engagementId, { password: 'x' }))).toBe('INVALID_VALUE');
    const site = store.createRow('site', { engagement_id: store.engagementId, name: 'A', kind: 'permanent' });
    expect(codeOf(() => store.updateRow('site', site, { engagement_id: 'other' }))).toBe('INVALID_VALUE');
    expect(codeOf(() => store.createRow('site', { engagement_id: store.engagementId, name: 'B' }))).toBe('INVALID_VALUE');
    expect(codeOf(() => store.updateRow('site', 'no-such-id', { name: 'C' }))).toBe('ROW_NOT_FOUND');
  });

  it('deletes by tombstone, logged like any edit', () => {
    const { store } = newEngagementStore();
    const site = store.createRow('site', { engagement_id: store.engagementId, name: 'Temporary site', kind: 'temporary' });
    store.deleteRow('site', site);
    expect(store.listRows('site')).toEqual([]);
    expect(store.listRows('site', true)).toHaveLength(1);
    expect(store.fieldHistory('site', site).find((h) => h.field === 'deleted')).toMatchObject({ actor_id: ACTOR_DANA });
    expect(codeOf(() => store.updateRow('site', site, { name: 'again' }))).toBe('ROW_NOT_FOUND');
  });

  it('creates one replica per actor and copy of the file, on the first write', () => {
    const { store, db, file } = newEngagementStore();
    const dana = store.currentReplicaId();
    db.close();
    const reopened = openEngagementFile(file);
    const lee = new EngagementStore(reopened.db, { actorId: ACTOR_LEE, readOnly: false });
    expect(lee.currentReplicaId()).toBeNull();
    lee.updateRow('engagement', lee.engagementId, { objectives: 'Lee was here' });
    expect(lee.currentReplicaId()).not.toBe(dana);
    const danaAgain = new EngagementStore(reopened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(danaAgain.currentReplicaId()).toBe(dana);
    expect(lee.verifyChain()).toMatchObject({ ok: true, replicas: 2 });
    expect(lee.fieldHistory('engagement', lee.engagementId).find((h) => h.field === 'objectives')?.actor_id).toBe(ACTOR_LEE);
    reopened.db.close();
  });

  it('refuses edits on a read-only store', () => {
    const { db } = newEngagementStore();
    const readOnly = new EngagementStore(db, { actorId: ACTOR_DANA, readOnly: true });
    expect(codeOf(() => readOnly.updateRow('engagement', readOnly.engagementId, { scope: 'x' }))).toBe('READ_ONLY');
  });

  it('starts its clock after the file history but not more than the drift bound ahead (a laptop a day fast)', () => {
    const now = Date.UTC(2026, 11, 7, 9);
    const { store, db } = newEngagementStore({ now: () => now + 86_400_000 }); // Dana's clock is a day fast
    store.updateRow('engagement', store.engagementId, { scope: 'edited on the fast laptop' });
    const lee = new EngagementStore(db, { actorId: ACTOR_LEE, readOnly: false, now: () => now });
    expect(lee.clockAhead()).toBe(true);
    lee.updateRow('engagement', lee.engagementId, { scope: 'edited with the right time' });
    const leeHlc = lee.getRow('engagement', lee.engagementId).updated_at as string;
    expect(decodeHlc(leeHlc).wallMs).toBeLessThanOrEqual(now + MAX_CLOCK_DRIFT_MS);
    expect(encodeHlc(decodeHlc(leeHlc))).toBe(leeHlc);
  });
});
