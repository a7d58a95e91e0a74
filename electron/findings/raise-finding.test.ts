import { describe, expect, it } from 'vitest';
import { AREA_OF_CONCERN } from '../../shared/findings/finding-kinds.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { packToCopy, shippedPacks } from '../packs/index.ts';
import { choosePack } from '../packs/worker.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { openLaptop } from '../../tests/helpers/merge.ts';
import { findingsView } from './findings-view.ts';
import { raiseFinding } from './raise-finding.ts';

const PACK = packToCopy(shippedPacks()[0]!);
/** 10:30 in London on the audit's second day (December: UTC). */
const DAY2 = Date.parse('2026-12-08T10:30:00Z');

/** The lead's file: the shipped pack, a team, a site, a service, and the change session at the data centre. */
function leadFile(audit: { audit_type?: string } = {}) {
  const made = newEngagementStore({ actorId: ACTOR_DANA });
  const { store } = made;
  if (audit.audit_type) store.updateRow('engagement', store.engagementId, { audit_type: audit.audit_type });
  choosePack(store, PACK, ACTOR_DANA, Date.parse('2026-11-20T09:00:00Z'));
  const engagement_id = store.engagementId;
  const member = (name: string, initials: string, role: string) => store.createRow('team_member', { engagement_id, name, initials, role, actor_id: null });
  const ids = { dana: member('Dana Lead', 'DL', 'lead'), lee: member('Lee Auditor', 'LA', 'auditor') };
  const site = store.createRow('site', { engagement_id, name: 'Hamburg data centre', kind: 'permanent' });
  const hosting = store.createRow('service', { engagement_id, name: 'Managed hosting' });
  const session = store.createRow('plan_session', { engagement_id, day: '2026-12-08', start_time: '09:00', end_time: '12:30', kind: 'audit', title: 'Change management', site_id: site });
  store.createRow('plan_session_topic', { engagement_id, session_id: session, kind: 'process', topic: 'change' });
  store.createRow('plan_session_service', { engagement_id, session_id: session, service_id: hosting });
  made.db.close();
  const lead = openLaptop(made.file, ACTOR_DANA);
  return { lead, store: lead.store, ids, site, hosting, session };
}

const links = (store: EngagementStore, table: string, findingId: string, field: string) =>
  store.listRows(table).filter((row) => row.finding_id === findingId).map((row) => row[field]);

