import { describe, expect, it } from 'vitest';
import type { PlanSession } from './plan-types.ts';
import { movedSession, newSessionValues } from './session-actions.ts';

const session = (day: string, start: string, end: string) => ({ id: 's', day, start_time: start, end_time: end }) as PlanSession;

describe('moving and adding sessions', () => {
  it('moves a session by days and by minutes, keeping its length, across a month end', () => {
    expect(movedSession(session('2026-12-31', '09:00', '10:30'), 1, 0)).toEqual({ day: '2027-01-01', start_time: '09:00', end_time: '10:30' });
    expect(movedSession(session('2026-12-07', '09:00', '10:30'), 0, -15)).toEqual({ day: '2026-12-07', start_time: '08:45', end_time: '10:15' });
    expect(movedSession(session('2026-12-07', '09:00', '10:30'), -1, 15)).toEqual({ day: '2026-12-06', start_time: '09:15', end_time: '10:45' });
  });

  it('refuses a move that would leave the day', () => {
    expect(movedSession(session('2026-12-07', '00:10', '01:00'), 0, -15)).toBeNull();
    expect(movedSession(session('2026-12-07', '23:00', '23:50'), 0, 15)).toBeNull();
  });

  it('puts a new session after the day’s last one, the first of a plan being the opening meeting', () => {
    const empty = { sessions: [], topics: [], services: [], members: [], auditees: [] };
    expect(newSessionValues(empty, '2026-12-07', []).values).toMatchObject({ kind: 'opening', start_time: '09:00', end_time: '09:30' });
    const one = { ...empty, sessions: [session('2026-12-07', '09:00', '12:15')] };
    expect(newSessionValues(one, '2026-12-07', []).values).toMatchObject({ kind: 'audit', start_time: '12:15', end_time: '13:15' });
  });
});
