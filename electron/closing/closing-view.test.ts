import { describe, expect, it } from 'vitest';
import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import { chooseProfile } from '../profiles/engagement-profiles.ts';
import { profileSha256 } from '../profiles/profile-file.ts';
import type { Row } from '../store/engagement-store.ts';
import { openLaptop } from '../../tests/helpers/merge.ts';
import { cbProfileChina } from '../../tests/helpers/profiles.ts';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { acknowledgeNonconformity } from './acknowledge.ts';
import { closingView } from './closing-view.ts';
import { mySignature, saveMySignature } from './member-signature.ts';

const TODAY = '2026-12-10';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A stage 2 file on disk with a team, a plan with a closing meeting, and findings of every kind. */
function stage2() {
  const made = newEngagementStore({ actorId: ACTOR_DANA });
  const { store } = made;
  const e = store.engagementId;
  const add = (table: string, values: Row) => store.createRow(table, { engagement_id: e, ...values });
  const dana = add('team_member', { name: 'Dana Lead', initials: 'DL', role: 'lead', actor_id: null });
  const lee = add('team_member', { name: 'Lee Auditor', initials: 'LA', role: 'auditor', actor_id: null });
  const closing = add('plan_session', { day: '2026-12-10', start_time: '16:00', end_time: '16:45', kind: 'closing', title: '' });
  const audit = add('plan_session', { day: '2026-12-09', start_time: '09:00', end_time: '12:00', kind: 'audit', title: 'Change management', remote: 1, remote_tool: 'Teams' });
  const onSite = add('plan_session', { day: '2026-12-09', start_time: '13:00', end_time: '15:00', kind: 'audit', title: 'Incident management' });
  add('plan_session', { day: '2026-12-09', start_time: '12:00', end_time: '13:00', kind: 'break', title: 'Lunch', remote: 1 });
  add('session_outcome', { session_id: audit, status: 'held', mode: 'as_planned', remote_effectiveness: 'effective', remote_note: 'Screen sharing of the ITSM tool worked' });
  add('session_outcome', { session_id: onSite, status: 'cancelled', reason: 'Process owner ill' });
  add('attendance', { session_id: closing, name: 'Dana Lead', role: 'Lead auditor', organization: 'CB', presence: 'present' });
  add('attendance', { session_id: closing, name: 'Wei Zhang', role: 'IT director', organization: 'Client', presence: 'remote' });
  add('meeting_point', { session_id: closing, point: 'sampling_disclaimer', confirmed: 1, note: '' });
  const finding = (raisedBy: string, seq: number, grade: string, extra: Row = {}) => add('finding', { raised_by: raisedBy, provisional_seq: seq, source_kind: 'none', grade, raised_on: '2026-12-09', ...extra });
  const major = finding(dana, 1, 'major', { not_fulfilled: 'No emergency change was reviewed by the ECAB.' });
  const minor = finding(lee, 1, 'minor');
  const closedMinor = finding(lee, 2, 'minor');
  const ofi = finding(dana, 2, 'improvement');
  add('finding_clause', { finding_id: major, clause: '8.5.1.3' });
  add('corrective_action', { finding_id: closedMinor, state: 'closed' });
  add('nc_acknowledgement', { finding_id: major, status: 'signed', signer_name: 'Wei Zhang', signer_role: 'IT director', signature: PNG, recorded_at: '2026-12-10T16:30:00.000Z', recorded_by: dana });
  add('nc_acknowledgement', { finding_id: minor, status: 'declined', declined_reason: 'Disagrees with the sample', recorded_at: '2026-12-10T16:35:00.000Z', recorded_by: dana });
  add('diverging_opinion', { finding_id: minor, auditee_view: 'The sample was too small', team_response: 'Three of five records lacked approval', status: 'unresolved' });
  add('diverging_opinion', { finding_id: major, auditee_view: 'Settled', status: 'resolved' });
  add('audit_statement', { item: 'scope_appropriate', verdict: 'yes', text: 'Scope confirmed' });
  made.db.close();
  const laptop = openLaptop(made.file, ACTOR_DANA);
  return { ...laptop, ids: { dana, lee, closing, major, minor, closedMinor, ofi } };
}

