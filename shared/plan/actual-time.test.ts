import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { SESSION_MODES, SESSION_OUTCOMES, type SessionOutcome } from '../fieldwork/fieldwork-kinds.ts';
import { actualTime, splitTotal, type ActualTimeInput } from './actual-time.ts';
import { checkPlan } from './plan-checks.ts';
import { PLAN_SESSION_KINDS } from './plan-kinds.ts';
import type { OutcomeFacts, PlannedSession } from './session-outcomes.ts';

const TEAM: ActualTimeInput['team'] = [
  { id: 'lead', role: 'lead' },
  { id: 'aud', role: 'auditor' },
  { id: 'te', role: 'technical_expert' },
  { id: 'obs', role: 'observer' },
];
const session = (id: string, day: string, start: string, end: string, extra: Partial<PlannedSession> = {}): PlannedSession => ({ id, day, start, end, kind: 'audit', remote: false, ...extra });
const outcome = (sessionId: string, status: SessionOutcome, extra: Partial<OutcomeFacts> = {}): OutcomeFacts => ({
  sessionId,
  status,
  actualDay: null,
  actualStart: null,
  actualEnd: null,
  mode: 'as_planned',
  reason: '',
  remoteEffectiveness: 'not_assessed',
  ...extra,
});

const SESSIONS = [
  session('open', '2026-12-07', '09:00', '09:30', { kind: 'opening' }),
  session('ctx', '2026-12-07', '09:30', '12:30'),
  session('lunch', '2026-12-07', '12:30', '13:15', { kind: 'break' }),
  session('docs', '2026-12-07', '13:15', '17:00', { remote: true }),
  session('change', '2026-12-08', '09:00', '12:30'),
  session('close', '2026-12-08', '15:30', '16:30', { kind: 'closing' }),
];
const MEMBERS = [
  ...['open', 'ctx', 'lunch', 'change', 'close'].map((sessionId) => ({ sessionId, memberId: 'lead' })),
  ...['open', 'docs', 'close'].map((sessionId) => ({ sessionId, memberId: 'aud' })),
  { sessionId: 'change', memberId: 'te' },
  // The same link twice (two copies merged): counted once.
  { sessionId: 'change', memberId: 'te' },
];
const input = (outcomes: OutcomeFacts[], extra: Partial<ActualTimeInput> = {}): ActualTimeInput => ({
  timeZone: 'Europe/London',
  sessions: SESSIONS,
  members: MEMBERS,
  team: TEAM,
  outcomes,
  allocation: { onSite: 1.5, remote: 0.5 },
  ...extra,
});
const row = (result: ReturnType<typeof actualTime>, memberId: string, day: string) => result.members.find((item) => item.memberId === memberId && item.day === day);

