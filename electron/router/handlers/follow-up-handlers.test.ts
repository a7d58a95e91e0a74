import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FollowUpView, LinkedFilePreview, LinkedImportResult } from '../../../shared/contract/follow-up-views.ts';
import { makeBadFileCorpus } from '../../../tests/fixtures/bad-files.ts';
import { sampleEngagement } from '../../../tests/helpers/engagements.ts';
import { ask, routerWithEngagement } from '../../../tests/helpers/router.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import type { Router } from '../router.ts';

const RESPONSE = {
  correction: 'The two emergency changes were reviewed by the CAB on 14 December.',
  root_cause: 'Procedure CHG-02 did not say who authorizes emergency changes out of hours.',
  action: 'CHG-02 revised (v3); on-call managers trained; monthly check of emergency changes.',
  owner: 'Priya Shah, Service Delivery Manager',
  correction_due: '2026-12-20',
  action_due: '2027-01-31',
  response_on: '2026-12-18',
};

async function value<T>(router: Router, channel: Parameters<typeof ask>[1], payload: unknown): Promise<T> {
  const outcome = await ask(router, channel, payload);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.code} ${JSON.stringify(outcome.params)}`);
  return outcome.value as T;
}

/** A team member linked to this installation (the typing member), and nonconformities raised by them. */
async function withFindings(router: Router, handle: string, grades: readonly string[]) {
  const member = (await value<{ id: string }>(router, 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name: 'Helen Marsh', initials: 'HM', role: 'lead' } })).id;
  await value(router, 'fieldwork:linkMe', { engagementHandle: handle, memberId: member });
  const findings: string[] = [];
  for (const [index, grade] of grades.entries()) {
    const finding = await value<{ id: string }>(router, 'rows:create', {
      engagementHandle: handle,
      table: 'finding',
      values: {
        raised_by: member,
        provisional_seq: index + 1,
        grade,
        raised_on: '2026-12-08',
        requirement: 'ISO/IEC 20000-1 8.5.1.3 requires emergency changes to be authorized.',
        evidence: `Change record CHG-${4410 + index} was deployed on 2 November 2026 without authorization.`,
        not_fulfilled: `Emergency change CHG-${4410 + index} was not authorized before deployment.`,
        final_number: `NC-${index + 1}`,
        final_seq: index + 1,
      },
    });
    await value(router, 'rows:create', { engagementHandle: handle, table: 'finding_clause', values: { finding_id: finding.id, clause: '8.5.1.3' } });
    findings.push(finding.id);
  }
  return { member, findings };
}

describe('followUp:move and followUp:view against a real file', () => {
  it('records every move with its author, refuses a move out of order and a date before the audit, and lists only nonconformities', async () => {
    const { router, handle } = await routerWithEngagement();
    const { member, findings } = await withFindings(router, handle, ['minor', 'observation']);
    const [nc, observation] = findings as [string, string];
    const move = (to: string, extra: Record<string, unknown> = {}) => ask(router, 'followUp:move', { engagementHandle: handle, findingId: nc, to, ...extra });

    let view = await value<FollowUpView>(router, 'followUp:view', { engagementHandle: handle });
    expect(view.items.map((item) => item.findingId)).toEqual([nc]);
    expect(view.items[0]).toMatchObject({ state: 'raised', action: null, nextMoves: ['acknowledged'], label: 'NC-1', clauses: ['8.5.1.3'] });

    expect(await move('accepted')).toMatchObject({ ok: false, code: 'CA_TRANSITION_REFUSED', params: { from: 'raised', to: 'accepted' } });
    expect(await ask(router, 'followUp:move', { engagementHandle: handle, findingId: observation, to: 'acknowledged' })).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(await move('acknowledged')).toMatchObject({ ok: true, value: { state: 'acknowledged', finding_id: nc } });
    expect(await move('response_received', { fields: { ...RESPONSE, response_on: '2026-12-01' } })).toMatchObject({
      ok: false,
      code: 'CA_DATE_BEFORE_AUDIT',
      params: { date: '2026-12-01', auditStart: '2026-12-07' },
    });
    expect(await move('response_received', { fields: { correction: 'Done.' } })).toMatchObject({ ok: false, code: 'INVALID_VALUE', params: { missing: ['root_cause', 'action', 'owner', 'action_due', 'response_on'] } });
    expect(await move('response_received', { fields: RESPONSE })).toMatchObject({ ok: true, value: { state: 'response_received', owner: RESPONSE.owner } });
    expect(await move('rejected')).toMatchObject({ ok: false, code: 'INVALID_VALUE', params: { missing: ['reason'] } });
    expect(await move('rejected', { reason: 'The root cause restates the finding.' })).toMatchObject({ ok: true, value: { state: 'rejected', decision_reason: 'The root cause restates the finding.' } });
    // The text edit of the response goes through the row path; the new response is then received.
    const action = (await value<FollowUpView>(router, 'followUp:view', { engagementHandle: handle })).items[0]!.action!;
    await value(router, 'rows:update', { engagementHandle: handle, table: 'corrective_action', id: action.id, patch: { root_cause: 'No out-of-hours authority was defined when the on-call rota was introduced.' } });
    expect(await move('response_received')).toMatchObject({ ok: true });
    expect(await move('accepted')).toMatchObject({ ok: true });
    expect(await move('implemented', { fields: { implemented_on: '2027-01-20' } })).toMatchObject({ ok: true });
    expect(await move('verified', { fields: { verification_method: 'document_review', verification_evidence: 'CHG-02 v3; training records of 12 January.', verified_on: '2027-02-02', verifier_id: member, effectiveness: 'effective' } })).toMatchObject({ ok: true });
    // Undo takes the member's own last move back, as a move of its own.
    view = await value<FollowUpView>(router, 'followUp:view', { engagementHandle: handle });
    expect(view.items[0]!.undoTo).toBe('implemented');
    expect(await move('implemented', { undo: true })).toMatchObject({ ok: true, value: { state: 'implemented', verification_evidence: 'CHG-02 v3; training records of 12 January.' } });
    expect(await move('verified')).toMatchObject({ ok: true });
    expect(await move('closed', { fields: { closed_on: '2027-02-02' } })).toMatchObject({ ok: true, value: { state: 'closed' } });
    expect(await move('accepted', { reason: 'x' })).toMatchObject({ ok: false, code: 'CA_TRANSITION_REFUSED', params: { from: 'closed', to: 'accepted' } });

    view = await value<FollowUpView>(router, 'followUp:view', { engagementHandle: handle });
    const item = view.items[0]!;
    expect(item.state).toBe('closed');
    expect(item.history.map((move) => `${move.from}→${move.to}`)).toEqual([
      'raised→acknowledged',
      'acknowledged→response_received',
      'response_received→rejected',
      'rejected→response_received',
      'response_received→accepted',
      'accepted→implemented',
      'implemented→verified',
      'verified→implemented',
      'implemented→verified',
      'verified→closed',
    ]);
    expect(new Set(item.history.map((move) => move.movedByName))).toEqual(new Set(['Helen Marsh']));
    expect(item.history[2]!.reason).toBe('The root cause restates the finding.');
    expect(item.history[7]!.reason).toBe('undo');
    // One corrective action per nonconformity, whatever the number of moves.
    expect((await value<unknown[]>(router, 'rows:list', { engagementHandle: handle, table: 'corrective_action' })).length).toBe(1);
  });

  it('refuses a move before the typing member is known', async () => {
    const { router, handle } = await routerWithEngagement();
    const member = (await value<{ id: string }>(router, 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name: 'Raj Iyer', initials: 'RI', role: 'auditor' } })).id;
    const finding = await value<{ id: string }>(router, 'rows:create', { engagementHandle: handle, table: 'finding', values: { raised_by: member, provisional_seq: 1, grade: 'major', raised_on: '2026-12-08' } });
    expect(await ask(router, 'followUp:move', { engagementHandle: handle, findingId: finding.id, to: 'acknowledged' })).toMatchObject({ ok: false, code: 'NOT_A_TEAM_MEMBER' });
  });
});

describe('earlier nonconformities from a linked earlier engagement file', () => {
  /** The earlier audit of the same client: a major closed, a minor with its plan accepted, an observation. */
  async function earlierFile(router: Router, name: string, fields: Record<string, unknown> = {}) {
    const created = await value<{ summary: { handle: string } }>(router, 'engagement:create', { file: name, fields: sampleEngagement({ start_date: '2025-12-01', end_date: '2025-12-03', ...fields }) });
    const handle = created.summary.handle;
    const { findings } = await withFindings(router, handle, ['major', 'minor', 'observation']);
    const move = (findingId: string, to: string, extra: Record<string, unknown> = {}) => value(router, 'followUp:move', { engagementHandle: handle, findingId, to, ...extra });
    await move(findings[1]!, 'acknowledged');
    await move(findings[1]!, 'response_received', { fields: { ...RESPONSE, correction_due: '2025-12-20', action_due: '2026-01-31', response_on: '2025-12-18' } });
    await move(findings[1]!, 'accepted');
    return { handle, findings };
  }

  it('imports the nonconformities with their state once, reading a file open in this app through its worker and a closed one from a copy; sets the last number', async () => {
    const { router, handle, workspace } = await routerWithEngagement();
    await value(router, 'engagement:update', { engagementHandle: handle, patch: { audit_type: 'surveillance1' } });
    const earlier = await earlierFile(router, 'Earlier');

    // Open in this app: read through its own worker (no second connection to the file).
    const preview = await value<LinkedFilePreview>(router, 'followUp:previewLinked', { engagementHandle: handle, file: 'Earlier.iso20k' });
    expect(preview).toMatchObject({ clientName: 'Northwind Managed Services GmbH', otherClient: false, nonconformities: 2, alreadyImported: 0, highestSeq: 3, auditType: 'stage2' });
    const first = await value<LinkedImportResult>(router, 'followUp:importLinked', { engagementHandle: handle, file: 'Earlier.iso20k', auditLabel: 'Stage 2, 1–3 Dec 2025', confirmOtherClient: false });
    expect(first).toEqual({ added: 2, alreadyThere: 0, earlierLastSeq: 3 });

    const before = fs.readFileSync(path.join(workspace, 'Earlier.iso20k'));
    await value(router, 'engagement:close', { engagementHandle: earlier.handle });
    const closedBytes = fs.readFileSync(path.join(workspace, 'Earlier.iso20k'));
    // Closed: read from a private copy; the file's bytes never change.
    const second = await value<LinkedImportResult>(router, 'followUp:importLinked', { engagementHandle: handle, file: 'Earlier.iso20k', auditLabel: 'Stage 2, 1–3 Dec 2025', confirmOtherClient: false });
    expect(second).toEqual({ added: 0, alreadyThere: 2, earlierLastSeq: 3 });
    expect(fs.readFileSync(path.join(workspace, 'Earlier.iso20k')).equals(closedBytes)).toBe(true);
    expect(before.length).toBeGreaterThan(0);

    const view = await value<FollowUpView>(router, 'followUp:view', { engagementHandle: handle });
    expect(view.earlierLastSeq).toBe(3);
    expect(view.earlier.map((nc) => [nc.number, nc.grade, nc.grade_name, nc.status_at_start, nc.source, nc.clause])).toEqual([
      ['NC-1', 'major', 'Major nonconformity', 'open', 'linked_file', '8.5.1.3'],
      ['NC-2', 'minor', 'Minor nonconformity', 'plan_accepted', 'linked_file', '8.5.1.3'],
    ]);
    expect(view.earlier[1]).toMatchObject({ source_ref: `${preview.engagementId}:${earlier.findings[1]}`, audit_label: 'Stage 2, 1–3 Dec 2025', client_action: RESPONSE.action });
  });

  it('warns about another client and imports only when confirmed; refuses the same engagement, a newer app’s file and a file that is not an engagement', async () => {
    const { router, handle, workspace } = await routerWithEngagement();
    const other = await earlierFile(router, 'Other client', { client_name: 'Harbour Logistics plc' });
    await value(router, 'engagement:close', { engagementHandle: other.handle });
    expect(await value<LinkedFilePreview>(router, 'followUp:previewLinked', { engagementHandle: handle, file: 'Other client.iso20k' })).toMatchObject({ otherClient: true, clientName: 'Harbour Logistics plc' });
    expect(await ask(router, 'followUp:importLinked', { engagementHandle: handle, file: 'Other client.iso20k', auditLabel: 'x', confirmOtherClient: false })).toMatchObject({
      ok: false,
      code: 'INVALID_VALUE',
      params: { reason: 'other_client' },
    });
    expect(await value<LinkedImportResult>(router, 'followUp:importLinked', { engagementHandle: handle, file: 'Other client.iso20k', auditLabel: 'x', confirmOtherClient: true })).toMatchObject({ added: 2 });

    // This engagement itself (open here: read through its own worker).
    expect(await ask(router, 'followUp:previewLinked', { engagementHandle: handle, file: 'Lead.iso20k' })).toMatchObject({ ok: false, code: 'LINKED_FILE_SAME_ENGAGEMENT' });

    const corpus = makeBadFileCorpus(tempDir());
    const put = (caseName: string, as: string) => fs.copyFileSync(corpus.find((entry) => entry.name === caseName)!.file, path.join(workspace, as));
    put('newer-needs-update', 'Newer.iso20k');
    put('newer-readable', 'Newer readable.iso20k');
    expect(await ask(router, 'followUp:previewLinked', { engagementHandle: handle, file: 'Newer.iso20k' })).toMatchObject({ ok: false, code: 'LINKED_FILE_NEWER', params: { version: '99.0.0' } });
    expect(await ask(router, 'followUp:importLinked', { engagementHandle: handle, file: 'Newer readable.iso20k', auditLabel: 'x', confirmOtherClient: true })).toMatchObject({
      ok: false,
      code: 'LINKED_FILE_NEWER',
      params: { version: '99.0.0' },
    });
    fs.writeFileSync(path.join(workspace, 'Notes.iso20k'), 'Closing meeting at 16:00\n');
    const notEngagement = await ask(router, 'followUp:previewLinked', { engagementHandle: handle, file: 'Notes.iso20k' });
    expect(notEngagement.ok).toBe(false);
    expect(notEngagement.code).not.toBe('INTERNAL');
  });

  it('answers every file of the bad-file corpus with a code the renderer explains (never INTERNAL, never raw text), and leaves each file as it was', async () => {
    const { router, handle, workspace } = await routerWithEngagement();
    const corpus = makeBadFileCorpus(tempDir());
    for (const badCase of corpus) {
      const name = `bad-${badCase.name}.iso20k`;
      for (const entry of fs.readdirSync(path.dirname(badCase.file))) {
        const base = path.basename(badCase.file);
        if (entry.startsWith(base)) fs.cpSync(path.join(path.dirname(badCase.file), entry), path.join(workspace, name + entry.slice(base.length)), { recursive: true });
      }
      const exists = fs.existsSync(path.join(workspace, name)) && fs.statSync(path.join(workspace, name)).isFile();
      const before = exists ? fs.readFileSync(path.join(workspace, name)) : null;
      const outcome = await ask(router, 'followUp:previewLinked', { engagementHandle: handle, file: name });
      expect(outcome.code, badCase.name).not.toBe('INTERNAL');
      expect(JSON.stringify(outcome.params), badCase.name).not.toMatch(/SQLITE_|SqliteError|JSON at position|Unexpected token|readonly database|\bError:/);
      if (before) expect(fs.readFileSync(path.join(workspace, name)).equals(before), badCase.name).toBe(true);
    }
  });
});
