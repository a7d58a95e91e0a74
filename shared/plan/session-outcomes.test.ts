import { describe, expect, it } from 'vitest';
import { cancelledGaps } from './cancelled-coverage.ts';
import type { PackOutline } from './plan-coverage.ts';
import { inferredStatus, outcomeIssues, outcomeValuesFor, ranAs, type OutcomeFacts, type PlannedSession } from './session-outcomes.ts';

const session: PlannedSession = { id: 's', day: '2026-12-07', start: '09:30', end: '12:30', kind: 'audit', remote: false };
const remote: PlannedSession = { ...session, id: 'r', remote: true };
const outcome = (extra: Partial<OutcomeFacts>): OutcomeFacts => ({
  sessionId: 's',
  status: 'held',
  actualDay: null,
  actualStart: null,
  actualEnd: null,
  mode: 'as_planned',
  reason: '',
  remoteEffectiveness: 'not_assessed',
  ...extra,
});

describe('a session as it ran', () => {
  it('is the plan when held without times, nothing when cancelled or not recorded, where the mode says', () => {
    expect(ranAs(session, outcome({}))).toEqual({ day: '2026-12-07', start: '09:30', end: '12:30', place: 'onSite' });
    expect(ranAs(remote, outcome({}))?.place).toBe('remote');
    expect(ranAs(remote, outcome({ mode: 'on_site' }))?.place).toBe('onSite');
    expect(ranAs(session, outcome({ mode: 'off_site', actualStart: '10:00' }))).toMatchObject({ start: '10:00', end: '12:30', place: 'offSite' });
    expect(ranAs(session, outcome({ status: 'cancelled' }))).toBeNull();
    expect(ranAs(session, outcome({ status: 'planned' }))).toBeNull();
    expect(ranAs(session, undefined)).toBeNull();
  });

  it('asks for the reason of every deviation and checks the times against the status', () => {
    expect(outcomeIssues(session, outcome({}))).toEqual([]);
    expect(outcomeIssues(session, outcome({ status: 'cancelled' }))).toEqual(['REASON_MISSING']);
    expect(outcomeIssues(session, outcome({ status: 'cancelled', reason: 'Auditee ill' }))).toEqual([]);
    expect(outcomeIssues(session, outcome({ status: 'shortened', reason: 'x', actualEnd: '13:00' }))).toEqual(['NOT_SHORTER']);
    expect(outcomeIssues(session, outcome({ status: 'extended', reason: 'x', actualEnd: '12:00' }))).toEqual(['NOT_LONGER']);
    expect(outcomeIssues(session, outcome({ status: 'moved', reason: 'x' }))).toEqual(['NOT_MOVED']);
    expect(outcomeIssues(session, outcome({ status: 'moved', reason: 'x', actualDay: '2026-12-08' }))).toEqual([]);
    expect(outcomeIssues(session, outcome({ status: 'held', actualStart: '10:00' }))).toEqual(['HELD_AT_OTHER_TIMES']);
    expect(outcomeIssues(session, outcome({ actualStart: '12:30', actualEnd: '09:30' }))).toContain('ENDS_BEFORE_START');
    expect(outcomeIssues(session, outcome({ status: 'moved', actualStart: '9:3' }))).toEqual(['REASON_MISSING', 'TIMES_INVALID']);
    // A remote session's effectiveness (IAF MD 4), also when it went remote on the day.
    expect(outcomeIssues(remote, outcome({}))).toEqual(['REMOTE_NOT_ASSESSED']);
    expect(outcomeIssues(session, outcome({ mode: 'remote' }))).toEqual(['REMOTE_NOT_ASSESSED']);
    expect(outcomeIssues(remote, outcome({ remoteEffectiveness: 'partly_effective' }))).toEqual([]);
    expect(outcomeIssues(remote, outcome({ status: 'cancelled', reason: 'x' }))).toEqual([]);
  });

  it('starts a status from the plan’s times, keeps recorded ones for a deviation, clears them when cancelled', () => {
    expect(outcomeValuesFor('held', session, outcome({ actualStart: '10:00' }))).toEqual({ status: 'held', actual_day: '2026-12-07', actual_start: '09:30', actual_end: '12:30' });
    expect(outcomeValuesFor('shortened', session, outcome({ actualStart: '10:00' }))).toEqual({ status: 'shortened', actual_day: '2026-12-07', actual_start: '10:00', actual_end: '12:30' });
    expect(outcomeValuesFor('cancelled', session, outcome({ actualStart: '10:00' }))).toEqual({ status: 'cancelled', actual_day: null, actual_start: null, actual_end: null });
  });

  it('reads the status from actual times typed fast', () => {
    expect(inferredStatus(session, '2026-12-07', '09:30', '12:30')).toBe('held');
    expect(inferredStatus(session, '2026-12-07', '09:45', '12:30')).toBe('shortened');
    expect(inferredStatus(session, '2026-12-08', '09:30', '13:00')).toBe('extended');
    expect(inferredStatus(session, '2026-12-08', '09:30', '12:30')).toBe('moved');
    expect(inferredStatus(session, '2026-12-07', '10:00', '13:00')).toBe('moved');
    expect(inferredStatus(session, '2026-12-07', '13:00', '12:00')).toBeNull();
    expect(inferredStatus(session, '2026-12-07', '13', '14:00')).toBeNull();
  });
});

const PACK: PackOutline = {
  processes: [
    { key: 'change', clause: '8.5.1' },
    { key: 'incident', clause: '8.6.1' },
  ],
  clauses: ['4', '4.1', '8', '8.1', '8.5', '8.5.1', '8.6', '8.6.1', '9', '9.2', '10', '10.1'],
};

describe('what a cancelled session leaves uncovered', () => {
  const sessions = [
    { id: 'a', kind: 'audit' as const },
    { id: 'b', kind: 'audit' as const },
    { id: 'lunch', kind: 'break' as const },
  ];
  const topics = [
    { sessionId: 'a', kind: 'process' as const, topic: 'change' },
    { sessionId: 'a', kind: 'clause' as const, topic: '9' },
    { sessionId: 'b', kind: 'clause' as const, topic: '9.2' },
    { sessionId: 'b', kind: 'process' as const, topic: 'incident' },
    // A break's topic covers nothing.
    { sessionId: 'lunch', kind: 'process' as const, topic: 'change' },
  ];
  const base = { auditType: 'stage2' as const, pack: PACK, surveillanceClauses: [], sessions, topics };

  it('flags the required units only the cancelled session covered', () => {
    expect(cancelledGaps({ ...base, cancelled: new Set(['a']) })).toEqual([{ sessionId: 'a', units: [{ kind: 'process', key: 'change', clause: '8.5.1' }] }]);
    expect(cancelledGaps({ ...base, cancelled: new Set(['a', 'b']) }).map((gap) => gap.units.map((unit) => unit.key))).toEqual([['change', '9.2'], ['incident', '9.2']]);
    expect(cancelledGaps({ ...base, cancelled: new Set() })).toEqual([]);
  });

  it('uses the session’s own topics when the audit type requires nothing (stage 1), and works without a pack', () => {
    expect(cancelledGaps({ ...base, auditType: 'stage1', cancelled: new Set(['b']) })).toEqual([{ sessionId: 'b', units: [{ kind: 'process', key: 'incident', clause: '8.6.1' }] }]);
    expect(cancelledGaps({ ...base, pack: null, cancelled: new Set(['a']) }).map((gap) => gap.units.map((unit) => unit.key))).toEqual([['change', '9']]);
  });
});
