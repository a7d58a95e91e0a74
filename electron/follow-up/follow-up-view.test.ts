import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import { chooseProfile } from '../profiles/worker.ts';
import type { Row } from '../store/engagement-store.ts';
import { cbProfile } from '../../tests/helpers/profiles.ts';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { followUpView, moveCorrectiveAction } from './corrective-actions.ts';

const TYPING = { memberId: null, name: null, source: 'none' as const };

/** An engagement whose CB profile gives minors 30 days for the response and 90 for verification, majors 30 and 60. */
function engagement(fields: Record<string, unknown>) {
  const { store } = newEngagementStore();
  const base = cbProfile();
  const profile: CbProfile = {
    ...base,
    grades: base.grades.map((grade) =>
      grade.key === 'minor' ? { ...grade, responseDays: 30, verificationDays: 90 } : grade.key === 'major' ? { ...grade, responseDays: 30, verificationDays: 60 } : grade,
    ),
  };
  const content = JSON.stringify(profile);
  chooseProfile(store, { profileId: profile.id, version: profile.version, sha256: createHash('sha256').update(content).digest('hex'), title: 'Northbridge', content }, ACTOR_DANA, Date.parse('2026-01-01T00:00:00Z'));
  store.updateRow('engagement', store.engagementId, fields as Row);
  const member = store.createRow('team_member', { engagement_id: store.engagementId, name: 'Helen Marsh', initials: 'HM', role: 'lead', actor_id: ACTOR_DANA });
  const raise = (grade: string, seq: number) =>
    store.createRow('finding', { engagement_id: store.engagementId, raised_by: member, provisional_seq: seq, grade, raised_on: String(fields.end_date), final_number: `NC-${seq}`, final_seq: seq });
  return { store, member, raise };
}

