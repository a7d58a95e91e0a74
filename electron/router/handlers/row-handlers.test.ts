import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask, routerWithEngagement } from '../../../tests/helpers/router.ts';

/** The generic row path through the router, as the renderer's editors use it. */
describe('rows:create / rows:update / rows:delete / rows:restore', () => {
  it('creates, changes, deletes and restores sites and team members, with the change log kept', async () => {
    const { router, service, handle } = await routerWithEngagement();
    const created = await ask(router, 'rows:create', { engagementHandle: handle, table: 'site', values: { name: 'Leipzig data centre', kind: 'permanent' } });
    expect(created).toMatchObject({ ok: true, value: { name: 'Leipzig data centre', kind: 'permanent', in_scope: 1, headcount: null, address: '', deleted: 0 } });
    const id = (created.value as { id: string }).id;
    const changed = await ask(router, 'rows:update', { engagementHandle: handle, table: 'site', id, patch: { in_scope: 0, headcount: 25, country: 'Germany' } });
    expect(changed.value).toMatchObject({ in_scope: 0, headcount: 25, country: 'Germany' });

    expect(await ask(router, 'rows:delete', { engagementHandle: handle, table: 'site', id })).toMatchObject({ ok: true, value: null });
    expect((await ask(router, 'engagement:roster', { engagementHandle: handle })).value).toMatchObject({ sites: [] });
    expect((await ask(router, 'rows:restore', { engagementHandle: handle, table: 'site', id })).value).toMatchObject({ id, deleted: 0, headcount: 25 });
    expect(((await ask(router, 'engagement:roster', { engagementHandle: handle })).value as { sites: unknown[] }).sites).toHaveLength(1);

    const member = await ask(router, 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name: 'Wei Zhang', initials: 'WZ', role: 'guide' } });
    expect(member.value).toMatchObject({ name: 'Wei Zhang', role: 'guide', actor_id: null, email: '' });
    const authors = await ask(router, 'engagement:fieldAuthors', { engagementHandle: handle, entity: 'site', rowId: id });
    expect((authors.value as { field: string; actorName: string }[]).find((a) => a.field === 'headcount')).toMatchObject({ actorName: 'Helen Marsh' });
    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('lists a table’s live rows oldest first (the client’s earlier audits), without deleted ones', async () => {
    const { router, handle } = await routerWithEngagement();
    const first = await ask(router, 'rows:create', { engagementHandle: handle, table: 'earlier_audit', values: { audit_type: 'stage2', start_date: '2024-01-08', end_date: '2024-01-10' } });
    const second = await ask(router, 'rows:create', { engagementHandle: handle, table: 'earlier_audit', values: { audit_type: 'surveillance1', covered_clauses: '4, 5, 8.2–8.5' } });
    expect(first.ok && second.ok).toBe(true);
    const listed = await ask(router, 'rows:list', { engagementHandle: handle, table: 'earlier_audit' });
    expect((listed.value as { audit_type: string }[]).map((row) => row.audit_type)).toEqual(['stage2', 'surveillance1']);
    await ask(router, 'rows:delete', { engagementHandle: handle, table: 'earlier_audit', id: (first.value as { id: string }).id });
    expect((await ask(router, 'rows:list', { engagementHandle: handle, table: 'earlier_audit' })).value).toHaveLength(1);
    expect(await ask(router, 'rows:list', { engagementHandle: handle, table: 'change_log' })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await ask(router, 'rows:create', { engagementHandle: handle, table: 'earlier_audit', values: { audit_type: 'stage2', start_date: '2024-13-01' } })).toMatchObject({
      ok: false,
      code: 'INVALID_PAYLOAD',
    });
  });

  it('refuses an unknown table or field, a wrong type, a value too long, a fixed field, an unknown row and a read-only file, changing nothing', async () => {
    const { router, service, workspace, handle } = await routerWithEngagement();
    const site = await ask(router, 'rows:create', { engagementHandle: handle, table: 'site', values: { name: 'Leipzig', kind: 'permanent' } });
    const id = (site.value as { id: string }).id;
    const before = await service.call(handle, 'verifyChain');
    const refusals: [string, Parameters<typeof ask>[1], unknown, string][] = [
      ['unknown table', 'rows:create', { engagementHandle: handle, table: 'finding', values: { name: 'x' } }, 'INVALID_PAYLOAD'],
      ['unknown field', 'rows:create', { engagementHandle: handle, table: 'site', values: { name: 'x', kind: 'permanent', floor: 3 } }, 'INVALID_PAYLOAD'],
      ['wrong type', 'rows:update', { engagementHandle: handle, table: 'site', id, patch: { headcount: 'many' } }, 'INVALID_PAYLOAD'],
      ['a flag other than 0/1', 'rows:update', { engagementHandle: handle, table: 'site', id, patch: { in_scope: true } }, 'INVALID_PAYLOAD'],
      ['too long', 'rows:update', { engagementHandle: handle, table: 'site', id, patch: { name: 'x'.repeat(301) } }, 'INVALID_PAYLOAD'],
      ['empty required text', 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name: '  ', initials: 'X', role: 'auditor' } }, 'INVALID_PAYLOAD'],
      ['a fixed field', 'rows:update', { engagementHandle: handle, table: 'site', id, patch: { engagement_id: 'other' } }, 'INVALID_PAYLOAD'],
      ['an unknown role', 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name: 'A', initials: 'A', role: 'boss' } }, 'INVALID_PAYLOAD'],
      ['an unknown row', 'rows:update', { engagementHandle: handle, table: 'site', id: 'no-such-row', patch: { name: 'x' } }, 'ROW_NOT_FOUND'],
      ['delete an unknown row', 'rows:delete', { engagementHandle: handle, table: 'site', id: 'no-such-row' }, 'ROW_NOT_FOUND'],
    ];
    for (const [label, channel, payload, code] of refusals) expect((await ask(router, channel, payload)).code, label).toBe(code);
    expect(await service.call(handle, 'verifyChain')).toEqual(before);

    // A read-only file: its mode has no write bit.
    await ask(router, 'engagement:close', { engagementHandle: handle });
    fs.chmodSync(path.join(workspace, 'Lead.iso20k'), 0o444);
    const reopened = await ask(router, 'engagement:open', { file: 'Lead.iso20k' });
    const readOnly = (reopened.value as { summary: { handle: string; readOnly: boolean } }).summary;
    expect(readOnly.readOnly).toBe(true);
    for (const [channel, payload] of [
      ['rows:create', { engagementHandle: readOnly.handle, table: 'site', values: { name: 'x', kind: 'virtual' } }],
      ['rows:update', { engagementHandle: readOnly.handle, table: 'site', id, patch: { name: 'y' } }],
      ['rows:delete', { engagementHandle: readOnly.handle, table: 'site', id }],
      ['rows:restore', { engagementHandle: readOnly.handle, table: 'site', id }],
    ] as const) {
      expect((await ask(router, channel, payload)).code, channel).toBe('READ_ONLY');
    }
    expect(await service.call(readOnly.handle, 'verifyChain')).toEqual(before);
  });
});
