import { describe, expect, it } from 'vitest';
import { listConflicts } from '../store/merge/decisions.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { importInto, issueMemberCopy, openLaptop, returnPackage } from '../../tests/helpers/merge.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { answerId, answerQuestion, linkTypingMember, typingMember } from './answers.ts';

const ACTOR_RAJ = '0190a6a4-0000-7000-8000-0000000000aa';
const QUESTION = '8.5.1-q03';

/** The lead's file with three team members (the lead, Lee, Raj). */
function leadWithTeam() {
  const dir = tempDir();
  const made = newEngagementStore({ actorId: ACTOR_DANA });
  const { store } = made;
  const member = (name: string, initials: string, role: string) => store.createRow('team_member', { engagement_id: store.engagementId, name, initials, role, actor_id: null });
  const ids = { dana: member('Dana Lead', 'DL', 'lead'), lee: member('Lee Auditor', 'LA', 'auditor'), raj: member('Raj Auditor', 'RA', 'auditor') };
  made.db.close();
  return { dir, lead: openLaptop(made.file, ACTOR_DANA), ids };
}

describe('answers and who is typing', () => {
  it('knows who is typing: asked once in the lead’s file, then the linked member; in a member copy, the member it was issued to', () => {
    const { dir, lead, ids } = leadWithTeam();
    expect(typingMember(lead.store, lead.db)).toEqual({ memberId: null, name: null, source: 'none' });
    expect(linkTypingMember(lead.store, lead.db, ids.dana)).toEqual({ memberId: ids.dana, name: 'Dana Lead', source: 'linked' });
    const copy = issueMemberCopy(lead, dir, 'Lee Auditor', ACTOR_LEE);
    expect(typingMember(copy.store, copy.db)).toMatchObject({ name: 'Lee Auditor', source: 'member-copy' });
    expect(() => linkTypingMember(copy.store, copy.db, ids.lee)).toThrow(/member copy/);
  });

  it('writes one row per question and team member, under an id every copy derives alike, changing only what is given', () => {
    const { lead, ids } = leadWithTeam();
    const first = answerQuestion(lead.store, QUESTION, ids.dana, { result: 'conforming', notes: 'CAB minutes for 3 emergency changes seen' });
    expect(first.id).toBe(answerId(lead.store.engagementId, QUESTION, ids.dana));
    const second = answerQuestion(lead.store, QUESTION, ids.dana, { result: 'nonconformity' });
    expect(second).toMatchObject({ id: first.id, result: 'nonconformity', notes: 'CAB minutes for 3 emergency changes seen' });
    lead.store.deleteRow('checklist_answer', first.id);
    expect(answerQuestion(lead.store, QUESTION, ids.dana, { notes: 'again' })).toMatchObject({ deleted: 0, result: 'nonconformity', notes: 'again' });
    expect(lead.store.verifyChain()).toMatchObject({ ok: true });
  });

  it('two auditors answering the same question in their own copies never collide', () => {
    const { dir, lead, ids } = leadWithTeam();
    const lee = issueMemberCopy(lead, dir, 'Lee Auditor', ACTOR_LEE);
    const raj = issueMemberCopy(lead, dir, 'Raj Auditor', ACTOR_RAJ);
    answerQuestion(lee.store, QUESTION, ids.lee, { result: 'conforming', notes: 'Lee saw CHG-10422' });
    answerQuestion(raj.store, QUESTION, ids.raj, { result: 'observation', notes: 'Raj saw CHG-10437' });
    importInto(lead, returnPackage(raj, 'Raj'));
    const summary = importInto(lead, returnPackage(lee, 'Lee'));
    expect(summary.conflictsOpened).toBe(0);
    const answers = lead.store.listRows('checklist_answer').map((row) => [row.team_member_id, row.result]);
    expect(answers.sort()).toEqual([[ids.lee, 'conforming'], [ids.raj, 'observation']].sort());
    expect(listConflicts(lead.db)).toEqual([]);
  });

  it('one auditor answering in two copies is an ordinary conflict on the field they changed', () => {
    const { dir, lead, ids } = leadWithTeam();
    const laptop = issueMemberCopy(lead, dir, 'Lee Auditor', ACTOR_LEE);
    const tablet = issueMemberCopy(lead, dir, 'Lee Auditor', ACTOR_LEE);
    answerQuestion(laptop.store, QUESTION, ids.lee, { result: 'conforming', notes: 'Seen on the laptop' });
    answerQuestion(tablet.store, QUESTION, ids.lee, { result: 'nonconformity', notes: 'Seen on the laptop' });
    importInto(lead, returnPackage(laptop, 'Lee'));
    importInto(lead, returnPackage(tablet, 'Lee'));
    expect(lead.store.listRows('checklist_answer')).toHaveLength(1);
    const conflicts = listConflicts(lead.db);
    expect(conflicts.map((conflict) => [conflict.entity, conflict.field])).toEqual([['checklist_answer', 'result']]);
    expect(conflicts[0]!.candidates.map((candidate) => candidate.value).sort()).toEqual(['conforming', 'nonconformity']);
  });

  it('records the session an answer was given in: one of the plan’s, or none; a removed or unknown session is refused', () => {
    const { lead, ids } = leadWithTeam();
    const session = lead.store.createRow('plan_session', { engagement_id: lead.store.engagementId, day: '2026-12-08', start_time: '09:00', end_time: '12:30', kind: 'audit', title: 'Change' });
    const other = lead.store.createRow('plan_session', { engagement_id: lead.store.engagementId, day: '2026-12-09', start_time: '09:00', end_time: '12:30', kind: 'audit', title: 'Change again' });
    expect(answerQuestion(lead.store, QUESTION, ids.dana, { result: 'conforming', session_id: session })).toMatchObject({ result: 'conforming', session_id: session });
    // Only the session changes; then none.
    expect(answerQuestion(lead.store, QUESTION, ids.dana, { session_id: other })).toMatchObject({ result: 'conforming', session_id: other });
    expect(answerQuestion(lead.store, QUESTION, ids.dana, { session_id: null })).toMatchObject({ result: 'conforming', session_id: null });
    lead.store.deleteRow('plan_session', other);
    expect(() => answerQuestion(lead.store, QUESTION, ids.dana, { session_id: other })).toThrow(/no longer in the plan/);
    expect(() => answerQuestion(lead.store, QUESTION, ids.dana, { session_id: 'not-a-session' })).toThrow(expect.objectContaining({ code: 'ROW_NOT_FOUND' }));
    expect(lead.store.getRow('checklist_answer', answerId(lead.store.engagementId, QUESTION, ids.dana))).toMatchObject({ session_id: null });
  });

  it('an empty answer makes sure the row exists (evidence links to it) and changes nothing when it does', () => {
    const { lead, ids } = leadWithTeam();
    const created = answerQuestion(lead.store, QUESTION, ids.lee, {});
    expect(created).toMatchObject({ id: answerId(lead.store.engagementId, QUESTION, ids.lee), result: 'not_audited', notes: '', na_reason: '', session_id: null, deleted: 0 });
    answerQuestion(lead.store, QUESTION, ids.lee, { result: 'observation', notes: 'Two changes without a test record' });
    const logged = () => (lead.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
    const before = logged();
    expect(answerQuestion(lead.store, QUESTION, ids.lee, {})).toMatchObject({ result: 'observation', notes: 'Two changes without a test record' });
    expect(logged()).toBe(before);
    const evidence = lead.store.createRow('evidence_item', { engagement_id: lead.store.engagementId, kind: 'record', title: 'CHG-10422' });
    const link = lead.store.createRow('answer_evidence', { engagement_id: lead.store.engagementId, answer_id: created.id, evidence_id: evidence });
    expect(lead.store.getRow('answer_evidence', link)).toMatchObject({ answer_id: created.id, evidence_id: evidence });
    expect(lead.store.verifyChain()).toMatchObject({ ok: true });
  });
});