describe('deadlines and overdue in the follow-up view', () => {
  it('a stage 2 major ending 31 July is verified by 31 January; ending 31 August 2027, by 29 February 2028 (6 months, clamped); the profile’s days for a minor', () => {
    const july = engagement({ audit_type: 'stage2', start_date: '2026-07-29', end_date: '2026-07-31', time_zone: 'Europe/Berlin' });
    july.raise('major', 1);
    july.raise('minor', 2);
    const [major, minor] = followUpView(july.store.db, TYPING, Date.parse('2026-08-01T10:00:00Z')).items;
    // The profile's 60 days come first for the major; the minor has no normative limit.
    expect(major!.deadlines).toEqual({ response: '2026-08-30', verification: '2026-09-29', verificationBy: 'profile' });
    expect(minor!.deadlines).toEqual({ response: '2026-08-30', verification: '2026-10-29', verificationBy: 'profile' });

    const leap = engagement({ audit_type: 'stage2', start_date: '2027-08-30', end_date: '2027-08-31', time_zone: 'Europe/Berlin' });
    // A profile that gives majors a year: the normative 6 months after the last day of stage 2 apply.
    leap.store.db.prepare("UPDATE cb_profile SET content = json_replace(content, '$.grades[0].verificationDays', 365)").run();
    leap.raise('major', 1);
    expect(followUpView(leap.store.db, TYPING, Date.parse('2027-09-01T10:00:00Z')).items[0]!.deadlines).toMatchObject({ verification: '2028-02-29', verificationBy: 'stage2-six-months' });
  });

  it('30 January + 30 days is 1 March (a common year); the response is not late on 1 March in Berlin, late from local midnight', () => {
    const { store, raise } = engagement({ audit_type: 'surveillance1', start_date: '2027-01-29', end_date: '2027-01-30', time_zone: 'Europe/Berlin' });
    raise('minor', 1);
    const at = (instant: string) => followUpView(store.db, TYPING, Date.parse(instant)).items[0]!;
    expect(at('2027-03-01T10:00:00Z').deadlines.response).toBe('2027-03-01');
    // 22:59 UTC on 1 March is 23:59 in Berlin (UTC+1): still the 1st. 23:00 UTC is midnight: the 2nd.
    expect(at('2027-03-01T22:59:00Z').overdue.response).toBe(false);
    expect(at('2027-03-01T23:00:00Z').overdue.response).toBe(true);
  });

  it('across the daylight-saving change in Europe/Berlin (28 March 2027): the due date stays a day, today switches at local midnight', () => {
    const { store, member, raise } = engagement({ audit_type: 'surveillance2', start_date: '2027-02-24', end_date: '2027-02-26', time_zone: 'Europe/Berlin' });
    const finding = raise('minor', 1);
    const at = (instant: string) => followUpView(store.db, TYPING, Date.parse(instant));
    // 26 Feb + 30 days = 28 March (the day clocks go forward at 02:00 local).
    expect(at('2027-03-28T12:00:00Z').items[0]!.deadlines.response).toBe('2027-03-28');
    // 21:59 UTC on the 28th is 23:59 CEST (UTC+2): still the 28th, not late.
    expect(at('2027-03-28T21:59:00Z')).toMatchObject({ today: '2027-03-28', items: [{ overdue: { response: false } }] });
    // 22:00 UTC is midnight CEST: the 29th, late. (Before the change, 22:00 UTC would still be 23:00 local.)
    expect(at('2027-03-28T22:00:00Z')).toMatchObject({ today: '2027-03-29', items: [{ overdue: { response: true } }] });
    // The response clears the flag; the client's own planned date then counts while the plan is accepted.
    moveCorrectiveAction(store, member, { findingId: finding, to: 'acknowledged' });
    moveCorrectiveAction(store, member, {
      findingId: finding,
      to: 'response_received',
      fields: { correction: 'Fixed.', root_cause: 'No owner.', action: 'Owner named.', owner: 'P. Shah', action_due: '2027-04-15', response_on: '2027-03-20' },
    });
    moveCorrectiveAction(store, member, { findingId: finding, to: 'accepted' });
    expect(at('2027-04-15T12:00:00Z').items[0]!.overdue).toEqual({ response: false, action: false, verification: false });
    expect(at('2027-04-16T12:00:00Z').items[0]!.overdue).toEqual({ response: false, action: true, verification: false });
    // 26 Feb + 90 days = 27 May: verification late from the 28th until verified effective or closed.
    expect(at('2027-05-28T12:00:00Z').items[0]!.overdue.verification).toBe(true);
  });

  it('a recertification major is verified before the certificate expires', () => {
    const { store, raise } = engagement({ audit_type: 'recertification', start_date: '2027-05-10', end_date: '2027-05-12', time_zone: 'Asia/Shanghai', certificate_expires_on: '2027-06-30' });
    raise('major', 1);
    expect(followUpView(store.db, TYPING, Date.parse('2027-05-13T00:00:00Z')).items[0]!.deadlines).toEqual({ response: '2027-06-11', verification: '2027-06-29', verificationBy: 'before-expiry' });
  });

  it('keeps a nonconformity whose grade the profile no longer defines once its corrective action has begun (flagged), and only then', () => {
    const { store, member, raise } = engagement({ audit_type: 'surveillance1', start_date: '2027-01-11', end_date: '2027-01-12', time_zone: 'Europe/Berlin' });
    const started = raise('ncmin-2019', 1);
    raise('ncmin-2019', 2);
    raise('observation', 3);
    store.createRow('corrective_action', { engagement_id: store.engagementId, finding_id: started, state: 'accepted', action: 'Owner named.', action_due: '2027-02-01' });
    const items = followUpView(store.db, TYPING, Date.parse('2027-01-20T10:00:00Z')).items;
    expect(items.map((item) => [item.label, item.gradeName, item.state])).toEqual([['NC-1', null, 'accepted']]);
    expect(moveCorrectiveAction(store, member, { findingId: started, to: 'implemented', fields: { implemented_on: '2027-01-30' } }).state).toBe('implemented');
  });
});