describe('planned against actual auditor time', () => {
  it('counts the plan per member and day, on-site and remote, breaks left out, meetings in', () => {
    const result = actualTime(input([]));
    expect(row(result, 'lead', '2026-12-07')).toMatchObject({ planned: { onSite: 30 + 180, remote: 0, offSite: 0 }, actual: { onSite: 0, remote: 0, offSite: 0 }, plannedSpan: { start: '09:00', end: '12:30' }, actualSpan: null, counted: true });
    expect(row(result, 'aud', '2026-12-07')).toMatchObject({ planned: { onSite: 30, remote: 225 }, plannedSpan: { start: '09:00', end: '17:00' } });
    expect(row(result, 'te', '2026-12-08')).toMatchObject({ planned: { onSite: 210 }, counted: false });
    // Nothing recorded yet: no actual time, every working session listed (the break is not one).
    expect(result.notRecorded).toEqual(['open', 'ctx', 'docs', 'change', 'close']);
    expect(row(result, 'lead', '2026-12-07')!.pending).toBe(2);
    expect(result.days.map((day) => day.pending)).toEqual([3, 2]);
    expect(result.totals.planned).toEqual({ onSite: 30 + 180 + 30 + 210 + 60 + 60, remote: 225, offSite: 0 });
    expect(result.allocation).toEqual({ onSite: 720, remote: 240 });
    expect(result.days.map((day) => [day.day, day.plannedSpan])).toEqual([
      ['2026-12-07', { start: '09:00', end: '17:00' }],
      ['2026-12-08', { start: '09:00', end: '16:30' }],
    ]);
  });

  it('takes actual times from the outcomes: moved, shortened, extended, cancelled, added, off-site', () => {
    const added = session('trail', '2026-12-08', '13:30', '15:00');
    const result = actualTime(
      input(
        [
          outcome('open', 'held'),
          outcome('ctx', 'shortened', { actualDay: '2026-12-07', actualStart: '09:40', actualEnd: '12:10', reason: 'Started late' }),
          outcome('docs', 'moved', { actualDay: '2026-12-08', actualStart: '08:00', actualEnd: '09:00', mode: 'off_site', reason: 'Reviewed at the hotel' }),
          outcome('change', 'cancelled', { reason: 'Change manager ill' }),
          outcome('close', 'extended', { actualStart: '15:30', actualEnd: '17:00', reason: 'Findings discussed' }),
          outcome('trail', 'added', { mode: 'on_site' }),
        ],
        { sessions: [...SESSIONS, added], members: [...MEMBERS, { sessionId: 'trail', memberId: 'lead' }] },
      ),
    );
    expect(row(result, 'lead', '2026-12-07')).toMatchObject({ actual: { onSite: 30 + 150, remote: 0, offSite: 0 }, actualSpan: { start: '09:00', end: '12:10' } });
    expect(row(result, 'aud', '2026-12-08')).toMatchObject({ planned: { onSite: 60 }, actual: { onSite: 90, offSite: 60 }, actualSpan: { start: '08:00', end: '17:00' } });
    // Cancelled: nothing; added: actual only.
    expect(row(result, 'lead', '2026-12-08')).toMatchObject({ planned: { onSite: 210 + 60 }, actual: { onSite: 90 + 90 } });
    expect(row(result, 'te', '2026-12-08')).toMatchObject({ planned: { onSite: 210 }, actual: { onSite: 0 } });
    expect(result.notRecorded).toEqual([]);
    expect(result.members.every((item) => item.pending === 0)).toBe(true);
    expect(result.totals.actual).toEqual({ onSite: 30 + 150 + 30 + 90 + 90 + 90, remote: 0, offSite: 60 });
  });

  it('counts real elapsed time across a change of the clocks', () => {
    const night = [session('n', '2026-03-29', '00:30', '03:30')];
    const result = actualTime(input([outcome('n', 'held')], { sessions: night, members: [{ sessionId: 'n', memberId: 'lead' }] }));
    // 01:00 does not exist in London that night: three hours on the clock are two hours of work.
    expect(result.totals.planned.onSite).toBe(120);
    expect(result.totals.actual.onSite).toBe(120);
  });
});

// ——— Properties ———

const DAYS = ['2026-12-07', '2026-12-08', '2026-12-09'];
const time = fc.integer({ min: 6 * 4, max: 20 * 4 }).map((quarter) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`);
const arbSession = fc.record({
  day: fc.constantFrom(...DAYS),
  start: time,
  length: fc.integer({ min: 1, max: 16 }),
  kind: fc.constantFrom(...PLAN_SESSION_KINDS),
  remote: fc.boolean(),
  members: fc.subarray(TEAM.map((member) => member.id)),
});
const arbOutcome = fc.record({
  status: fc.constantFrom(...SESSION_OUTCOMES),
  mode: fc.constantFrom(...SESSION_MODES),
  day: fc.option(fc.constantFrom(...DAYS), { nil: null }),
  start: fc.option(time, { nil: null }),
  minutes: fc.integer({ min: 0, max: 300 }),
});
const arbPlan = fc.array(fc.record({ session: arbSession, outcome: arbOutcome }), { minLength: 1, maxLength: 14 }).map((items) => {
  const sessions: PlannedSession[] = [];
  const members: ActualTimeInput['members'][number][] = [];
  const outcomes: OutcomeFacts[] = [];
  items.forEach(({ session: plan, outcome: ran }, index) => {
    const id = `s${index}`;
    const startMinutes = Number(plan.start.slice(0, 2)) * 60 + Number(plan.start.slice(3));
    const end = startMinutes + plan.length * 15;
    sessions.push({ id, day: plan.day, start: plan.start, end: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`, kind: plan.kind, remote: plan.remote });
    for (const memberId of plan.members) members.push({ sessionId: id, memberId });
    const actualStart = ran.start;
    const actualEndMinutes = actualStart ? Math.min(Number(actualStart.slice(0, 2)) * 60 + Number(actualStart.slice(3)) + ran.minutes, 23 * 60 + 59) : null;
    outcomes.push({
      sessionId: id,
      status: ran.status,
      actualDay: ran.day,
      actualStart,
      actualEnd: actualEndMinutes === null ? null : `${String(Math.floor(actualEndMinutes / 60)).padStart(2, '0')}:${String(actualEndMinutes % 60).padStart(2, '0')}`,
      mode: ran.mode,
      reason: '',
      remoteEffectiveness: 'not_assessed',
    });
  });
  return { sessions, members, outcomes };
});
const base = (plan: { sessions: PlannedSession[]; members: ActualTimeInput['members'][number][]; outcomes: OutcomeFacts[] }): ActualTimeInput => ({ timeZone: 'Asia/Shanghai', team: TEAM, allocation: { onSite: null, remote: null }, ...plan });

