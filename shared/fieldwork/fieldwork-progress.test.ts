import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChecklistQuestion } from '../checklist/pack.ts';
import { ANSWER_RESULTS } from './answer-results.ts';
import type { ChecklistUnit } from './checklist-units.ts';
import { fieldworkProgress, type FieldworkProgressInput } from './fieldwork-progress.ts';

const question = (id: string) => ({ question: { id } as ChecklistQuestion, clauseNumber: '8.5.1' });
const units: ChecklistUnit[] = [
  { key: '4', kind: 'clause', number: '4', questions: [question('4-q1'), question('4-q2')] },
  { key: 'change-management', kind: 'process', number: '8.5.1', questions: [question('cm-q1'), question('cm-q2'), question('cm-q3')] },
];
const team = [
  { id: 'm-helen', name: 'Helen Marsh' },
  { id: 'm-ravi', name: 'Ravi Patel' },
];
const base: FieldworkProgressInput = { units, answers: [], team, sessions: [], outcomes: [], conclusions: [], today: '2027-03-02' };

describe('fieldwork progress', () => {
  it('counts a question answered once whoever answered it, results per member, and what to do next', () => {
    const progress = fieldworkProgress({
      ...base,
      answers: [
        { question_id: 'cm-q1', team_member_id: 'm-helen', result: 'conforming' },
        { question_id: 'cm-q1', team_member_id: 'm-ravi', result: 'nonconformity' },
        { question_id: 'cm-q2', team_member_id: 'm-ravi', result: 'not_audited' },
      ],
    });
    expect(progress.units[1]).toMatchObject({ answered: 1, total: 3, conclusion: 'not_concluded', results: { conforming: 1, nonconformity: 1, not_audited: 1 } });
    expect(progress.members.map((member) => member.answered)).toEqual([1, 1]);
    expect(progress).toMatchObject({ total: 5, answered: 1 });
    expect(progress.next).toEqual([
      { kind: 'not-started', count: 1 },
      { kind: 'findings-expected', count: 1 },
      { kind: 'conclusions-missing', count: 1 },
    ]);
  });

  it('sets sessions held against planned: breaks left out, added sessions apart, past days without an outcome flagged', () => {
    const progress = fieldworkProgress({
      ...base,
      sessions: [
        { id: 's1', day: '2027-03-01', kind: 'opening' },
        { id: 's2', day: '2027-03-01', kind: 'audit' },
        { id: 's3', day: '2027-03-01', kind: 'break' },
        { id: 's4', day: '2027-03-01', kind: 'audit' },
        { id: 's5', day: '2027-03-02', kind: 'audit' },
        { id: 's6', day: '2027-03-01', kind: 'audit' },
      ],
      outcomes: [
        { session_id: 's1', status: 'held' },
        { session_id: 's2', status: 'moved' },
        { session_id: 's4', status: 'cancelled' },
        { session_id: 's6', status: 'added' },
      ],
    });
    expect(progress.sessions).toEqual({ planned: 4, held: 2, cancelled: 1, added: 1, unrecorded: 0 });
    const later = fieldworkProgress({ ...base, today: '2027-03-03', sessions: [{ id: 's5', day: '2027-03-02', kind: 'audit' }] });
    expect(later.sessions.unrecorded).toBe(1);
    expect(later.next[0]).toEqual({ kind: 'unrecorded-sessions', count: 1 });
  });

  it('never counts more answered questions than the units have, and the results add up to the answers', () => {
    const ids = units.flatMap((unit) => unit.questions.map((item) => item.question.id));
    const answer = fc.record({ question_id: fc.constantFrom(...ids, 'other-pack-q'), team_member_id: fc.constantFrom('m-helen', 'm-ravi'), result: fc.constantFrom(...ANSWER_RESULTS) });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), (answers) => {
        const progress = fieldworkProgress({ ...base, answers });
        expect(progress.answered).toBeLessThanOrEqual(progress.total);
        const counted = progress.units.reduce((sum, unit) => sum + Object.values(unit.results).reduce((a, b) => a + b, 0), 0);
        expect(counted).toBe(answers.filter((a) => a.question_id !== 'other-pack-q').length);
      }),
    );
  });
});
