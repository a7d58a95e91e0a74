import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chooseProfile } from '../profiles/worker.ts';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { cbProfile } from '../../tests/helpers/profiles.ts';
import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import { findingsView } from './findings-view.ts';
import { numberFindings } from './number-findings.ts';
import { raiseFinding } from './raise-finding.ts';

const DAY2 = Date.parse('2026-12-08T10:30:00Z');

function useProfile(store: EngagementStore, profile: CbProfile): void {
  const content = JSON.stringify(profile);
  chooseProfile(store, { profileId: profile.id, version: profile.version, sha256: createHash('sha256').update(content).digest('hex'), title: 'CB', content }, ACTOR_DANA, DAY2);
}

function leadFile() {
  const { store, db } = newEngagementStore({ actorId: ACTOR_DANA });
  const member = (name: string, initials: string, role: string) => store.createRow('team_member', { engagement_id: store.engagementId, name, initials, role, actor_id: null });
  const ids = { dana: member('Dana Lead', 'DL', 'lead'), lee: member('Lee Auditor', 'LA', 'auditor') };
  const raise = (grade: string) => raiseFinding(store, ids.lee, { source: { kind: 'none' }, grade }, DAY2).findingId;
  return { store, db, ids, raise };
}

describe('the lead’s numbering', () => {
  it('numbers with the CB profile’s pattern: its audit number, the audit’s year, only the grades it numbers; continuing the client’s earlier numbers', () => {
    const { store, db, ids, raise } = leadFile();
    useProfile(store, { ...cbProfile(), findingNumbering: { pattern: '{audit}-{year}-{seq:3}', sequence: 'per-engagement', appliesTo: 'nonconformities' } });
    store.updateRow('engagement', store.engagementId, { cb_audit_number: 'NB-0412', earlier_last_finding_seq: 7 });
    const minor = raise('minor');
    const major = raise('major');
    const observation = raise('observation');
    const result = numberFindings(store, ids.dana, false);
    expect(Object.fromEntries(result.numbered.map((entry) => [entry.findingId, [entry.number, entry.reason]]))).toEqual({
      [major]: ['NB-0412-2026-008', 'new'],
      [minor]: ['NB-0412-2026-009', 'new'],
      [observation]: ['', 'not_numbered'],
    });
    expect(findingsView(db, ids.dana).findings.find((finding) => finding.id === major)).toMatchObject({ label: 'NB-0412-2026-008', finalSeq: 8 });
  });

  it('refuses anyone but the lead, and a team without a lead, writing nothing', () => {
    const { store, ids, raise } = leadFile();
    const finding = raise('minor');
    expect(() => numberFindings(store, ids.lee, false)).toThrow(expect.objectContaining({ code: 'FINDINGS_LEAD_ONLY', params: { lead: 'Dana Lead' } }));
    store.updateRow('team_member', ids.dana, { role: 'auditor' });
    expect(() => numberFindings(store, ids.dana, false)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', params: expect.objectContaining({ problem: 'the team has no lead auditor' }) }));
    expect(store.getRow('finding', finding)).toMatchObject({ final_number: '', final_seq: null });
  });

  it('names what is wrong with a pattern it cannot number with, and writes nothing', () => {
    const { store, ids, raise } = leadFile();
    const finding = raise('minor');
    useProfile(store, { ...cbProfile(), findingNumbering: { pattern: 'NC-{number}', sequence: 'per-engagement', appliesTo: 'all-grades' } });
    expect(() => numberFindings(store, ids.dana, false)).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        message: expect.stringContaining('"NC-{number}" uses {number}, which is not a numbering token'),
        params: expect.objectContaining({ field: 'findingNumbering.pattern', pattern: 'NC-{number}' }),
      }),
    );
    expect(store.getRow('finding', finding)).toMatchObject({ final_number: '', final_seq: null });
  });

  it('leaves a finding whose grade the profile no longer defines as it is, and clears the number of one it does not number', () => {
    const { store, ids, raise } = leadFile();
    const kept = raise('minor');
    const downgraded = raise('minor');
    numberFindings(store, ids.dana, false);
    useProfile(store, { ...cbProfile(), findingNumbering: { pattern: 'NC-{seq:2}', sequence: 'per-engagement', appliesTo: 'nonconformities' } });
    store.updateRow('finding', kept, { grade: 'critical' });
    store.updateRow('finding', downgraded, { grade: 'observation' });
    const result = numberFindings(store, ids.dana, false);
    expect(Object.fromEntries(result.numbered.map((entry) => [entry.findingId, [entry.number, entry.previous, entry.reason]]))).toEqual({
      [kept]: ['MIN-01', 'MIN-01', 'unknown_grade'],
      [downgraded]: ['', 'MIN-02', 'cleared'],
    });
    expect(store.getRow('finding', kept)).toMatchObject({ grade: 'critical', final_number: 'MIN-01' });
    expect(store.getRow('finding', downgraded)).toMatchObject({ final_number: '', final_seq: null });
  });
});
