import {
  ACKNOWLEDGEMENT_STATUSES,
  CA_STATES,
  EARLIER_NC_SOURCES,
  EARLIER_NC_STATUSES,
  FINDING_SOURCES,
  OPINION_STATUSES,
  VERIFICATION_METHODS,
  VERIFICATION_RESULTS,
} from '../findings/finding-kinds.ts';
import { date, editable, enumOf, fixed, instant, integer, longText, reference, text } from './field-types.ts';
import { defineTable } from './table.ts';

/*
 * Findings, the audit conclusions, the closing meeting and corrective actions (issue 17, migration 17).
 * Every table is mergeable and edited through the row path; what two auditors add independently to
 * one finding (clauses, sites, services, evidence, the answers, notes and records it came from) is a
 * link row with a natural key, never a list in one field. Lifecycle moves (numbering, corrective
 * action transitions) have their own calls so each is one transaction with its history row.
 */
const engagementChild = { parents: [{ field: 'engagement_id', table: 'engagement' }], editing: 'rows' } as const;
const owner = fixed('engagement_id', reference('engagement'));
const findingId = fixed('finding_id', reference('finding'));
/** A statement part: 20,000 characters is pages of text; a 1 MB paste is refused with the limit named. */
const STATEMENT_CHARS = 20_000;
/** A drawn signature as a PNG data URL: a 600 × 200 pad with strokes is 5–40 KB of PNG. */
const SIGNATURE_CHARS = 400_000;

/**
 * An earlier nonconformity of the client, verified at this audit (17021-1 9.4.8 item 18): typed in by
 * hand, or read from a linked earlier engagement file. `source_ref` is its natural key: 'typed:<uuid>'
 * or '<earlier engagement id>:<finding id>', so importing the same file in two copies makes one row.
 */
export const EARLIER_NC_TABLE = defineTable({
  name: 'earlier_nc',
  class: 'mergeable',
  fields: [
    owner,
    fixed('source_ref', text(200, true)),
    fixed('source', enumOf(EARLIER_NC_SOURCES, 'typed')),
    editable('number', text(60)),
    editable('grade', text(60)),
    editable('grade_name', text(300)),
    editable('clause', text(100)),
    editable('statement', longText(STATEMENT_CHARS)),
    editable('raised_on', date(true)),
    editable('audit_label', text(300)),
    editable('status_at_start', enumOf(EARLIER_NC_STATUSES, 'open')),
    editable('client_action', longText(10_000)),
    editable('verification_method', enumOf(VERIFICATION_METHODS, 'on_site')),
    editable('verification_note', longText(10_000)),
    editable('verified_on', date(true)),
    editable('verifier_id', reference('team_member', true)),
    editable('effectiveness', enumOf(VERIFICATION_RESULTS, 'not_assessed')),
    editable('closed_on', date(true)),
  ],
  ...engagementChild,
  naturalKey: ['source_ref'],
});

/**
 * A finding. `raised_by` + `provisional_seq` is its provisional id (the member's id, so copies never
 * collide); `final_number`/`final_seq` are set by the lead's numbering. Links use the row id, so
 * renumbering never breaks a reference. `grade` is a key of the CB profile's scale (or AREA_OF_CONCERN
 * at stage 1); a grade the profile no longer defines is kept and flagged, never dropped.
 */
export const FINDING_TABLE = defineTable({
  name: 'finding',
  class: 'mergeable',
  fields: [
    owner,
    fixed('raised_by', reference('team_member')),
    fixed('provisional_seq', integer({ min: 1, max: 1_000_000 })),
    fixed('source_kind', enumOf(FINDING_SOURCES, 'none')),
    editable('final_number', text(60)),
    editable('final_seq', integer({ min: 1, max: 1_000_000, nullable: true })),
    editable('grade', text(60, true)),
    editable('grade_rationale', longText(5000)),
    editable('requirement', longText(STATEMENT_CHARS)),
    editable('evidence', longText(STATEMENT_CHARS)),
    editable('not_fulfilled', longText(STATEMENT_CHARS)),
    editable('procedure', text(500)),
    editable('process', text(100)),
    editable('auditee_representative', text(300)),
    editable('raised_on', date()),
    editable('session_id', reference('plan_session', true)),
    editable('repeat_of', reference('earlier_nc', true)),
  ],
  ...engagementChild,
  naturalKey: null,
});

const findingLink = <const Name extends string, const Field extends string, const Target extends string>(name: Name, field: Field, target: Target) =>
  defineTable({
    name,
    class: 'mergeable',
    fields: [owner, findingId, fixed(field, reference(target))],
    ...engagementChild,
    naturalKey: ['finding_id', field],
  });

/** A clause of the standard a finding is against ('8.5.1.3'), one row per clause. */
export const FINDING_CLAUSE_TABLE = defineTable({
  name: 'finding_clause',
  class: 'mergeable',
  fields: [owner, findingId, fixed('clause', text(100, true))],
  ...engagementChild,
  naturalKey: ['finding_id', 'clause'],
});
export const FINDING_SITE_TABLE = findingLink('finding_site', 'site_id', 'site');
export const FINDING_SERVICE_TABLE = findingLink('finding_service', 'service_id', 'service');
export const FINDING_EVIDENCE_TABLE = findingLink('finding_evidence', 'evidence_id', 'evidence_item');
export const FINDING_ANSWER_TABLE = findingLink('finding_answer', 'answer_id', 'checklist_answer');
export const FINDING_NOTE_TABLE = findingLink('finding_note', 'entry_id', 'notebook_entry');
export const FINDING_RECORD_TABLE = findingLink('finding_record', 'record_id', 'record_seen');

