import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RowAuthorsView } from '../../../shared/contract/team-views.ts';
import type { Router } from '../router.ts';
import { ask, routerWithEngagement, runJob, testRouter } from '../../../tests/helpers/router.ts';

async function create(router: Router, handle: string, table: 'site' | 'team_member', values: Record<string, unknown>): Promise<string> {
  const created = await ask(router, 'rows:create', { engagementHandle: handle, table, values });
  expect(created.ok, JSON.stringify(created)).toBe(true);
  return (created.value as { id: string }).id;
}

async function authors(router: Router, handle: string, entity: string): Promise<RowAuthorsView[]> {
  const answer = await ask(router, 'engagement:tableAuthors', { engagementHandle: handle, entity });
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return answer.value as RowAuthorsView[];
}

const rowOf = (rows: RowAuthorsView[], rowId: string): RowAuthorsView => rows.find((row) => row.rowId === rowId)!;

/** The row editors' authors: every row of a table in one request, named as people read them. */
describe('engagement:tableAuthors', () => {
  it('names who added each row and who changed which field since, across a member copy and its return package', async () => {
    // The lead: two sites, one field changed later, a team member who gets a member copy.
    const lead = await routerWithEngagement();
    const dublin = await create(lead.router, lead.handle, 'site', { name: 'Dublin head office', kind: 'central' });
    const cork = await create(lead.router, lead.handle, 'site', { name: 'Cork data centre', kind: 'permanent' });
    expect((await ask(lead.router, 'rows:update', { engagementHandle: lead.handle, table: 'site', id: dublin, patch: { country: 'Ireland' } })).ok).toBe(true);
    const wei = await create(lead.router, lead.handle, 'team_member', { name: 'Wei Zhang', initials: 'WZ', role: 'auditor' });
    expect(await runJob(lead.router, { kind: 'team:memberCopy', engagementHandle: lead.handle, memberId: wei, file: 'Lead - Wei' })).toMatchObject({ ok: true });

    const before = await authors(lead.router, lead.handle, 'site');
    expect(rowOf(before, dublin)).toMatchObject({ added: { actorName: 'Helen Marsh', byMe: true }, changed: [{ field: 'country', actorName: 'Helen Marsh', byMe: true }] });
    // A field still as added is the adder's: nothing to say per field.
    expect(rowOf(before, cork).changed).toEqual([]);

    // The member, on their own installation: the copy names the lead, who wrote everything in it.
    const member = await testRouter();
    await member.service.setInstallationUser('Wei Zhang', 'WZ');
    fs.copyFileSync(path.join(lead.workspace, 'Lead - Wei.iso20k'), path.join(member.workspace, 'Lead - Wei.iso20k'));
    const opened = await ask(member.router, 'engagement:open', { file: 'Lead - Wei.iso20k' });
    const copy = (opened.value as { summary: { handle: string } }).summary.handle;
    expect(rowOf(await authors(member.router, copy, 'site'), cork).added).toMatchObject({ actorName: 'Helen Marsh', byMe: false });
    expect((await ask(member.router, 'team:overview', { engagementHandle: copy })).value).toMatchObject({ memberCopyOf: { issuedByName: 'Helen Marsh' } });

    // The member changes Cork's headcount and adds a site, then sends a return package.
    expect((await ask(member.router, 'rows:update', { engagementHandle: copy, table: 'site', id: cork, patch: { headcount: 42 } })).ok).toBe(true);
    const galway = await create(member.router, copy, 'site', { name: 'Galway service desk', kind: 'permanent' });
    expect(await runJob(member.router, { kind: 'team:exportPackage', engagementHandle: copy, file: 'Wei return' })).toMatchObject({ ok: true });
    fs.copyFileSync(path.join(member.workspace, 'Wei return.iso20k-return'), path.join(lead.workspace, 'Wei return.iso20k-return'));

    // The lead imports it: the member's change and row carry the member's name.
    expect(await runJob(lead.router, { kind: 'team:import', engagementHandle: lead.handle, file: 'Wei return.iso20k-return' })).toMatchObject({ ok: true });
    const after = await authors(lead.router, lead.handle, 'site');
    expect(after.map((row) => row.rowId).sort()).toEqual([dublin, cork, galway].sort());
    expect(rowOf(after, cork)).toMatchObject({ added: { actorName: 'Helen Marsh', byMe: true }, changed: [{ field: 'headcount', actorName: 'Wei Zhang', byMe: false }] });
    expect(rowOf(after, cork).changed[0]!.wallTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rowOf(after, galway)).toMatchObject({ added: { actorName: 'Wei Zhang', byMe: false }, changed: [] });
    expect(rowOf(after, dublin)).toEqual(rowOf(before, dublin));

    // The team table asks the same way.
    expect(await authors(lead.router, lead.handle, 'team_member')).toEqual([{ rowId: wei, added: expect.objectContaining({ actorName: 'Helen Marsh', byMe: true }), changed: [] }]);
  });

  it('answers an empty list for a table without rows and refuses tables not edited as rows', async () => {
    const { router, handle } = await routerWithEngagement();
    expect(await authors(router, handle, 'site')).toEqual([]);
    for (const entity of ['engagement', 'checklist_pack', 'change_log']) {
      expect((await ask(router, 'engagement:tableAuthors', { engagementHandle: handle, entity })).code, entity).toBe('INVALID_PAYLOAD');
    }
  });
});
