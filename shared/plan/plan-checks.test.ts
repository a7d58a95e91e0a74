import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanCheckInput } from './plan-checks.ts';
import { checkPlan, MINUTES_PER_AUDITOR_DAY } from './plan-checks.ts';
import { allUnits, requiredUnits, surveillanceSelection, type PackOutline } from './plan-coverage.ts';

const PACK: PackOutline = {
  processes: [
    { key: 'change', clause: '8.5.1' },
    { key: 'incident', clause: '8.6.1' },
  ],
  clauses: ['4', '4.1', '4.2', '8', '8.1', '8.5', '8.5.1', '8.6', '8.6.1', '9', '9.1', '9.2', '10', '10.1'],
};

type Session = PlanCheckInput['sessions'][number];
const session = (id: string, day: string, start: string, end: string, extra: Partial<Session> = {}): Session => ({
  id, day, start, end, kind: 'audit', siteId: 'hq', remote: false, remoteTool: '', identityCheck: '', ...extra,
});

function plan(overrides: Partial<PlanCheckInput> = {}): PlanCheckInput {
  return {
    auditType: 'stage2',
    startDate: '2026-12-07',
    endDate: '2026-12-08',
    timeZone: 'Europe/London',
    sessions: [
      session('open', '2026-12-07', '09:00', '09:30', { kind: 'opening' }),
      session('a', '2026-12-07', '09:30', '12:30'),
      session('b', '2026-12-07', '13:30', '17:00'),
      session('close', '2026-12-08', '16:00', '16:30', { kind: 'closing' }),
    ],
    team: [
      { id: 'lead', name: 'Helen Marsh', role: 'lead' },
      { id: 'aud', name: 'Rajesh Iyer', role: 'auditor' },
      { id: 'obs', name: 'Aoife Byrne', role: 'observer' },
      { id: 'te', name: 'Tomasz Nowak', role: 'technical_expert' },
    ],
    members: ['open', 'a', 'b', 'close'].flatMap((sessionId) => [{ sessionId, memberId: 'lead' }]),
    auditees: [],
    topics: [
      { sessionId: 'a', kind: 'clause', topic: '4' },
      { sessionId: 'a', kind: 'clause', topic: '8.1' },
      { sessionId: 'b', kind: 'process', topic: 'change' },
      { sessionId: 'b', kind: 'process', topic: 'incident' },
      { sessionId: 'b', kind: 'clause', topic: '9' },
      { sessionId: 'b', kind: 'clause', topic: '10.1' },
    ],
    sampledSites: [{ id: 'hq', name: 'Head office' }],
    pack: PACK,
    surveillanceClauses: [],
    allocation: { onSite: null, remote: null },
    ...overrides,
  };
}

const codes = (input: PlanCheckInput) => checkPlan(input).issues.map((issue) => issue.code);

