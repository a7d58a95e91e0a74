import { AUDIT_COMBINATIONS, AUDIT_TYPES, SITE_KINDS, SITE_SAMPLE_BASES, STANDARD_EDITIONS, TEAM_ROLES } from '../engagement.ts';
import { SCOPE_WORDING_STATUSES } from '../fieldwork/fieldwork-kinds.ts';
import { boolean, date, editable, enumOf, fixed, id, integer, longText, number, reference, text, timeZone } from './field-types.ts';
import { defineTable } from './table.ts';

/** The core's tables: the engagement, its sites and its audit team. */

export const ENGAGEMENT_TABLE = defineTable({
  name: 'engagement',
  class: 'mergeable',
  fields: [
    editable('client_name', text(300, true)),
    editable('client_address', text(1000)),
    editable('audit_type', enumOf(AUDIT_TYPES)),
    editable('standard_edition', enumOf(STANDARD_EDITIONS)),
    editable('certification_body', text(300)),
    editable('criteria', text(5000)),
    editable('objectives', text(5000)),
    editable('scope', text(10000)),
    editable('time_zone', timeZone()),
    editable('start_date', date()),
    editable('end_date', date()),
    // The checklist pack copied into this engagement, or null before one is chosen.
    editable('checklist_pack_id', reference('checklist_pack', true)),
    // Preparation (issue 13, migration 7): who speaks for the client and how to reach them.
    editable('client_representative', text(300)),
    editable('client_contact', text(1000)),
    // Chinese reports: the unified social credit code (统一社会信用代码) and whether the business
    // licence covers the certified scope (null: not checked yet, 1 yes, 0 no).
    editable('client_credit_code', text(18)),
    editable('licence_covers_scope', integer({ min: 0, max: 1, nullable: true })),
    // The language the audit is conducted in (BCP 47, e.g. zh-CN), '' until set.
    editable('audit_language', text(35)),
    // The certification body the client transferred from (IAF MD 2), '' when none.
    editable('transferred_from', text(300)),
    editable('combination', enumOf(AUDIT_COMBINATIONS, 'single')),
    // The other standards a combined, joint or integrated audit covers, as the CB names them.
    editable('other_standards', text(1000)),
    // When the client was told the team's names (so it could object), null until then.
    editable('team_notified_on', date(true)),
    // The client's current certificate (migration 8), entered by hand when there is no earlier file.
    editable('certificate_number', text(100)),
    editable('certification_decision_on', date(true)),
    editable('certificate_expires_on', date(true)),
    // The SMS scope as the client states it, and the certificate's wording (migration 9); the
    // wording again in a second language when the CB prints two (e.g. Chinese and English).
    editable('sms_scope', text(10000)),
    editable('certificate_wording', text(5000)),
    editable('certificate_wording_second', text(5000)),
    editable('certificate_second_language', text(35)),
    // The IAF MD 1 site sample (migration 10): the three eligibility answers and the proved-effective
    // answer (null: not answered, 1 yes, 0 no), whether sampling suits these sites, and the random
    // draw — its seed and the inputs hash of the population it was drawn from.
    editable('md1_one_system', integer({ min: 0, max: 1, nullable: true })),
    editable('md1_central_control', integer({ min: 0, max: 1, nullable: true })),
    editable('md1_internal_audits', integer({ min: 0, max: 1, nullable: true })),
    editable('md1_sampling_appropriate', boolean(1)),
    editable('md1_proved_effective', integer({ min: 0, max: 1, nullable: true })),
    editable('md1_seed', text(200)),
    editable('md1_inputs_hash', text(64)),
    // Auditor-days (migration 11): the effective personnel, the CB table's value for it (typed from
    // the CB's table until its profile is imported), and the CB's allocation with its justification.
    editable('effective_personnel', integer({ min: 0, max: 10_000_000, nullable: true })),
    editable('table_auditor_days', number({ nullable: true })),
    editable('allocated_onsite_days', number({ nullable: true })),
    editable('allocated_remote_days', number({ nullable: true })),
    editable('allocation_justification', text(5000)),
    // The certification body's profile copied into this engagement (migration 12), or null before one is chosen.
    editable('cb_profile_id', reference('cb_profile', true)),
    // The surveillance selection the lead edits: clause numbers separated by "; "; empty = the pack's (migration 13).
    editable('surveillance_clauses', text(2000)),
    // Scope verification of the certificate's wording: confirmed, or a change proposed in scope_wording_change (migration 15).
    editable('scope_wording_status', enumOf(SCOPE_WORDING_STATUSES, 'not_checked')),
    editable('scope_wording_change', text(2000)),
    // Stage 1: what the stage 2 plan must cover (migration 15).
    editable('stage2_focus', longText(10_000)),
    // Stage 1: since when the SMS has operated (the CB's minimum months before stage 2), when known (migration 15).
    editable('sms_operating_since', date(true)),
    // Findings (migration 17): the last finding sequence number of the client's earlier audits, when
    // known, so the lead's numbering continues it; the CB's audit (project) number for {audit}.
    editable('earlier_last_finding_seq', integer({ min: 0, max: 1_000_000, nullable: true })),
    editable('cb_audit_number', text(100)),
  ],
  parents: [],
  naturalKey: null,
});

export const SITE_TABLE = defineTable({
  name: 'site',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    editable('name', text(300, true)),
    editable('address', text(1000)),
    editable('country', text(100)),
    editable('kind', enumOf(SITE_KINDS)),
    // Sites of the organization outside the scope are recorded too: the sample is drawn from those in scope.
    editable('in_scope', boolean(1)),
    editable('headcount', integer({ min: 0, max: 10_000_000, nullable: true })),
    editable('activities', text(5000)),
    // Its place in the MD 1 sample (migration 10): none, the central function, drawn at random, or
    // chosen by the auditor — then with the reason (risk, earlier nonconformities, changes …).
    editable('sample_basis', enumOf(SITE_SAMPLE_BASES, 'none')),
    editable('sample_reason', text(1000)),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

export const TEAM_MEMBER_TABLE = defineTable({
  name: 'team_member',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    // The installation (actor) this member works on, once known: not a row of this file.
    editable('actor_id', id(true)),
    editable('name', text(300, true)),
    editable('initials', text(10, true)),
    editable('role', enumOf(TEAM_ROLES)),
    editable('email', text(300)),
    // Qualification or registration number (e.g. CCAA), as the CB's records hold it (migration 7).
    editable('registration_number', text(100)),
    // The impartiality declaration for this client: null not yet declared, 1 no conflict of
    // interest, 0 a conflict declared (then the note says what); its date and who declared it.
    editable('no_conflict', integer({ min: 0, max: 1, nullable: true })),
    editable('conflict_note', text(2000)),
    editable('declared_on', date(true)),
    editable('declared_by', text(300)),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

export const ENGAGEMENT_TABLES = [ENGAGEMENT_TABLE, SITE_TABLE, TEAM_MEMBER_TABLE] as const;