describe('raising a finding', () => {
  it('from a checklist answer: clause, process, requirement, notes, evidence, interviewee, answer, session, site and service, graded minor', () => {
    const { store, ids, site, hosting, session } = leadFile();
    const engagement_id = store.engagementId;
    const answer = store.createRow('checklist_answer', {
      engagement_id,
      question_id: '8.5.1.3-q01',
      team_member_id: ids.lee,
      result: 'nonconformity',
      notes: 'Emergency changes CHG-4471 (3 Nov 2026) and CHG-4502 (19 Nov 2026) deployed without CAB review.',
      session_id: session,
    });
    const minutes = store.createRow('evidence_item', { engagement_id, kind: 'record', title: 'CAB minutes Nov 2026' });
    store.createRow('answer_evidence', { engagement_id, answer_id: answer, evidence_id: minutes });
    const jane = store.createRow('person', { engagement_id, name: 'Jane Smith', role: 'Change manager' });
    store.createRow('answer_person', { engagement_id, answer_id: answer, person_id: jane });

    const raised = raiseFinding(store, ids.lee, { source: { kind: 'answer', answerId: answer } }, DAY2);
    expect(raised.label).toBe('LA-P1');
    const finding = store.getRow('finding', raised.findingId);
    expect(finding).toMatchObject({
      raised_by: ids.lee,
      provisional_seq: 1,
      source_kind: 'answer',
      grade: 'minor',
      process: 'change',
      evidence: 'Emergency changes CHG-4471 (3 Nov 2026) and CHG-4502 (19 Nov 2026) deployed without CAB review.',
      auditee_representative: 'Jane Smith, Change manager',
      raised_on: '2026-12-08',
      session_id: session,
      final_number: '',
      final_seq: null,
    });
    expect(String(finding.requirement)).toMatch(/^ISO\/IEC 20000-1.*8\.5\.1\.3 Change management activities: Recorded changes are assessed/);
    expect(links(store, 'finding_clause', raised.findingId, 'clause')).toEqual(['8.5.1.3']);
    expect(links(store, 'finding_site', raised.findingId, 'site_id')).toEqual([site]);
    expect(links(store, 'finding_service', raised.findingId, 'service_id')).toEqual([hosting]);
    expect(links(store, 'finding_evidence', raised.findingId, 'evidence_id')).toEqual([minutes]);
    expect(links(store, 'finding_answer', raised.findingId, 'answer_id')).toEqual([answer]);
    expect(store.verifyChain()).toMatchObject({ ok: true });
  });

  it('from a notebook entry: plain text, §clauses, [[documents]] that exist, #records filed, the first person, the topic as process', () => {
    const { store, ids, session } = leadFile();
    const engagement_id = store.engagementId;
    const policy = store.createRow('evidence_item', { engagement_id, kind: 'document', title: 'Change Policy v3.2' });
    const record = store.createRow('record_seen', { engagement_id, topic: 'change', record_ref: 'CHG-4471' });
    const entry = store.createRow('notebook_entry', {
      engagement_id,
      session_id: session,
      team_member_id: ids.dana,
      written_at: '2026-12-08T09:40:00.000Z',
      topic: '',
      body: '@Jane Smith, Change manager; showed #CHG-4471: no CAB review recorded, contrary to [[change policy v3.2]] section 4 and [[Unknown memo]]. §8.5.1.3',
    });
    const raised = raiseFinding(store, ids.dana, { source: { kind: 'notebook', entryId: entry } }, DAY2);
    expect(store.getRow('finding', raised.findingId)).toMatchObject({
      source_kind: 'notebook',
      grade: 'observation',
      process: 'change',
      auditee_representative: 'Jane Smith, Change manager',
      evidence: 'Jane Smith, Change manager; showed CHG-4471: no CAB review recorded, contrary to change policy v3.2 section 4 and Unknown memo. §8.5.1.3',
      session_id: session,
    });
    expect(links(store, 'finding_clause', raised.findingId, 'clause')).toEqual(['8.5.1.3']);
    expect(links(store, 'finding_evidence', raised.findingId, 'evidence_id')).toEqual([policy]);
    expect(links(store, 'finding_record', raised.findingId, 'record_id')).toEqual([record]);
    expect(links(store, 'finding_note', raised.findingId, 'entry_id')).toEqual([entry]);
  });

  it('from a record seen: its topic, note and failed attributes, their clause, its evidence, its query’s site and session; a failed record suggests a minor', () => {
    const { store, ids, session } = leadFile();
    const engagement_id = store.engagementId;
    const office = store.createRow('site', { engagement_id, name: 'Head office', kind: 'central' });
    const query = store.createRow('record_query', { engagement_id, topic: 'change', site_id: office, session_id: session, team_member_id: ids.lee, sampling_plan: '8.5.1-s03' });
    const tool = store.createRow('evidence_item', { engagement_id, kind: 'record', title: 'ServiceNow change list' });
    const record = store.createRow('record_seen', { engagement_id, topic: 'change', record_ref: 'CHG-4502', query_id: query, result: 'fail', note: 'Emergency change of 19 Nov 2026', evidence_id: tool });
    store.createRow('record_attribute', { engagement_id, record_id: record, attribute: '8.5.1-s03-a04', result: 'fail', note: 'not on the CAB agenda of 24 Nov' });
    store.createRow('record_attribute', { engagement_id, record_id: record, attribute: '8.5.1-s03-a01', result: 'pass' });
    const raised = raiseFinding(store, ids.lee, { source: { kind: 'record', recordId: record } }, DAY2);
    expect(store.getRow('finding', raised.findingId)).toMatchObject({
      source_kind: 'record',
      grade: 'minor',
      process: 'change',
      evidence: 'Record CHG-4502: Emergency change of 19 Nov 2026\n- Not met: Reviewed after implementation (e.g. at the next CAB) (not on the CAB agenda of 24 Nov)',
      session_id: session,
    });
    expect(links(store, 'finding_clause', raised.findingId, 'clause')).toEqual(['8.5.1']);
    expect(links(store, 'finding_site', raised.findingId, 'site_id')).toEqual([office]);
    expect(links(store, 'finding_evidence', raised.findingId, 'evidence_id')).toEqual([tool]);
    expect(links(store, 'finding_record', raised.findingId, 'record_id')).toEqual([record]);
  });

  it('numbers provisionally per member, counting deleted findings, so an undone delete never shares a number', () => {
    const { store, ids } = leadFile();
    const first = raiseFinding(store, ids.lee, { source: { kind: 'none' } }, DAY2);
    store.deleteRow('finding', first.findingId);
    const second = raiseFinding(store, ids.lee, { source: { kind: 'none' } }, DAY2);
    const other = raiseFinding(store, ids.dana, { source: { kind: 'none' } }, DAY2);
    expect([first.label, second.label, other.label]).toEqual(['LA-P1', 'LA-P2', 'DL-P1']);
    store.restoreRow('finding', first.findingId);
    expect(findingsView(store.db, ids.lee).findings.map((finding) => finding.label).sort()).toEqual(['DL-P1', 'LA-P1', 'LA-P2']);
  });

  it('dates a finding today in the engagement’s time zone, kept within the audit’s dates', () => {
    const { store, ids } = leadFile();
    // 23:30 UTC on 7 Dec is 00:30 on 8 Dec in Berlin.
    const late = raiseFinding(store, ids.lee, { source: { kind: 'none' } }, Date.parse('2026-12-07T23:30:00Z'));
    const before = raiseFinding(store, ids.lee, { source: { kind: 'none' } }, Date.parse('2026-12-06T18:00:00Z'));
    const after = raiseFinding(store, ids.lee, { source: { kind: 'none' } }, Date.parse('2026-12-14T09:00:00Z'));
    expect([late, before, after].map((raised) => store.getRow('finding', raised.findingId).raised_on)).toEqual(['2026-12-08', '2026-12-07', '2026-12-09']);
  });

  it('takes the grade asked for, refuses one the scale does not have, and records areas of concern at stage 1', () => {
    const { store, ids } = leadFile();
    expect(store.getRow('finding', raiseFinding(store, ids.lee, { source: { kind: 'none' }, grade: 'major' }, DAY2).findingId).grade).toBe('major');
    expect(() => raiseFinding(store, ids.lee, { source: { kind: 'none' }, grade: 'critical' }, DAY2)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', params: expect.objectContaining({ field: 'grade' }) }),
    );
    const stage1 = leadFile({ audit_type: 'stage1' });
    const concern = raiseFinding(stage1.store, stage1.ids.lee, { source: { kind: 'none' } }, DAY2);
    expect(stage1.store.getRow('finding', concern.findingId).grade).toBe(AREA_OF_CONCERN);
    expect(findingsView(stage1.store.db, null)).toMatchObject({ stage1: true, findings: [{ grade: AREA_OF_CONCERN, gradeKnown: true, isNonconformity: false }] });
  });

  it('refuses a source deleted meanwhile, naming it, and writes nothing', () => {
    const { store, ids } = leadFile();
    const answer = store.createRow('checklist_answer', { engagement_id: store.engagementId, question_id: '8.5.1.3-q01', team_member_id: ids.lee, result: 'nonconformity' });
    store.deleteRow('checklist_answer', answer);
    let error: unknown;
    try {
      raiseFinding(store, ids.lee, { source: { kind: 'answer', answerId: answer } }, DAY2);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'ROW_NOT_FOUND', params: { table: 'checklist_answer', id: answer } });
    expect(() => raiseFinding(store, ids.lee, { source: { kind: 'record', recordId: 'no-such-record' } }, DAY2)).toThrow(expect.objectContaining({ code: 'ROW_NOT_FOUND' }));
    expect(store.listRows('finding', true)).toEqual([]);
  });
});

