import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ACTOR_DANA } from '../../tests/helpers/store.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { openEngagementFile } from './engagement-file.ts';
import { fileAtVersion } from '../../tests/helpers/legacy-writer.ts';
import { EngagementStore } from './engagement-store.ts';
import { ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION } from './migrations/index.ts';
import { assertOrdered, expectedSchema, readSchema } from './schema.ts';

/**
 * The schema each released step produces, as a hash. Editing a released migration changes files in
 * the field, so it must fail here: add a new step instead.
 */
const RELEASED_SCHEMA_HASHES: Record<number, string> = {
  1: '5045ab510619f8fff47532c2328bff16efaa3f45f5d5f2b890cb40bfe13a55b7',
  2: '809587aeb25686004960a9422de4092631aea195f313dccb02ee29e883790b5a',
  3: '7479cfde4cbdd5fe7ac78ac05e3079fc347150a1393806f44f63bfe69cc5bc02',
  4: '1bd941b7fcf140fbbe2df620fcd597a55573674c9d0fac13ce17ce8ff57648fa',
  5: '843ee817d86cf241743de735e9de9a70e5e7d63dc25df3e2a6f6b3025a47f17e',
  6: '03c8cb56f50105fe1ccd43c3f61209c8980676d7f1421f45fc5bab3d6bddb343',
  7: '064ea96f9be165d33fed9496ef2f4a7cb7dd3857db372f76a1abfb13afeed7e7',
  8: '108c52d5f6b89d454fac1fc65296baf504a48e53259e0536a2b8c4669ba21083',
  9: '8465233cbfb7ca5cb1fb1be48253194650d80d4bece84b4c670d95d79a1c9b24',
  10: '79c9a36c5692caaa8794931230e9e1fa53e6cf13f7fa857f503b48505a736e8b',
  11: '0991254a90f42ed61acf840b8851ea5e2215a6e2f74af8fc1b9a9fe1d62aca94',
  12: '3cb572d47f3db1ecc487b8f7246278ed094664a3576f2d4ecc3482ca0918d719',
  13: '740413529abeda178ff4de1a1d27aa138bfd51f8f2f77edb2f7ebedc89e304cd',
  14: '0e03c235983a4eaf263ee938182a58fc0a129428a085f3fa6845d04af39efc1a',
  15: 'd8f58268c61608250bd69dbf562b9db76a8747984b8a15cc101ad3f255790358',
  16: 'f829cf65bb8b722df51685590a26d67b7df3710ffb7a5fb512a6a2c577410836',
  17: 'd0deea558ba91b57ec97e5504cee501d2e509d5bee9b3a66ec02a6cf5f4cc601',
  18: '047737779f7fdbfed35030dadaed2e8bce45888304e5b31e4793a808f3996a9b',
};

const schemaHash = (version: number): string =>
  createHash('sha256')
    .update(JSON.stringify(expectedSchema(ENGAGEMENT_MIGRATIONS, version, 'engagement')))
    .digest('hex');

