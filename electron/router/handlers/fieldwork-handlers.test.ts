import { describe, expect, it } from 'vitest';
import { ask, routerWithEngagement } from '../../../tests/helpers/router.ts';

/** Fieldwork's channels as the checklist screen uses them: the whole team's answers, one's own written. */
describe('fieldwork:state / fieldwork:answer', () => {
  it('answers as the typing member, with the session; the state lists every team member’s answers', async () => {
    const { router, handle } = await routerWithEngagement();
    const member = async (name: string, initials: string) =>
      ((await ask(router, 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name, initials, role: 'auditor' } })).value as { id: string }).id;
    const helen = await member('Helen Marsh', 'HM');
    const raj = await member('Raj Iyer', 'RI');
    expect(await ask(router, 'fieldwork:answer', { engagementHandle: handle, questionId: '8.5.1-q01', result: 'conforming' })).toMatchObject({ ok: false, code: 'NOT_A_TEAM_MEMBER' });
    await ask(router, 'fieldwork:linkMe', { engagementHandle: handle, memberId: helen });

    const session = ((await ask(router, 'rows:create', { engagementHandle: handle, table: 'plan_session', values: { day: '2026-12-08', start_time: '09:00', end_time: '12:30' } })).value as { id: string }).id;
    // Nothing but the question: the answer exists (for evidence to link to), not audited.
    const made = await ask(router, 'fieldwork:answer', { engagementHandle: handle, questionId: '8.5.1-q01' });
    expect(made).toMatchObject({ ok: true, value: { question_id: '8.5.1-q01', team_member_id: helen, result: 'not_audited', session_id: null } });
    expect((await ask(router, 'fieldwork:answer', { engagementHandle: handle, questionId: '8.5.1-q01', result: 'observation', sessionId: session })).value).toMatchObject({ result: 'observation', session_id: session });
    expect((await ask(router, 'fieldwork:answer', { engagementHandle: handle, questionId: '8.5.1-q01', sessionId: null })).value).toMatchObject({ result: 'observation', session_id: null });
    expect(await ask(router, 'fieldwork:answer', { engagementHandle: handle, questionId: '8.5.1-q01', sessionId: 'gone' })).toMatchObject({ ok: false, code: 'ROW_NOT_FOUND' });
    expect(await ask(router, 'fieldwork:answer', { engagementHandle: handle, questionId: '8.5.1-q01', sessionId: '' })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });

    // Raj's answer, written through the row path as a merged copy would bring it.
    await ask(router, 'rows:create', { engagementHandle: handle, table: 'checklist_answer', values: { question_id: '8.5.1-q01', team_member_id: raj, result: 'nonconformity' } });
    const state = (await ask(router, 'fieldwork:state', { engagementHandle: handle })).value as { typing: { memberId: string }; answers: { team_member_id: string; result: string }[] };
    expect(state.typing.memberId).toBe(helen);
    expect(state.answers.map((answer) => [answer.team_member_id, answer.result]).sort()).toEqual([[helen, 'observation'], [raj, 'nonconformity']].sort());
  });
});
