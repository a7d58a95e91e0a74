import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { listConflicts } from '../store/merge/decisions.ts';
import { decodePackage, encodePackage } from './package-file.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { importInto, issueMemberCopy, mergeState, openLaptop, returnPackage, type Laptop } from '../../tests/helpers/merge.ts';
import { tempDir } from '../../tests/helpers/temp.ts';

const ACTOR_RAJ = '0190a6a4-0000-7000-8000-0000000000aa';
const TABLES = ['engagement', 'site', 'team_member'];

function leadWithSite(): { lead: Laptop; dir: string; siteId: string } {
  const dir = tempDir();
  const made = newEngagementStore({ actorId: ACTOR_DANA });
  const siteId = made.store.createRow('site', { engagement_id: made.store.engagementId, name: 'Hamburg HQ', kind: 'central' });
  made.db.close();
  return { lead: openLaptop(made.file, ACTOR_DANA), dir, siteId };
}

function codeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return isStoreError(error) ? error.code : String(error);
  }
}

describe('merge scenarios', () => {
  it('both members edit the same field: a conflict keeps both candidates and shows the later one', () => {
    const { lead, dir } = leadWithSite();
    const lee = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    const raj = issueMemberCopy(lead, dir, 'Raj', ACTOR_RAJ);
    lee.store.updateRow('engagement', lee.store.engagementId, { scope: 'Scope as Lee wrote it' });
    raj.store.updateRow('engagement', raj.store.engagementId, { scope: 'Scope as Raj wrote it' });
    const preview = importInto(lead, returnPackage(lee, 'Lee'), true);
    expect(preview).toMatchObject({ entriesAdded: 1, fieldsChanged: 1, conflictsOpened: 0 });
    expect(lead.store.getRow('engagement', lead.store.engagementId).scope).not.toBe('Scope as Lee wrote it'); // preview wrote nothing
    importInto(lead, returnPackage(lee, 'Lee'));
    const summary = importInto(lead, returnPackage(raj, 'Raj'));
    expect(summary.conflictsOpened).toBe(1);
    const [conflict] = listConflicts(lead.db);
    expect(conflict!.field).toBe('scope');
    expect(conflict!.candidates.map((c) => c.value).sort()).toEqual(['Scope as Lee wrote it', 'Scope as Raj wrote it']);
    const shown = conflict!.candidates.find((c) => c.shown)!;
    expect(lead.store.getRow('engagement', lead.store.engagementId).scope).toBe(shown.value);
    expect(new Set(conflict!.candidates.map((c) => c.actorId))).toEqual(new Set([ACTOR_LEE, ACTOR_RAJ]));
  });

  it('a decided conflict stays decided when the same packages are imported again', () => {
    const { lead, dir } = leadWithSite();
    const lee = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    const raj = issueMemberCopy(lead, dir, 'Raj', ACTOR_RAJ);
    lee.store.updateRow('engagement', lee.store.engagementId, { objectives: 'A' });
    raj.store.updateRow('engagement', raj.store.engagementId, { objectives: 'B' });
    importInto(lead, returnPackage(lee));
    importInto(lead, returnPackage(raj));
    const [conflict] = listConflicts(lead.db);
    const lees = conflict!.candidates.find((c) => c.actorId === ACTOR_LEE)!;
    lead.store.decideConflicts([{ entity: 'engagement', rowId: lead.store.engagementId, field: 'objectives', replicaId: lees.replicaId, seq: lees.seq }]);
    expect(listConflicts(lead.db)).toEqual([]);
    expect(lead.store.getRow('engagement', lead.store.engagementId).objectives).toBe('A');
    const before = mergeState(lead.db, TABLES);
    expect(importInto(lead, returnPackage(raj)).entriesAdded).toBe(0);
    expect(importInto(lead, returnPackage(lee)).entriesAdded).toBe(0);
    expect(mergeState(lead.db, TABLES)).toBe(before);
    const decision = lead.db.prepare('SELECT settles FROM change_log WHERE settles IS NOT NULL').pluck().get() as string;
    expect(JSON.parse(decision)).toHaveLength(2);
    expect(lead.store.verifyChain().ok).toBe(true);
  });

  it('one member deletes what another edits: a conflict the lead decides', () => {
    const { lead, dir, siteId } = leadWithSite();
    const lee = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    const raj = issueMemberCopy(lead, dir, 'Raj', ACTOR_RAJ);
    lee.store.deleteRow('site', siteId);
    raj.store.updateRow('site', siteId, { activities: 'Service desk and change advisory board' });
    importInto(lead, returnPackage(lee));
    expect(lead.store.listRows('site')).toEqual([]);
    importInto(lead, returnPackage(raj));
    const [conflict] = listConflicts(lead.db);
    expect(conflict).toMatchObject({ entity: 'site', rowId: siteId, field: 'deleted' });
    const keep = conflict!.candidates.find((c) => c.value === false)!;
    lead.store.decideConflicts([{ entity: 'site', rowId: siteId, field: 'deleted', replicaId: keep.replicaId, seq: keep.seq }]);
    expect(lead.store.listRows('site').map((s) => s.activities)).toEqual(['Service desk and change advisory board']);
    expect(listConflicts(lead.db)).toEqual([]);
  });

  it("a member's clock a day off: entries are kept, reported, and do not drag the lead's clock", () => {
    const { lead, dir } = leadWithSite();
    const dayAhead = Date.now() + 86_400_000;
    const lee = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE, () => dayAhead);
    lee.store.updateRow('engagement', lee.store.engagementId, { scope: 'written on a wrong clock' });
    const summary = importInto(lead, returnPackage(lee));
    expect(summary.clockAheadMs).toBeGreaterThan(86_000_000);
    lead.store.updateRow('engagement', lead.store.engagementId, { scope: 'lead corrects it' });
    const hlc = lead.store.getRow('engagement', lead.store.engagementId).updated_at as string;
    expect(Number(hlc.slice(0, 15))).toBeLessThan(Date.now() + 6 * 60_000);
    expect(lead.store.getRow('engagement', lead.store.engagementId).scope).toBe('lead corrects it');
    expect(listConflicts(lead.db)).toEqual([]);
  });

  it('a newer package of a member imported before an older one: the older adds nothing', () => {
    const { lead, dir } = leadWithSite();
    const lee = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    lee.store.updateRow('engagement', lee.store.engagementId, { criteria: 'first' });
    const older = returnPackage(lee);
    lee.store.createRow('site', { engagement_id: lee.store.engagementId, name: 'Leipzig', kind: 'permanent' });
    const newer = returnPackage(lee);
    importInto(lead, newer);
    const after = mergeState(lead.db, TABLES);
    expect(importInto(lead, older)).toMatchObject({ entriesAdded: 0, entriesAlreadyPresent: older.entries.length });
    expect(mergeState(lead.db, TABLES)).toBe(after);
  });

  it('a member copy issued twice to the same member gives two replicas that both merge', () => {
    const { lead, dir } = leadWithSite();
    const first = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    const second = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    first.store.createRow('site', { engagement_id: first.store.engagementId, name: 'From the first copy', kind: 'temporary' });
    second.store.createRow('site', { engagement_id: second.store.engagementId, name: 'From the second copy', kind: 'temporary' });
    importInto(lead, returnPackage(first));
    importInto(lead, returnPackage(second));
    expect(lead.store.listRows('site').map((s) => s.name).sort()).toEqual(['From the first copy', 'From the second copy', 'Hamburg HQ']);
    expect(lead.store.verifyChain()).toMatchObject({ ok: true, replicas: 3 });
  });

  it('an encrypted package with the wrong passphrase is refused and changes nothing', () => {
    const { lead, dir } = leadWithSite();
    const lee = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    lee.store.updateRow('engagement', lee.store.engagementId, { scope: 'secret plans' });
    const bytes = encodePackage(returnPackage(lee), 'correct horse battery staple');
    expect(bytes.includes(Buffer.from('secret plans'))).toBe(false);
    expect(codeOf(() => decodePackage(bytes, 'wrong'))).toBe('MERGE_WRONG_PASSPHRASE');
    expect(codeOf(() => decodePackage(bytes))).toBe('MERGE_PASSPHRASE_REQUIRED');
    const pkg = decodePackage(bytes, 'correct horse battery staple');
    expect(importInto(lead, pkg).entriesAdded).toBe(1);
  });

  it('refuses another engagement, a newer app, a damaged or altered package, and changes nothing', () => {
    const { lead, dir } = leadWithSite();
    const lee = issueMemberCopy(lead, dir, 'Lee', ACTOR_LEE);
    lee.store.updateRow('engagement', lee.store.engagementId, { scope: 'edited' });
    const pkg = returnPackage(lee);
    const before = mergeState(lead.db, TABLES);
    expect(codeOf(() => importInto(lead, { ...pkg, engagementId: 'another-engagement' }))).toBe('MERGE_OTHER_ENGAGEMENT');
    expect(codeOf(() => importInto(lead, { ...pkg, schemaVersion: 99, minAppVersion: '9.0.0' }))).toBe('MERGE_NEWER_VERSION');
    const altered = { ...pkg, entries: pkg.entries.map((e) => ({ ...e, actor_id: ACTOR_RAJ })) };
    expect(codeOf(() => importInto(lead, altered))).toBe('MERGE_BROKEN_CHAIN');
    const gap = { ...pkg, entries: pkg.entries.map((e) => ({ ...e, seq: e.seq + 5 })) };
    expect(codeOf(() => importInto(lead, gap))).toBe('MERGE_BROKEN_CHAIN');
    const bytes = encodePackage(pkg);
    expect(codeOf(() => decodePackage(bytes.subarray(0, bytes.length - 10)))).toBe('MERGE_DAMAGED');
    expect(codeOf(() => decodePackage(Buffer.from('SQLite format 3\0')))).toBe('MERGE_NOT_A_PACKAGE');
    expect(mergeState(lead.db, TABLES)).toBe(before);
  });
});