describe('engagement migrations', () => {
  it('are numbered 1..n in order with valid reader versions', () => {
    expect(() => assertOrdered(ENGAGEMENT_MIGRATIONS)).not.toThrow();
    expect(LATEST_ENGAGEMENT_VERSION).toBe(ENGAGEMENT_MIGRATIONS.length);
  });

  it.each(Object.keys(RELEASED_SCHEMA_HASHES).map(Number))('released step %i is unchanged (append-only)', (version) => {
    expect(schemaHash(version)).toBe(RELEASED_SCHEMA_HASHES[version]);
  });

  it('step 1 creates the file identity, replicas, change log and engagement', () => {
    const file = fileAtVersion(1);
    const db = new Database(file, { readonly: true });
    const tables = readSchema(db).filter((o) => o.type === 'table').map((o) => o.name);
    expect(tables).toEqual(['change_log', 'change_value', 'engagement', 'file_meta', 'replica', 'schema_migration']);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT min_reader_version FROM schema_migration').pluck().all()).toEqual(['0.1.0']);
    db.close();
  });

  it('step 2 adds sites and team to a version-1 file, keeps its data and backs up first', () => {
    const file = fileAtVersion(1);
    const backups = tempDir();
    const opened = openEngagementFile(file, {
      backupBeforeMigration: (db, migration) => db.prepare('VACUUM INTO ?').run(path.join(backups, `before-v${migration.version}.iso20k`)),
    });
    expect(opened.migratedFrom).toBe(1);
    expect(opened.userVersion).toBe(LATEST_ENGAGEMENT_VERSION);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId).client_name).toBe(sampleEngagement().client_name);
    store.createRow('site', { engagement_id: store.engagementId, name: 'Leipzig', kind: 'permanent' });
    expect(store.verifyChain().ok).toBe(true);
    opened.db.close();

    const backup = new Database(path.join(backups, 'before-v2.iso20k'), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    // One backup before every step after the first.
    expect(fs.readdirSync(backups).sort()).toEqual(Array.from({ length: LATEST_ENGAGEMENT_VERSION - 1 }, (_, i) => `before-v${i + 2}.iso20k`).sort());
  });

  it('step 3 moves change values into a rowid table and indexes the clock, keeping the chain valid', () => {
    const file = fileAtVersion(2, 20);
    const before = new Database(file, { readonly: true });
    const values = before.prepare('SELECT * FROM change_value ORDER BY replica_id, seq').all();
    before.close();

    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(2);
    expect(opened.db.prepare('SELECT * FROM change_value ORDER BY replica_id, seq').all()).toEqual(values);
    const plan = opened.db.prepare('EXPLAIN QUERY PLAN SELECT MAX(hlc) FROM change_log').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/change_log_by_hlc/);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    store.updateRow('engagement', store.engagementId, { scope: 'after the upgrade' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 4 adds decisions, replica knowledge, conflicts and team records, keeping old entries valid', () => {
    const file = fileAtVersion(3);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(3);
    const columns = (opened.db.pragma('table_info(change_log)') as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('settles');
    const tables = readSchema(opened.db).filter((o) => o.type === 'table').map((o) => o.name);
    expect(tables).toEqual(expect.arrayContaining(['replica_knowledge', 'conflict', 'import_record', 'member_copy']));
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.verifyChain()).toMatchObject({ ok: true }); // entries hashed before "settles" existed still verify
    store.updateRow('engagement', store.engagementId, { scope: 'after step 4' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 6 gives sites their scope and headcount: existing sites in scope, headcount unknown; the chain stays valid', () => {
    const file = fileAtVersion(5, 1);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(5);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('site', 'site-0')).toMatchObject({ name: 'Site 0', in_scope: 1, headcount: null });
    store.updateRow('site', 'site-0', { in_scope: 0, headcount: 120 });
    expect(store.getRow('site', 'site-0')).toMatchObject({ in_scope: 0, headcount: 120 });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 7 adds the preparation facts: empty texts, unknown flags and days, a single-standard audit; the chain stays valid', () => {
    const file = fileAtVersion(6, 1);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(6);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId)).toMatchObject({
      client_representative: '',
      client_credit_code: '',
      licence_covers_scope: null,
      audit_language: '',
      transferred_from: '',
      combination: 'single',
      other_standards: '',
      team_notified_on: null,
    });
    store.updateRow('engagement', store.engagementId, { combination: 'integrated', other_standards: 'ISO/IEC 27001:2022', licence_covers_scope: 1, team_notified_on: '2026-11-16' });
    const member = store.createRow('team_member', { engagement_id: store.engagementId, name: 'Wei Zhang', initials: 'WZ', role: 'auditor' });
    expect(store.getRow('team_member', member)).toMatchObject({ registration_number: '', no_conflict: null, conflict_note: '', declared_on: null, declared_by: '' });
    store.updateRow('team_member', member, { no_conflict: 1, declared_on: '2026-11-13', declared_by: 'Wei Zhang' });
    expect(store.getRow('engagement', store.engagementId)).toMatchObject({ combination: 'integrated', licence_covers_scope: 1, team_notified_on: '2026-11-16' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 8 adds the certificate and earlier audits: unknown until entered; the chain stays valid', () => {
    const file = fileAtVersion(7);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(7);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId)).toMatchObject({ certificate_number: '', certification_decision_on: null, certificate_expires_on: null });
    store.updateRow('engagement', store.engagementId, { certificate_number: 'ITSM-2023-0412', certification_decision_on: '2024-01-15', certificate_expires_on: '2027-01-14' });
    const audit = store.createRow('earlier_audit', { engagement_id: store.engagementId, audit_type: 'surveillance1' });
    expect(store.getRow('earlier_audit', audit)).toMatchObject({ start_date: null, covered_clauses: '', deleted: 0 });
    store.updateRow('earlier_audit', audit, { start_date: '2025-01-13', end_date: '2025-01-14', covered_clauses: '4, 5, 8.1–8.3, 9.2' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 9 adds scope wording, services, their process coverage and other parties; the chain stays valid', () => {
    const file = fileAtVersion(8);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(8);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId)).toMatchObject({ sms_scope: '', certificate_wording: '', certificate_second_language: '' });
    const service = store.createRow('service', { engagement_id: store.engagementId, name: 'Managed hosting' });
    store.createRow('service_process', { engagement_id: store.engagementId, service_id: service, process_key: 'incident' });
    const party = store.createRow('other_party', { engagement_id: store.engagementId, name: 'Northern Power DC', kind: 'external_supplier', operates_element: 'component' });
    expect(store.getRow('other_party', party)).toMatchObject({ service_id: null, control: '', operates: '' });
    store.updateRow('other_party', party, { service_id: service, control: 'Contract with monthly service reviews' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 10 adds the MD 1 answers and each site\'s place in the sample: unanswered, sampling appropriate, no site sampled', () => {
    const file = fileAtVersion(9, 2);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(9);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId)).toMatchObject({ md1_one_system: null, md1_sampling_appropriate: 1, md1_seed: '', md1_inputs_hash: '' });
    expect(store.getRow('site', 'site-1')).toMatchObject({ sample_basis: 'none', sample_reason: '' });
    store.updateRow('site', 'site-1', { sample_basis: 'chosen', sample_reason: 'Major NC at the last audit' });
    store.updateRow('engagement', store.engagementId, { md1_one_system: 1, md1_seed: '00112233445566778899aabbccddeeff' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 11 adds auditor-days: personnel, table value and allocation unknown, adjustments with reasons; the chain stays valid', () => {
    const file = fileAtVersion(10);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(10);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId)).toMatchObject({ effective_personnel: null, table_auditor_days: null, allocated_onsite_days: null, allocation_justification: '' });
    store.updateRow('engagement', store.engagementId, { effective_personnel: 247, table_auditor_days: 9.5, allocated_onsite_days: 6, allocated_remote_days: 1.5 });
    const adjustment = store.createRow('time_adjustment', { engagement_id: store.engagementId, unit: 'percent', amount: -20, reason: 'Low complexity: one service, one site' });
    expect(store.getRow('time_adjustment', adjustment)).toMatchObject({ unit: 'percent', amount: -20 });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 12 adds CB profiles and the engagement\'s profile, keeping the chain valid', () => {
    const file = fileAtVersion(11);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(11);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId).cb_profile_id).toBeNull();
    const row = { profile_id: 'cb.test', version: '1.0.0', sha256: 'b'.repeat(64), title: 'Test CB', content: '{}', added_at: '2026-11-24T00:00:00.000Z', added_by: ACTOR_DANA };
    expect(store.addImmutable('cb_profile', 'profile-1', row)).toBe(true);
    expect(store.addImmutable('cb_profile', 'profile-1', row)).toBe(false);
    store.updateRow('engagement', store.engagementId, { cb_profile_id: 'profile-1' });
    expect(store.getRow('engagement', store.engagementId).cb_profile_id).toBe('profile-1');
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 13 adds the audit plan (sessions and their links) and the register of exported documents, keeping the chain valid', () => {
    const file = fileAtVersion(12, 1);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(12);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId).surveillance_clauses).toBe('');
    const session = store.createRow('plan_session', { engagement_id: store.engagementId, day: '2027-03-08', start_time: '09:00', end_time: '10:30', site_id: 'site-0' });
    expect(store.getRow('plan_session', session)).toMatchObject({ kind: 'audit', remote: 0, title: '' });
    store.createRow('plan_session_topic', { engagement_id: store.engagementId, session_id: session, kind: 'clause', topic: '9.2' });
    store.createRow('plan_session_auditee', { engagement_id: store.engagementId, session_id: session, name: 'Priya Shah', role: 'SMS owner' });
    const exported = { kind: 'audit-plan', revision: 1, format: 'pdf', language: 'en', template: '', file_name: 'plan.pdf', sha256: 'c'.repeat(64), size: 1000, added_at: '2027-02-20T09:00:00.000Z', added_by: ACTOR_DANA, added_by_name: 'Dana' };
    expect(store.addImmutable('document_export', 'export-1', exported)).toBe(true);
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 14 adds checklist answers per question and team member, keeping the chain valid', () => {
    const file = fileAtVersion(13);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(13);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    const member = store.createRow('team_member', { engagement_id: store.engagementId, name: 'Dana', initials: 'DA', role: 'lead', actor_id: null });
    const answer = store.createRow('checklist_answer', { engagement_id: store.engagementId, question_id: '9.2-q01', team_member_id: member, result: 'conforming' });
    expect(store.getRow('checklist_answer', answer)).toMatchObject({ notes: '', na_reason: '', session_id: null });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 15 adds the notebook, evidence references, records seen, conclusions and the plan as it ran, keeping the chain valid', () => {
    const file = fileAtVersion(14);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(14);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    const engagement_id = store.engagementId;
    expect(store.getRow('engagement', engagement_id)).toMatchObject({ scope_wording_status: 'not_checked', scope_wording_change: '', stage2_focus: '' });
    const member = store.createRow('team_member', { engagement_id, name: 'Dana', initials: 'DA', role: 'lead', actor_id: null });
    const session = store.createRow('plan_session', { engagement_id, day: '2027-03-01', start_time: '09:00', end_time: '10:00' });
    const entry = store.createRow('notebook_entry', { engagement_id, session_id: session, team_member_id: member, written_at: '2027-03-01T09:05:00.000Z', body: '@Jane Smith, Change manager showed #CHG-10422' });
    expect(store.getRow('notebook_entry', entry)).toMatchObject({ topic: '' });
    const evidence = store.createRow('evidence_item', { engagement_id, title: 'Change policy v3.2' });
    const record = store.createRow('record_seen', { engagement_id, topic: 'change-management', record_ref: 'CHG-10422', evidence_id: evidence });
    expect(store.getRow('record_seen', record)).toMatchObject({ result: 'not_tested', query_id: null });
    const outcome = store.createRow('session_outcome', { engagement_id, session_id: session, status: 'moved', actual_day: '2027-03-02', actual_start: '10:00', actual_end: null, reason: 'Change manager ill' });
    expect(store.getRow('session_outcome', outcome)).toMatchObject({ mode: 'as_planned', remote_effectiveness: 'not_assessed', actual_end: null });
    store.createRow('conclusion', { engagement_id, topic: 'change-management', status: 'conforming', grid_outputs: 'effective' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 16 adds the content store and evidence files, keeping the chain valid and every earlier row', () => {
    const file = fileAtVersion(15);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(15);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    const engagement_id = store.engagementId;
    const evidence = store.createRow('evidence_item', { engagement_id, title: 'Photo of the server room door' });
    opened.db.prepare("INSERT INTO blob (id, sha256, byte_size, complete, started_at) VALUES ('b1', ?, 3, 1, '2027-03-01T09:00:00.000Z')").run('c'.repeat(64));
    opened.db.prepare("INSERT INTO blob_chunk (blob_id, seq, byte_offset, bytes) VALUES ('b1', 0, 0, x'010203')").run();
    const photo = store.createRow('evidence_file', { engagement_id, evidence_id: evidence, sha256: 'c'.repeat(64), file_name: 'door.jpg', byte_size: 3, file_kind: 'photo' });
    expect(store.getRow('evidence_file', photo)).toMatchObject({ metadata_policy: 'none', report_sha256: null, captured_at: '', capture_latitude: null, photography_permitted_by: '' });
    expect(() => opened.db.prepare("INSERT INTO blob (id, sha256, byte_size, complete, started_at) VALUES ('b2', ?, 3, 1, 'x')").run('c'.repeat(64))).toThrow(/UNIQUE/);
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 18 adds populations (immutable, their records outside the change log) and samples, keeping the chain valid', () => {
    const file = fileAtVersion(17);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(17);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    const engagement_id = store.engagementId;
    const member = store.createRow('team_member', { engagement_id, name: 'Dana', initials: 'DA', role: 'lead', actor_id: null });
    const population = {
      topic: 'incident', name: 'Incidents', period_from: null, period_to: null, site_id: '', source_name: 'incidents.csv', source_format: 'csv', source_encoding: 'utf-8',
      source_delimiter: ',', source_sheet: '', columns: '[{"name":"Number","role":"id"}]', row_count: 1, skipped_rows: 0, content_hash: 'c'.repeat(64), ids_hash: 'd'.repeat(64),
      imported_at: '2026-12-02T00:00:00.000Z', imported_by: ACTOR_DANA,
    };
    expect(store.addImmutable('population', 'population-1', population)).toBe(true);
    opened.db.prepare("INSERT INTO population_data (population_id, complete, started_at) VALUES ('population-1', 1, '2026-12-02T00:00:00.000Z')").run();
    opened.db.prepare("INSERT INTO population_row (population_seq, row_no, line, record_id, cells) VALUES (1, 0, 2, 'INC1', '[\"INC1\"]')").run();
    const sample = store.createRow('sample', { engagement_id, population_id: 'population-1', drawn_by: member, planned_size: 1, drawn_at: '2026-12-02T00:00:00.000Z' });
    expect(store.getRow('sample', sample)).toMatchObject({ sizing: 'judgment', method: 'random', confidence: null, query_id: null });
    store.createRow('sample_item', { engagement_id, sample_id: sample, row_no: 0, record_ref: 'INC1', draw_seq: 0 });
    store.createRow('sample_attribute', { engagement_id, sample_id: sample, attribute: 'custom-1', label: 'Closed with the caller', position: 1 });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 17 adds findings, their links, the closing meeting and corrective actions, keeping the chain valid and every earlier row', () => {
    const file = fileAtVersion(16);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(16);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    const engagement_id = store.engagementId;
    expect(store.getRow('engagement', engagement_id)).toMatchObject({ earlier_last_finding_seq: null, cb_audit_number: '' });
    const member = store.createRow('team_member', { engagement_id, name: 'Dana', initials: 'DA', role: 'lead', actor_id: null });
    const earlier = store.createRow('earlier_nc', { engagement_id, source_ref: 'typed:1', number: 'NC-2026-03', statement: 'Changes were closed without review.' });
    const finding = store.createRow('finding', { engagement_id, raised_by: member, provisional_seq: 1, grade: 'minor', raised_on: '2027-03-16', repeat_of: earlier });
    expect(store.getRow('finding', finding)).toMatchObject({ final_number: '', final_seq: null, source_kind: 'none', session_id: null });
    store.createRow('finding_clause', { engagement_id, finding_id: finding, clause: '8.5.1.3' });
    store.createRow('corrective_action', { engagement_id, finding_id: finding, state: 'acknowledged' });
    store.createRow('audit_statement', { engagement_id, item: 'marks_control', verdict: 'yes' });
    expect(store.getRow('earlier_nc', earlier)).toMatchObject({ status_at_start: 'open', effectiveness: 'not_assessed', verified_on: null });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('step 5 adds checklist packs and the engagement\'s pack, keeping the chain valid', () => {
    const file = fileAtVersion(4);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBe(4);
    const store = new EngagementStore(opened.db, { actorId: ACTOR_DANA, readOnly: false });
    expect(store.getRow('engagement', store.engagementId).checklist_pack_id).toBeNull();
    const row = { pack_id: 'cb.test', version: '1.0.0', sha256: 'a'.repeat(64), title: 'Test', content: '{}', added_at: '2026-11-24T00:00:00.000Z', added_by: ACTOR_DANA };
    expect(store.addImmutable('checklist_pack', 'pack-1', row)).toBe(true);
    expect(store.addImmutable('checklist_pack', 'pack-1', row)).toBe(false);
    store.updateRow('engagement', store.engagementId, { checklist_pack_id: 'pack-1' });
    expect(store.verifyChain()).toMatchObject({ ok: true });
    opened.db.close();
  });

  it('a file created at the latest version needs no migration', () => {
    const file = fileAtVersion(LATEST_ENGAGEMENT_VERSION);
    const opened = openEngagementFile(file);
    expect(opened.migratedFrom).toBeNull();
    opened.db.close();
  });
});