/**
 * A statement-check warning or grading prompt the auditor dismissed, with the reason kept: `part`
 * (FINDING_PARTS), `code` (the warning's or prompt's code), `subject` (the word or clause it was about).
 */
export const FINDING_DISMISSAL_TABLE = defineTable({
  name: 'finding_dismissal',
  class: 'mergeable',
  fields: [owner, findingId, fixed('part', text(30, true)), fixed('code', text(60, true)), fixed('subject', text(200)), editable('reason', text(2000, true))],
  ...engagementChild,
  naturalKey: ['finding_id', 'part', 'code', 'subject'],
});

/** The auditee's diverging opinion on a finding; unresolved ones go to the report. */
export const DIVERGING_OPINION_TABLE = defineTable({
  name: 'diverging_opinion',
  class: 'mergeable',
  fields: [
    owner,
    findingId,
    editable('auditee_view', longText(10_000)),
    editable('team_response', longText(10_000)),
    editable('status', enumOf(OPINION_STATUSES, 'unresolved')),
    editable('resolution', text(5000)),
  ],
  ...engagementChild,
  naturalKey: null,
});

/** The auditee's acknowledgement of a nonconformity at the closing meeting: a drawn signature, or declined with the reason. */
export const NC_ACKNOWLEDGEMENT_TABLE = defineTable({
  name: 'nc_acknowledgement',
  class: 'mergeable',
  fields: [
    owner,
    findingId,
    editable('status', enumOf(ACKNOWLEDGEMENT_STATUSES, 'signed')),
    editable('signer_name', text(300)),
    editable('signer_role', text(300)),
    editable('signature', longText(SIGNATURE_CHARS)),
    editable('declined_reason', text(2000)),
    editable('recorded_at', instant()),
    editable('recorded_by', reference('team_member', true)),
  ],
  ...engagementChild,
  naturalKey: ['finding_id'],
});

/** A team member's own signature image, drawn once and put on the documents they sign. */
export const MEMBER_SIGNATURE_TABLE = defineTable({
  name: 'member_signature',
  class: 'mergeable',
  fields: [owner, fixed('team_member_id', reference('team_member')), editable('signature', longText(SIGNATURE_CHARS)), editable('drawn_at', instant())],
  ...engagementChild,
  naturalKey: ['team_member_id'],
});

/** A nonconformity's correction and corrective action, raised to closed (one per finding). */
export const CORRECTIVE_ACTION_TABLE = defineTable({
  name: 'corrective_action',
  class: 'mergeable',
  fields: [
    owner,
    findingId,
    editable('state', enumOf(CA_STATES, 'raised')),
    editable('correction', longText(10_000)),
    editable('root_cause', longText(10_000)),
    editable('action', longText(10_000)),
    editable('owner', text(300)),
    editable('correction_due', date(true)),
    editable('action_due', date(true)),
    editable('response_on', date(true)),
    editable('decision_reason', text(2000)),
    editable('implemented_on', date(true)),
    editable('verification_method', enumOf(VERIFICATION_METHODS, 'document_review')),
    editable('verification_evidence', longText(10_000)),
    editable('verified_on', date(true)),
    editable('verifier_id', reference('team_member', true)),
    editable('effectiveness', enumOf(VERIFICATION_RESULTS, 'not_assessed')),
    editable('closed_on', date(true)),
  ],
  ...engagementChild,
  naturalKey: ['finding_id'],
});

/** One move of a corrective action, with who, when and why: the history the follow-up shows. */
export const CA_TRANSITION_TABLE = defineTable({
  name: 'ca_transition',
  class: 'mergeable',
  fields: [
    owner,
    findingId,
    fixed('from_state', enumOf(CA_STATES)),
    fixed('to_state', enumOf(CA_STATES)),
    fixed('moved_at', instant()),
    fixed('moved_by', reference('team_member', true)),
    fixed('reason', text(2000)),
  ],
  ...engagementChild,
  naturalKey: null,
});

/** An audit conclusion the report needs (AUDIT_STATEMENT_ITEMS), one row per item in every copy. */
export const AUDIT_STATEMENT_TABLE = defineTable({
  name: 'audit_statement',
  class: 'mergeable',
  fields: [owner, fixed('item', text(60, true)), editable('verdict', text(100)), editable('text', longText(STATEMENT_CHARS)), editable('reason', text(2000))],
  ...engagementChild,
  naturalKey: ['item'],
});

export const FINDING_TABLES = [
  EARLIER_NC_TABLE,
  FINDING_TABLE,
  FINDING_CLAUSE_TABLE,
  FINDING_SITE_TABLE,
  FINDING_SERVICE_TABLE,
  FINDING_EVIDENCE_TABLE,
  FINDING_ANSWER_TABLE,
  FINDING_NOTE_TABLE,
  FINDING_RECORD_TABLE,
  FINDING_DISMISSAL_TABLE,
  DIVERGING_OPINION_TABLE,
  NC_ACKNOWLEDGEMENT_TABLE,
  MEMBER_SIGNATURE_TABLE,
  CORRECTIVE_ACTION_TABLE,
  CA_TRANSITION_TABLE,
  AUDIT_STATEMENT_TABLE,
] as const;