describe('the closing view, read from a real file', () => {
  it('gives the closing meeting, the findings with their acknowledgements and the suggestion from the open nonconformities', () => {
    const { store, db, ids } = stage2();
    const view = closingView(store, db, { memberId: ids.dana, name: 'Dana Lead' }, TODAY);
    expect(view.sessions).toEqual([expect.objectContaining({ id: ids.closing, attendance: { present: 1, remote: 1, absent: 0 } })]);
    expect(view.points).toEqual([expect.objectContaining({ point: 'sampling_disclaimer', confirmed: true })]);
    const byId = new Map(view.findings.map((finding) => [finding.id, finding]));
    expect(byId.get(ids.major)).toMatchObject({ label: 'DL-P1', major: true, open: true, clauses: ['8.5.1.3'], acknowledgement: { status: 'signed', signerName: 'Wei Zhang', recordedByName: 'Dana Lead' } });
    expect(byId.get(ids.minor)).toMatchObject({ major: false, open: true, acknowledgement: { status: 'declined', declinedReason: 'Disagrees with the sample' } });
    expect(byId.get(ids.closedMinor)).toMatchObject({ open: false, caState: 'closed' });
    expect(byId.get(ids.ofi)).toMatchObject({ isNonconformity: false, open: false, acknowledgement: null });
    // An open major at stage 2: granted only once verified.
    expect(view.recommendation.suggestion).toMatchObject({ key: 'grant-after-verification', openMajors: 1, openMinors: 1, basis: 'open_major', suspension: false });
    expect(view.recommendation.stored).toBeNull();
    expect(view.unresolvedOpinions).toEqual([{ findingId: ids.minor, findingLabel: 'LA-P1', auditeeView: 'The sample was too small', teamResponse: 'Three of five records lacked approval' }]);
    expect(view.statements).toEqual([expect.objectContaining({ item: 'scope_appropriate', verdict: 'yes' })]);
    expect(view.initialCertification).toBe(true);
    // No CB profile: no no-penalties statement.
    expect(view.items).not.toContain('no_penalties');
    expect(view.items).toContain('significant_changes');
    // Remote facts: the break and the cancelled session do not count.
    expect(view.remote).toEqual({ held: 2, remote: 1, tools: ['Teams'], effectiveness: { effective: 1, partly_effective: 0, not_effective: 0, not_assessed: 0 }, notes: ['Screen sharing of the ITSM tool worked'] });
  });

  it('turns to suspension at a surveillance with an open major, and asks the no-penalties statement of a Chinese CB', () => {
    const { store, db, ids } = stage2();
    store.updateRow('engagement', store.engagementId, { audit_type: 'surveillance1' });
    const base = cbProfileChina();
    const china: CbProfile = { ...base, requiredReportFields: [...base.requiredReportFields, 'no-penalties-statement'] };
    chooseProfile(store, { profileId: china.id, version: china.version, sha256: profileSha256(china), title: china.title.en!, content: JSON.stringify(china) }, ACTOR_DANA, Date.now());
    store.createRow('audit_statement', { engagement_id: store.engagementId, item: 'recommendation', verdict: 'continue-after-verification', reason: 'Correction already made on site' });
    const view = closingView(store, db, { memberId: ids.dana, name: 'Dana Lead' }, TODAY);
    expect(view.recommendation.suggestion).toMatchObject({ key: 'continue-not-recommended', suspension: true });
    expect(view.recommendation.stored).toMatchObject({ verdict: 'continue-after-verification', reason: 'Correction already made on site' });
    expect(view.statements.map((row) => row.item)).not.toContain('recommendation');
    expect(view.items).toContain('no_penalties');
    expect(view.initialCertification).toBe(false);
  });

  it('suggests readiness at stage 1 from the readiness areas', () => {
    const { store, db } = stage2();
    store.updateRow('engagement', store.engagementId, { audit_type: 'stage1' });
    const e = store.engagementId;
    const readinessOf = () => closingView(store, db, { memberId: null, name: null }, TODAY).recommendation.suggestion;
    expect(readinessOf()).toMatchObject({ key: null, basis: 'stage1_open' });
    for (const area of ['sms_documentation', 'operating_period', 'internal_audit', 'management_review', 'scope_and_services', 'sites_and_resources', 'service_records']) {
      store.createRow('readiness', { engagement_id: e, area, status: area === 'internal_audit' ? 'ready_with_concerns' : 'ready', note: '' });
    }
    expect(readinessOf()).toMatchObject({ key: 'stage1-ready', areasOfConcern: 1 });
    const items = closingView(store, db, { memberId: null, name: null }, TODAY).items;
    expect(items).not.toContain('marks_control');
    expect(items).not.toContain('significant_changes');
  });

  it('keeps one signature per member: drawn, redrawn, and an empty pad refused', () => {
    const { store, ids } = stage2();
    const typing = { memberId: ids.lee, name: 'Lee Auditor' };
    expect(mySignature(store, typing).signature).toBeNull();
    expect(() => saveMySignature(store, typing, 'data:image/png;base64,', '2026-12-10T17:00:00.000Z')).toThrow(expect.objectContaining({ code: 'SIGNATURE_EMPTY' }));
    expect(() => saveMySignature(store, typing, 'data:text/html;base64,PGI+', '2026-12-10T17:00:00.000Z')).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    const first = saveMySignature(store, typing, PNG, '2026-12-10T17:00:00.000Z').signature!;
    const again = saveMySignature(store, typing, `${PNG.slice(0, -4)}AAA=`, '2026-12-10T17:05:00.000Z').signature!;
    expect(again.id).toBe(first.id);
    expect(again.drawnAt).toBe('2026-12-10T17:05:00.000Z');
    expect(store.listRows('member_signature')).toHaveLength(1);
    expect(() => saveMySignature(store, { memberId: null, name: null }, PNG, '2026-12-10T17:00:00.000Z')).toThrow(expect.objectContaining({ code: 'NOT_A_TEAM_MEMBER' }));
    expect(mySignature(store, { memberId: ids.dana, name: 'Dana Lead' }).signature).toBeNull();
  });
});

