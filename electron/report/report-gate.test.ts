import { afterEach, describe, expect, it } from 'vitest';
import { importInto, issueMemberCopy, openLaptop, returnPackage } from '../../tests/helpers/merge.ts';
import { phoneJpeg, screenshotPng } from '../../tests/helpers/photos.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { evidenceCapability } from '../evidence/worker.ts';
import { EngagementSession } from '../store/engagement-session.ts';
import { readEvidenceIndex } from './evidence-index-source.ts';
import { gateFacts, photoAnnexSize } from './report-gate.ts';

const sessions: EngagementSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

/** The lead's file with a plan partly recorded as run, two surveillance items, and one merge conflict left open. */
function leadFile() {
  const { file, db, store } = newEngagementStore();
  const owner = { engagement_id: store.engagementId };
  const session = (title: string, start: string, kind = 'audit') => store.createRow('plan_session', { ...owner, day: '2026-12-08', start_time: start, end_time: `${start.slice(0, 2)}:45`, kind, title });
  const outcome = (sessionId: string, status: string) => store.createRow('session_outcome', { ...owner, session_id: sessionId, status });
  outcome(session('Opening meeting', '09:00', 'opening'), 'held');
  session('Lunch', '12:00', 'break');
  session('Change management', '10:00');
  outcome(session('Capacity management', '11:00'), 'planned');
  outcome(session('Supplier management', '14:00'), 'cancelled');
  outcome(session('Service continuity', '15:00'), 'added');
  store.createRow('surveillance_check', { ...owner, item: 'internal_audit', status: 'satisfactory', entry: 'Programme complete.' });
  store.createRow('surveillance_check', { ...owner, item: 'complaints', status: 'not_covered', entry: '' });
  store.createRow('surveillance_check', { ...owner, item: 'use_of_marks', status: 'concern', entry: 'Old logo on the website.' });
  db.close();

  // The lead and a member both change the objectives after the copy was issued: one open conflict.
  const lead = openLaptop(file, ACTOR_DANA);
  const member = issueMemberCopy(lead, tempDir(), 'Lee Chan', ACTOR_LEE);
  lead.store.updateRow('engagement', lead.store.engagementId, { objectives: 'The lead’s objectives' });
  member.store.updateRow('engagement', member.store.engagementId, { objectives: 'The member’s objectives' });
  importInto(lead, returnPackage(member, 'Lee Chan'));
  member.db.close();
  lead.db.close();
  return file;
}

function open(file: string): EngagementSession {
  const session = new EngagementSession('unused-vacuum-worker.cjs');
  session.open({ path: file, actorId: ACTOR_DANA });
  sessions.push(session);
  return session;
}

describe('what the report gate reads from the file', () => {
  it('counts open conflicts, covered surveillance items and working sessions not recorded as run', () => {
    const facts = gateFacts(open(leadFile()));
    expect({ ...facts, surveillanceCovered: [...facts.surveillanceCovered].sort() }).toEqual({
      openConflicts: 1,
      surveillanceCovered: ['internal_audit', 'use_of_marks'],
      // The engagement has no CB profile: the shipped default's wordings for a stage 2 (sampleEngagement).
      recommendationKeys: ['grant', 'grant-after-verification', 'grant-not-recommended'],
      // A break is no audit activity; held, cancelled and added sessions are recorded.
      sessionsNotRecorded: [
        { title: 'Change management', day: '2026-12-08', start: '10:00' },
        { title: 'Capacity management', day: '2026-12-08', start: '11:00' },
      ],
    });
  });

  it('counts the photos with a report copy, and their copies’ bytes; an evidence index lists references, uses and files', async () => {
    const { file, db, store } = newEngagementStore();
    const owner = { engagement_id: store.engagementId };
    const evidenceId = store.createRow('evidence_item', { ...owner, kind: 'observation', title: 'Server room', location: 'Building B', shown_by: 'Li Wei' });
    const member = store.createRow('team_member', { ...owner, name: 'Dana Auditor', initials: 'DA', role: 'lead' });
    const answer = store.createRow('checklist_answer', { ...owner, question_id: 'q-8.5.1-1', team_member_id: member, result: 'conforming' });
    store.createRow('answer_evidence', { ...owner, answer_id: answer, evidence_id: evidenceId });
    const finding = store.createRow('finding', { ...owner, raised_by: member, provisional_seq: 1, final_number: 'MIN-01', final_seq: 1, grade: 'minor', raised_on: '2026-12-09' });
    store.createRow('finding_evidence', { ...owner, finding_id: finding, evidence_id: evidenceId });
    store.createRow('evidence_item', { ...owner, title: 'Unused policy' });
    db.close();

    const session = open(file);
    expect(photoAnnexSize(session)).toEqual({ count: 0, bytes: 0 });
    const calls = evidenceCapability.calls(session);
    const attach = async (name: string, bytes: Buffer, fileKind: 'file' | 'photo' | 'screenshot') => {
      const { uploadId } = calls.beginUpload(name, bytes.length, '');
      await calls.uploadChunk(uploadId, 0, bytes.toString('base64'));
      return calls.commitUpload({ uploadId, evidenceId, newEvidence: null, fileKind, photographyPermittedBy: 'Li Wei', caption: '', memberId: null });
    };
    await attach('rack.jpg', await phoneJpeg(), 'photo');
    await attach('console.png', await screenshotPng(), 'screenshot');
    await attach('notes.txt', Buffer.from('not a photo'), 'file');

    const rows = session.store().listRows('evidence_file');
    const photo = rows.find((row) => row.file_kind === 'photo')!;
    const copy = session.blobs().info(photo.report_sha256 as string)!;
    // Screenshots have a report copy too; the annex counts photos.
    expect(rows.filter((row) => row.report_sha256).length).toBe(2);
    expect(photoAnnexSize(session)).toEqual({ count: 1, bytes: copy.byteSize });
    // Any image attached to a reference of kind photo is a photo of the annex.
    session.store().updateRow('evidence_item', evidenceId, { kind: 'photo' });
    const screenshot = rows.find((row) => row.file_kind === 'screenshot')!;
    expect(photoAnnexSize(session)).toEqual({ count: 2, bytes: copy.byteSize + session.blobs().info(screenshot.report_sha256 as string)!.byteSize });
    session.store().updateRow('evidence_item', evidenceId, { kind: 'observation' });

    const index = readEvidenceIndex(session);
    expect(index.references.map((reference) => [reference.title, reference.usedIn])).toEqual([
      ['Server room', ['Finding MIN-01', 'Checklist q-8.5.1-1']],
      ['Unused policy', []],
    ]);
    expect(index.references[0]).toMatchObject({ kind: 'observation', location: 'Building B', shownBy: 'Li Wei' });
    expect(index.files.map((entry) => [entry.fileName, entry.kind, entry.sha256.length, entry.size > 0])).toEqual([
      ['console.png', 'screenshot', 64, true],
      ['notes.txt', 'file', 64, true],
      ['rack.jpg', 'photo', 64, true],
    ]);
  });
});