describe('the plan checks', () => {
  it('find nothing wrong in a complete plan', () => {
    expect(checkPlan(plan()).issues).toEqual([]);
    expect(checkPlan(plan()).coverage.missing).toEqual([]);
  });

  it('find an auditor in two sessions at once, but not in back-to-back sessions', () => {
    const input = plan({ sessions: [...plan().sessions, session('c', '2026-12-07', '11:00', '12:00', { siteId: null })], members: [...plan().members, { sessionId: 'c', memberId: 'lead' }] });
    const issue = checkPlan(input).issues.find((found) => found.code === 'MEMBER_DOUBLE_BOOKED')!;
    expect(issue).toMatchObject({ severity: 'error', params: { name: 'Helen Marsh', day: '2026-12-07' } });
    expect([...issue.sessionIds].sort()).toEqual(['a', 'c']);
    expect(codes(plan())).not.toContain('MEMBER_DOUBLE_BOOKED'); // a ends 12:30, b starts 13:30; open ends when a starts
  });

  it('find an auditee asked to be in two places at once, whatever the spacing and case of the name', () => {
    const input = plan({
      sessions: [...plan().sessions, session('c', '2026-12-07', '10:00', '11:00')],
      members: [...plan().members, { sessionId: 'c', memberId: 'aud' }],
      auditees: [{ sessionId: 'a', name: 'Priya  Shah' }, { sessionId: 'c', name: 'priya shah' }],
    });
    expect(codes(input)).toContain('AUDITEE_DOUBLE_BOOKED');
  });

  it('find sessions outside the audit dates, ending before they start, or in the hour skipped by daylight saving', () => {
    const input = plan({
      startDate: '2027-03-26',
      endDate: '2027-03-29',
      sessions: [
        session('open', '2027-03-26', '09:00', '09:30', { kind: 'opening' }),
        session('early', '2027-03-25', '09:00', '10:00'),
        session('backwards', '2027-03-26', '15:00', '14:00'),
        session('skipped', '2027-03-28', '01:30', '03:00'),
        session('close', '2027-03-29', '16:00', '16:30', { kind: 'closing' }),
      ],
      members: ['open', 'early', 'backwards', 'skipped', 'close'].map((sessionId) => ({ sessionId, memberId: 'lead' })),
    });
    const issues = checkPlan(input).issues;
    expect(issues.find((issue) => issue.code === 'SESSION_OUTSIDE_DATES')?.sessionIds).toEqual(['early']);
    expect(issues.find((issue) => issue.code === 'SESSION_ENDS_BEFORE_START')?.sessionIds).toEqual(['backwards']);
    expect(issues.find((issue) => issue.code === 'SESSION_TIME_SKIPPED')).toMatchObject({ sessionIds: ['skipped'], params: { time: '01:30' } });
  });

  it('find a technical expert or observer alone, a session with nobody, and a remote session without its means (IAF MD 4)', () => {
    const input = plan({
      sessions: [...plan().sessions, session('te', '2026-12-08', '09:00', '10:00'), session('empty', '2026-12-08', '10:00', '11:00'), session('remote', '2026-12-08', '11:00', '12:00', { remote: true, remoteTool: 'Teams' })],
      members: [...plan().members, { sessionId: 'te', memberId: 'te' }, { sessionId: 'te', memberId: 'obs' }, { sessionId: 'remote', memberId: 'aud' }],
    });
    const issues = checkPlan(input).issues;
    expect(issues.find((issue) => issue.code === 'ACCOMPANYING_ALONE')).toMatchObject({ sessionIds: ['te'], params: { names: ['Tomasz Nowak', 'Aoife Byrne'] } });
    expect(issues.find((issue) => issue.code === 'NO_AUDITOR')?.sessionIds).toEqual(['empty']);
    expect(issues.find((issue) => issue.code === 'REMOTE_WITHOUT_MEANS')?.sessionIds).toEqual(['remote']);
  });

  it('find what the audit does not cover: the whole standard at stage 2, the selection at surveillance, nothing at stage 1', () => {
    const gap = plan({ topics: plan().topics.filter((topic) => topic.topic !== 'incident' && topic.topic !== '9') });
    expect(checkPlan(gap).coverage.missing.map((unit) => unit.key)).toEqual(['incident', '9.1', '9.2']);
    expect(checkPlan(gap).issues.find((issue) => issue.code === 'NOT_COVERED')?.params).toEqual({ units: ['incident', '9.1', '9.2'], count: 3 });
    const surveillance = { ...gap, auditType: 'surveillance1' as const, surveillanceClauses: ['4.1', '8.5.1', '9.2'] };
    expect(checkPlan(surveillance).coverage.missing.map((unit) => unit.key)).toEqual(['9.2']);
    expect(checkPlan({ ...gap, auditType: 'stage1' }).coverage.required).toEqual([]);
    // A session on a whole clause covers its subclauses; a process covers its clause's branch.
    expect(requiredUnits('surveillance1', PACK, ['8.5.1']).map((unit) => unit.key)).toEqual(['change']);
    expect(allUnits(PACK).map((unit) => unit.key)).toEqual(['4.1', '4.2', '8.1', 'change', 'incident', '9.1', '9.2', '10.1']);
  });

  it('find a sampled site nobody visits, and the missing opening or closing meeting', () => {
    const input = plan({ sampledSites: [{ id: 'hq', name: 'Head office' }, { id: 'dc', name: 'Data centre' }], sessions: plan().sessions.filter((s) => s.kind !== 'closing') });
    expect(checkPlan(input).issues.filter((issue) => ['SITE_NOT_VISITED', 'NO_CLOSING_MEETING'].includes(issue.code)).map((issue) => [issue.code, issue.params])).toEqual([
      ['NO_CLOSING_MEETING', {}],
      ['SITE_NOT_VISITED', { site: 'Data centre' }],
    ]);
  });

  it('count the planned time of lead and auditors only, on-site and remote apart, against the allocation', () => {
    // Lead: 30 + 180 + 210 + 30 minutes = 450; the observer's time does not count.
    const input = plan({ members: [...plan().members, { sessionId: 'a', memberId: 'obs' }] });
    expect(checkPlan(input).planned).toEqual({ onSite: 450, remote: 0 });
    const tooMuch = checkPlan({ ...input, allocation: { onSite: 0.5, remote: null } }).issues.find((issue) => issue.code === 'TIME_ABOVE_ALLOCATION');
    expect(tooMuch?.params).toEqual({ part: 'onSite', plannedMinutes: 450, allocatedMinutes: 240 });
    expect(codes({ ...input, allocation: { onSite: 1, remote: 0.5 } })).toEqual(['TIME_BELOW_ALLOCATION', 'TIME_BELOW_ALLOCATION']);
    expect(codes({ ...input, allocation: { onSite: 450 / MINUTES_PER_AUDITOR_DAY, remote: 0 } })).toEqual([]);
    // The same member linked twice (two copies merged) counts once.
    expect(checkPlan({ ...input, members: [...input.members, { sessionId: 'a', memberId: 'lead' }] }).planned).toEqual({ onSite: 450, remote: 0 });
  });

  it('never report a session twice for one pair, and stay the same whatever the order of the sessions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 8, max: 16 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 12 }), (slots) => {
        const sessions = slots.map(([hour, length], index) => session(`s${index}`, '2026-12-07', `${String(hour).padStart(2, '0')}:00`, `${String(hour + length).padStart(2, '0')}:00`));
        const members = sessions.map((s) => ({ sessionId: s.id, memberId: 'lead' }));
        const forward = checkPlan(plan({ sessions, members })).issues.filter((issue) => issue.code === 'MEMBER_DOUBLE_BOOKED');
        const backward = checkPlan(plan({ sessions: [...sessions].reverse(), members })).issues.filter((issue) => issue.code === 'MEMBER_DOUBLE_BOOKED');
        const pairs = (list: typeof forward) => list.map((issue) => [...issue.sessionIds].sort().join('+')).sort();
        expect(pairs(forward)).toEqual(pairs(backward));
        expect(new Set(pairs(forward)).size).toBe(forward.length);
      }),
    );
  });

  it('take the lead’s surveillance selection when there is one, else the pack’s', () => {
    expect(surveillanceSelection('', ['4.1', '9.2'])).toEqual(['4.1', '9.2']);
    expect(surveillanceSelection('8.5.1; 9.2；9.2', ['4.1'])).toEqual(['8.5.1', '9.2']);
  });
});