describe('the auditee’s acknowledgement of a nonconformity', () => {
  it('stores a drawn signature or a refusal with its reason, recorded by the typing member; signing again replaces it', () => {
    const { store, db, ids } = stage2();
    const typing = { memberId: ids.lee, name: 'Lee Auditor' };
    const at = '2026-12-10T16:50:00.000Z';
    const signed = { findingId: ids.closedMinor, status: 'signed' as const, signerName: ' Wei Zhang ', signerRole: 'IT director', signature: PNG, declinedReason: 'ignored' };
    const id = acknowledgeNonconformity(store, db, typing, signed, at);
    expect(store.getRow('nc_acknowledgement', id)).toMatchObject({ status: 'signed', signer_name: 'Wei Zhang', declined_reason: '', recorded_by: ids.lee, recorded_at: at });
    const again = acknowledgeNonconformity(store, db, typing, { ...signed, status: 'declined', declinedReason: 'Wants to discuss with the CEO first', signature: PNG }, at);
    expect(again).toBe(id);
    expect(store.getRow('nc_acknowledgement', id)).toMatchObject({ status: 'declined', signature: '', declined_reason: 'Wants to discuss with the CEO first' });
  });

  it('refuses an empty pad, a missing signer or reason, a finding that is no nonconformity or not there', () => {
    const { store, db, ids } = stage2();
    const typing = { memberId: ids.dana, name: 'Dana Lead' };
    const base = { findingId: ids.minor, status: 'signed' as const, signerName: 'Wei Zhang', signerRole: '', signature: PNG, declinedReason: '' };
    const refusal = (input: typeof base | (Omit<typeof base, 'status'> & { status: 'declined' })) => {
      try {
        acknowledgeNonconformity(store, db, typing, input, '2026-12-10T16:50:00.000Z');
      } catch (error) {
        return (error as { code: string; params: unknown }).code + ':' + JSON.stringify((error as { params: unknown }).params);
      }
      return 'stored';
    };
    expect(refusal({ ...base, signature: '' })).toBe('SIGNATURE_EMPTY:{}');
    expect(refusal({ ...base, signature: 'data:image/png;base64,' })).toBe('SIGNATURE_EMPTY:{}');
    expect(refusal({ ...base, signerName: '  ' })).toBe('INVALID_VALUE:{"field":"signer_name"}');
    expect(refusal({ ...base, status: 'declined', declinedReason: ' ' })).toBe('INVALID_VALUE:{"field":"declined_reason"}');
    expect(refusal({ ...base, findingId: ids.ofi })).toBe('INVALID_VALUE:{"field":"finding_id"}');
    expect(refusal({ ...base, findingId: 'no-such-finding' })).toMatch(/^FINDING_NOT_FOUND/);
    // The earlier acknowledgement of this finding is untouched by the refusals.
    expect(store.listRows('nc_acknowledgement').find((row) => row.finding_id === ids.minor)).toMatchObject({ status: 'declined', declined_reason: 'Disagrees with the sample' });
  });
});
