import { describe, expect, it } from 'vitest';
import type { FindingsView, NumberedFindingsView, RaisedFindingView } from '../../../shared/contract/finding-views.ts';
import { ask, routerWithEngagement } from '../../../tests/helpers/router.ts';

/** The findings channels as the Findings tab uses them: raised and numbered as the typing member. */
describe('findings:view / findings:raise / findings:number', () => {
  it('raises as the typing member, shows every finding, and lets only the lead number', async () => {
    const { router, handle } = await routerWithEngagement();
    const member = async (name: string, initials: string, role: string) =>
      ((await ask(router, 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name, initials, role } })).value as { id: string }).id;
    const helen = await member('Helen Marsh', 'HM', 'lead');
    const raj = await member('Raj Iyer', 'RI', 'auditor');

    // Nobody typing yet: raising and numbering ask who you are first; the view still answers.
    expect(await ask(router, 'findings:raise', { engagementHandle: handle, source: { kind: 'none' } })).toMatchObject({ ok: false, code: 'NOT_A_TEAM_MEMBER' });
    expect(await ask(router, 'findings:number', { engagementHandle: handle })).toMatchObject({ ok: false, code: 'NOT_A_TEAM_MEMBER' });
    expect(await ask(router, 'findings:view', { engagementHandle: handle })).toMatchObject({ ok: true, value: { findings: [], typingMemberId: null, leadMemberId: helen } });

    await ask(router, 'fieldwork:linkMe', { engagementHandle: handle, memberId: raj });
    const raised = (await ask(router, 'findings:raise', { engagementHandle: handle, source: { kind: 'none' }, grade: 'minor' })).value as RaisedFindingView;
    expect(raised.label).toBe('RI-P1');
    expect(await ask(router, 'findings:raise', { engagementHandle: handle, source: { kind: 'answer', answerId: 'gone' } })).toMatchObject({ ok: false, code: 'ROW_NOT_FOUND' });
    expect(await ask(router, 'findings:raise', { engagementHandle: handle, source: { kind: 'none' }, grade: 'critical' })).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(await ask(router, 'findings:number', { engagementHandle: handle })).toMatchObject({ ok: false, code: 'FINDINGS_LEAD_ONLY', params: { lead: 'Helen Marsh' } });

    await ask(router, 'fieldwork:linkMe', { engagementHandle: handle, memberId: helen });
    const numbered = (await ask(router, 'findings:number', { engagementHandle: handle })).value as NumberedFindingsView;
    expect(numbered.numbered).toEqual([{ findingId: raised.findingId, number: 'MIN-01', seq: 1, previous: '', reason: 'new' }]);
    const view = (await ask(router, 'findings:view', { engagementHandle: handle })).value as FindingsView;
    expect(view).toMatchObject({ typingMemberId: helen, findings: [{ id: raised.findingId, label: 'MIN-01', raisedByName: 'Raj Iyer', grade: 'minor', isNonconformity: true }] });
    expect((await ask(router, 'findings:number', { engagementHandle: handle, renumberAll: true })).value).toMatchObject({ numbered: [{ number: 'MIN-01', reason: 'renumbered' }] });
  });
});
