import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CA_MOVES, checkMove, moveEffects, nextMoves, requiredFields, stateAfter, undoTarget, type CaFields, type MoveContext } from './corrective-action.ts';
import { CA_STATES, type CaState } from './finding-kinds.ts';

const RESPONSE: CaFields = {
  correction: 'The two changes were reviewed by the CAB on 12 December.',
  root_cause: 'The emergency change procedure did not say who authorizes out of hours.',
  action: 'Procedure CHG-02 revised; on-call managers trained.',
  owner: 'Priya Shah, Service Manager',
  action_due: '2027-01-31',
  response_on: '2026-12-20',
};
const VERIFIED_OK: CaFields = { ...RESPONSE, implemented_on: '2027-01-20', verification_method: 'document_review', verification_evidence: 'CHG-02 v3, training record', verified_on: '2027-02-02', verifier_id: 'member-1', effectiveness: 'effective' };
const base = (from: CaState, to: CaState, fields: CaFields = {}, reason = ''): MoveContext => ({ from, to, fields, reason, major: false, closeOnPlan: true, auditStart: '2026-12-07' });

describe('the corrective action lifecycle', () => {
  it('walks a nonconformity from raised to closed, each move with what it needs', () => {
    const path: [CaState, CaState, CaFields, string][] = [
      ['raised', 'acknowledged', {}, ''],
      ['acknowledged', 'response_received', RESPONSE, ''],
      ['response_received', 'accepted', RESPONSE, ''],
      ['accepted', 'implemented', { ...RESPONSE, implemented_on: '2027-01-20' }, ''],
      ['implemented', 'verified', VERIFIED_OK, ''],
      ['verified', 'closed', { ...VERIFIED_OK, closed_on: '2027-02-02' }, ''],
    ];
    for (const [from, to, fields, reason] of path) expect(checkMove(base(from, to, fields, reason)), `${from} → ${to}`).toBeNull();
  });

  it('refuses moves out of order, and anything out of closed', () => {
    expect(checkMove(base('raised', 'accepted', RESPONSE))).toEqual({ code: 'CA_TRANSITION_REFUSED', from: 'raised', to: 'accepted' });
    expect(checkMove(base('response_received', 'implemented', RESPONSE))).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
    expect(checkMove(base('acknowledged', 'closed', { closed_on: '2027-01-01' }))).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
    for (const to of CA_STATES) expect(checkMove(base('closed', to, VERIFIED_OK, 'x'))).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
  });

  it('names what the response lacks: correction, root cause, action, owner, planned date, date of the response', () => {
    expect(checkMove(base('acknowledged', 'response_received', { correction: 'done', root_cause: '  ' }))).toEqual({
      code: 'CA_FIELDS_MISSING',
      fields: ['root_cause', 'action', 'owner', 'action_due', 'response_on'],
    });
    expect(requiredFields('implemented', 'verified')).toEqual(['verification_method', 'verification_evidence', 'verified_on', 'verifier_id', 'effectiveness']);
    expect(checkMove(base('implemented', 'verified', { ...VERIFIED_OK, effectiveness: 'not_assessed' }))).toEqual({ code: 'CA_FIELDS_MISSING', fields: ['effectiveness'] });
  });

  it('a rejection needs its reason, and a rejected response waits for a new one', () => {
    expect(checkMove(base('response_received', 'rejected', RESPONSE, ' '))).toEqual({ code: 'CA_REASON_REQUIRED' });
    expect(checkMove(base('response_received', 'rejected', RESPONSE, 'The root cause restates the finding.'))).toBeNull();
    expect(moveEffects('response_received', 'rejected', 'The root cause restates the finding.')).toEqual({ decision_reason: 'The root cause restates the finding.' });
    expect(CA_MOVES.rejected).toEqual(['response_received']);
    expect(checkMove(base('rejected', 'response_received', RESPONSE))).toBeNull();
  });

  it('only an effective verification closes; a not effective one goes back to accepted for a new action, with a reason', () => {
    const notEffective = { ...VERIFIED_OK, effectiveness: 'not_effective' as const, closed_on: '2027-02-02' };
    expect(checkMove(base('verified', 'closed', notEffective))).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
    expect(checkMove(base('verified', 'accepted', notEffective, ''))).toEqual({ code: 'CA_REASON_REQUIRED' });
    expect(checkMove(base('verified', 'accepted', notEffective, 'Two emergency changes in January still lack approval.'))).toBeNull();
    expect(checkMove(base('verified', 'accepted', VERIFIED_OK, 'x'))).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
    expect(moveEffects('verified', 'accepted', 'x')).toEqual({ effectiveness: 'not_assessed', implemented_on: null, verified_on: null });
    expect(nextMoves('verified', { major: false, closeOnPlan: true, effectiveness: 'not_effective' })).toEqual(['accepted']);
    expect(nextMoves('verified', { major: false, closeOnPlan: true, effectiveness: 'effective' })).toEqual(['closed']);
  });

  it('closes a minor on its accepted plan (verified at the next audit), never a major', () => {
    const plan = { ...RESPONSE, closed_on: '2026-12-22' };
    expect(checkMove(base('accepted', 'closed', plan, 'Plan accepted; verification at surveillance 1.'))).toBeNull();
    expect(moveEffects('accepted', 'closed', 'x')).toEqual({ verification_method: 'next_audit' });
    expect(checkMove({ ...base('accepted', 'closed', plan, 'x'), major: true })).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
    expect(checkMove({ ...base('accepted', 'closed', plan, 'x'), closeOnPlan: false })).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
    expect(nextMoves('accepted', { major: true, closeOnPlan: true, effectiveness: 'not_assessed' })).toEqual(['implemented']);
    expect(nextMoves('accepted', { major: false, closeOnPlan: true, effectiveness: 'not_assessed' })).toEqual(['implemented', 'closed']);
  });

  it('refuses a date before the audit’s first day, naming it', () => {
    expect(checkMove(base('acknowledged', 'response_received', { ...RESPONSE, response_on: '2026-12-06' }))).toEqual({
      code: 'CA_DATE_BEFORE_AUDIT',
      field: 'response_on',
      date: '2026-12-06',
      auditStart: '2026-12-07',
    });
    expect(checkMove(base('acknowledged', 'response_received', { ...RESPONSE, response_on: '2026-12-07' }))).toBeNull();
    expect(checkMove(base('accepted', 'implemented', { implemented_on: '2025-12-31' }))).toMatchObject({ code: 'CA_DATE_BEFORE_AUDIT', field: 'implemented_on' });
  });

  it('property: a move is allowed only along CA_MOVES, and every allowed move offered by nextMoves passes with complete fields', () => {
    const state = fc.constantFrom(...CA_STATES);
    const complete = { ...VERIFIED_OK, closed_on: '2027-03-01' };
    fc.assert(
      fc.property(state, state, fc.boolean(), fc.boolean(), fc.constantFrom('effective', 'not_effective') , (from, to, major, closeOnPlan, effectiveness) => {
        const fields = { ...complete, effectiveness } as CaFields;
        const problem = checkMove({ ...base(from, to, fields, 'a reason'), major, closeOnPlan });
        const offered = nextMoves(from, { major, closeOnPlan, effectiveness });
        if (!CA_MOVES[from].includes(to)) expect(problem).toMatchObject({ code: 'CA_TRANSITION_REFUSED' });
        expect(problem === null).toBe(offered.includes(to));
      }),
    );
  });

  it('property: any sequence of allowed moves from raised ends in a state that only reaches closed through verified or an accepted plan', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), (choices, major) => {
        let state: CaState = 'raised';
        const seen: CaState[] = [state];
        for (const choice of choices) {
          const options = nextMoves(state, { major, closeOnPlan: true, effectiveness: choice % 2 ? 'effective' : 'not_effective' });
          if (!options.length) break;
          state = options[choice % options.length]!;
          seen.push(state);
        }
        if (state === 'closed') {
          const before = seen.at(-2);
          expect(before === 'verified' || (before === 'accepted' && !major)).toBe(true);
          expect(seen).toContain('response_received');
        }
      }),
    );
  });

  it('undoes only the last move, by the member who made it', () => {
    const history = [
      { from: 'raised' as const, to: 'acknowledged' as const, movedAt: '2026-12-10T09:00:00Z', movedBy: 'lead' },
      { from: 'acknowledged' as const, to: 'response_received' as const, movedAt: '2026-12-20T09:00:00Z', movedBy: 'lead' },
    ];
    expect(undoTarget('response_received', history, 'lead')).toBe('acknowledged');
    expect(undoTarget('response_received', history, 'other')).toBeNull();
    expect(undoTarget('acknowledged', history, 'lead')).toBeNull();
    expect(undoTarget('raised', [], 'lead')).toBeNull();
    expect(stateAfter(history)).toBe('response_received');
    expect(stateAfter([])).toBe('raised');
  });
});