describe('the findings view', () => {
  it('lists live findings with their links, dismissals and opinions; keeps a grade the profile no longer defines, flagged', () => {
    const { store, ids } = leadFile();
    const engagement_id = store.engagementId;
    const raised = raiseFinding(store, ids.lee, { source: { kind: 'none' } }, DAY2);
    store.createRow('finding_clause', { engagement_id, finding_id: raised.findingId, clause: '8.5.1.3' });
    store.createRow('finding_dismissal', { engagement_id, finding_id: raised.findingId, part: 'evidence', code: 'vague', subject: 'some', reason: 'Quoting the client' });
    store.createRow('diverging_opinion', { engagement_id, finding_id: raised.findingId, auditee_view: 'The CAB chair approved by phone.' });
    store.updateRow('finding', raised.findingId, { grade: 'severe' });
    const gone = raiseFinding(store, ids.dana, { source: { kind: 'none' } }, DAY2);
    store.deleteRow('finding', gone.findingId);
    store.createRow('earlier_nc', { engagement_id, source_ref: 'typed:1', number: 'NC-2025-03', clause: '8.5.1.3', statement: 'Emergency changes not reviewed', effectiveness: 'not_assessed' });
    store.createRow('earlier_nc', { engagement_id, source_ref: 'typed:2', number: 'NC-2025-04', clause: '9.2', statement: 'Audit programme', effectiveness: 'effective' });
    store.updateRow('engagement', engagement_id, { earlier_last_finding_seq: 4 });

    const view = findingsView(store.db, ids.lee);
    expect(view).toMatchObject({ stage1: false, fromProfile: false, leadMemberId: ids.dana, typingMemberId: ids.lee, earlierLastSeq: 4 });
    expect(view.grades.map((grade) => grade.key)).toEqual(['major', 'minor', 'observation', 'improvement', 'good-practice']);
    expect(view.findings).toHaveLength(1);
    expect(view.findings[0]).toMatchObject({
      label: 'LA-P1',
      raisedByName: 'Lee Auditor',
      grade: 'severe',
      gradeKnown: false,
      isNonconformity: false,
      clauses: [{ target: '8.5.1.3' }],
      dismissals: [{ part: 'evidence', code: 'vague', subject: 'some', reason: 'Quoting the client' }],
      opinions: [{ auditeeView: 'The CAB chair approved by phone.', status: 'unresolved' }],
    });
    expect(view.earlierNcs.map((nc) => [nc.number, nc.uncorrected])).toEqual([
      ['NC-2025-03', true],
      ['NC-2025-04', false],
    ]);
  });
});
