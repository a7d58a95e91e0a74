import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDWORK_PACK as pack, planSession } from '../../tests/helpers/fieldwork-pack.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { answerGroups, compareClauseNumbers, placedQuestions, plannedSessions, type PlanOutline } from './answer-order.ts';

const ids = (groups: ReturnType<typeof answerGroups>) => groups.flatMap((group) => group.questions.map((placed) => placed.question.id));
const ALL = pack.clauses.flatMap((clause) => (clause.questions ?? []).map((question) => question.id));

/** Two days: change and incident on day 1 (two sessions at once), clause 9 and change again on day 2; 10 and 5 nowhere. */
const plan: PlanOutline = {
  sessions: [planSession('d2-am', '2026-12-08', '09:00', '12:30', 'hq'), planSession('d1-pm', '2026-12-07', '13:00', '17:00', 'dc'), planSession('d1-am', '2026-12-07', '09:00', '12:30', 'hq'), planSession('d1-am-remote', '2026-12-07', '09:00', '12:30')],
  topics: [
    { session_id: 'd1-am', kind: 'process', topic: 'incident' },
    { session_id: 'd1-am', kind: 'clause', topic: '4' },
    { session_id: 'd1-am-remote', kind: 'clause', topic: '8.1' },
    { session_id: 'd1-pm', kind: 'process', topic: 'change' },
    { session_id: 'd2-am', kind: 'clause', topic: '9' },
    { session_id: 'd2-am', kind: 'process', topic: 'change' },
    // A topic the pack does not know covers nothing.
    { session_id: 'd2-am', kind: 'process', topic: 'no-such-process' },
  ],
};

describe('the checklist in three orders', () => {
  it('by process: the processes of clause 8 and the clause groups, in clause order, each question once', () => {
    const groups = answerGroups(pack, 'process');
    expect(groups.map((group) => group.topic.key)).toEqual(['4', '5', '8', 'change', 'incident', '9', '10']);
    expect(groups.find((group) => group.topic.key === 'change')!.questions.map((placed) => placed.question.id)).toEqual(['8.5.1-q01', '8.5.1-q02', '8.5.1.1-q01']);
    expect([...ids(groups)].sort()).toEqual([...ALL].sort());
  });

  it('by clause: every clause with questions, in number order (10 after 9), each question once', () => {
    const groups = answerGroups(pack, 'clause');
    expect(groups.map((group) => group.topic.key)).toEqual(['4.1', '5.1', '8.1', '8.5.1', '8.5.1.1', '8.6.1', '9.2', '10.1']);
    expect(groups.every((group) => group.topic.kind === 'clause')).toBe(true);
    // The unit stays the process: a filter by process works in every order.
    expect(groups.find((group) => group.topic.key === '8.5.1.1')!.questions[0]).toMatchObject({ unit: 'change', unitKind: 'process' });
    expect(ids(groups)).toEqual(ALL);
  });

  it('in the plan’s order: sessions by day and time, their topics in checklist order, then what no session covers', () => {
    const groups = answerGroups(pack, 'plan', plan);
    expect(groups.map((group) => group.key)).toEqual([
      'session:d1-am:clause:4',
      'session:d1-am:process:incident',
      'session:d1-am-remote:clause:8.1',
      'session:d1-pm:process:change',
      'session:d2-am:process:change',
      'session:d2-am:clause:9',
      'unplanned:5',
      'unplanned:10',
    ]);
    expect(groups.at(-1)).toMatchObject({ unplanned: true, sessionId: null, topic: { kind: 'clause', key: '10' } });
    // Change is audited twice: its questions show under both sessions.
    expect(ids(groups).filter((id) => id === '8.5.1-q01')).toHaveLength(2);
    expect(new Set(ids(groups))).toEqual(new Set(ALL));
  });

  it('in the plan’s order with no plan: everything is "not in the plan", by process', () => {
    const groups = answerGroups(pack, 'plan');
    expect(groups.every((group) => group.unplanned)).toBe(true);
    expect(ids(groups)).toEqual(ids(answerGroups(pack, 'process')));
  });

  it('knows which sessions cover each question, in plan order', () => {
    const planned = plannedSessions(pack, plan);
    expect(planned.get('8.5.1.1-q01')).toEqual(['d1-pm', 'd2-am']);
    expect(planned.get('4.1-q02')).toEqual(['d1-am']);
    expect(planned.get('8.1-q01')).toEqual(['d1-am-remote']);
    expect(planned.has('10.1-q01')).toBe(false);
  });

  it('every order shows every question, whatever the plan', () => {
    const topicKeys = ['4', '5', '8', '8.1', '8.5', '9', '10', 'change', 'incident', 'nothing'];
    const topic = fc.record({ session: fc.integer({ min: 0, max: 4 }), key: fc.constantFrom(...topicKeys) });
    const session = fc.record({ day: fc.constantFrom('2026-12-07', '2026-12-08'), start: fc.constantFrom('09:00', '13:00') });
    fc.assert(
      fc.property(fc.array(session, { minLength: 1, maxLength: 5 }), fc.array(topic, { maxLength: 12 }), (sessions, topics) => {
        const outline: PlanOutline = {
          sessions: sessions.map((s, index) => planSession(`s${index}`, s.day, s.start, '17:00')),
          topics: topics.filter((t) => t.session < sessions.length).map((t) => ({ session_id: `s${t.session}`, kind: /^\d/.test(t.key) ? ('clause' as const) : ('process' as const), topic: t.key })),
        };
        for (const order of ['process', 'clause', 'plan'] as const) {
          const groups = answerGroups(pack, order, outline);
          expect(new Set(ids(groups)), order).toEqual(new Set(ALL));
          expect(new Set(groups.map((group) => group.key)).size, order).toBe(groups.length);
          // A question shows at most once per session.
          for (const group of groups.filter((g) => g.sessionId)) {
            const sameSession = groups.filter((g) => g.sessionId === group.sessionId).flatMap((g) => g.questions.map((p) => p.question.id));
            expect(new Set(sameSession).size).toBe(sameSession.length);
          }
        }
        // What is planned appears under a session; the rest under "not in the plan", once.
        const planned = plannedSessions(pack, outline);
        const unplanned = answerGroups(pack, 'plan', outline).filter((group) => group.unplanned).flatMap((group) => group.questions.map((p) => p.question.id));
        expect(new Set(unplanned)).toEqual(new Set(ALL.filter((id) => !planned.has(id))));
        expect(new Set(unplanned).size).toBe(unplanned.length);
      }),
      propertyRuns('answer orders cover the checklist'),
    );
  });

  it('orders clause numbers as the standard does', () => {
    expect(['10.1', '8.10', '8.2', '9', '8.2.1'].sort(compareClauseNumbers)).toEqual(['8.2', '8.2.1', '8.10', '9', '10.1']);
    expect(placedQuestions(pack)).toHaveLength(ALL.length);
  });
});