describe('planned against actual time: properties', () => {
  it('never counts a cancelled session: the actual time is the same with the cancelled sessions left out', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const all = actualTime(base(plan));
        const cancelled = new Set(plan.outcomes.filter((item) => item.status === 'cancelled').map((item) => item.sessionId));
        const without = actualTime(
          base({ sessions: plan.sessions.filter((item) => !cancelled.has(item.id)), members: plan.members.filter((link) => !cancelled.has(link.sessionId)), outcomes: plan.outcomes.filter((item) => !cancelled.has(item.sessionId)) }),
        );
        expect(all.totals.actual).toEqual(without.totals.actual);
        const actualOf = (result: typeof all) => result.members.filter((item) => splitTotal(item.actual) > 0).map((item) => [item.memberId, item.day, item.actual, item.actualSpan]);
        expect(actualOf(all)).toEqual(actualOf(without));
      }),
      propertyRuns('actual time never counts a cancelled session'),
    );
  });

  it('held as planned is the plan: actual equals planned, member by member and day by day, and the plan’s own count', () => {
    fc.assert(
      fc.property(arbPlan, fc.boolean(), (plan, withTimes) => {
        // Every session held as planned: with the plan's times written (the H key), or with none (the default).
        const outcomes = plan.sessions.map((item) =>
          withTimes ? { ...plan.outcomes[0]!, sessionId: item.id, status: 'held' as const, mode: 'as_planned' as const, actualDay: item.day, actualStart: item.start, actualEnd: item.end } : { ...plan.outcomes[0]!, sessionId: item.id, status: 'held' as const, mode: 'as_planned' as const, actualDay: null, actualStart: null, actualEnd: null },
        );
        const result = actualTime(base({ ...plan, outcomes }));
        for (const item of result.members) {
          expect(item.actual).toEqual(item.planned);
          expect(item.actualSpan).toEqual(item.plannedSpan);
        }
        expect(result.totals.actual).toEqual(result.totals.planned);
        expect(result.notRecorded).toEqual([]);
        // The same count as the plan's checks (lead and auditors, breaks out).
        const check = checkPlan({
          auditType: 'stage2',
          startDate: DAYS[0]!,
          endDate: DAYS[2]!,
          timeZone: 'Asia/Shanghai',
          sessions: plan.sessions.map((item) => ({ ...item, siteId: null, remoteTool: '', identityCheck: '' })),
          team: TEAM.map((member) => ({ ...member, name: member.id })),
          members: plan.members,
          auditees: [],
          topics: [],
          sampledSites: [],
          pack: null,
          surveillanceClauses: [],
          allocation: { onSite: null, remote: null },
        });
        expect(result.totals.planned).toEqual({ onSite: check.planned.onSite, remote: check.planned.remote, offSite: 0 });
      }),
      propertyRuns('held as planned equals planned'),
    );
  });

  it('the totals are the sum of the counted members’ days, and no figure is negative', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const result = actualTime(base(plan));
        const counted = result.members.filter((item) => item.counted);
        expect(splitTotal(result.totals.actual)).toBe(counted.reduce((sum, item) => sum + splitTotal(item.actual), 0));
        expect(result.days.reduce((sum, day) => sum + splitTotal(day.planned), 0)).toBe(splitTotal(result.totals.planned));
        for (const item of result.members) for (const value of [...Object.values(item.planned), ...Object.values(item.actual)]) expect(value).toBeGreaterThanOrEqual(0);
      }),
      propertyRuns('actual time totals add up'),
    );
  });
});
