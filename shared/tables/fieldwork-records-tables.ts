import {
  ATTENDANCE_PRESENCE,
  CONCLUSION_STATUSES,
  DOCUMENT_ADEQUACY,
  EFFECTIVENESS_RATINGS,
  EVIDENCE_KINDS,
  READINESS_STATUSES,
  RECORD_RESULTS,
  SCOPE_CHECK_STATUSES,
  SESSION_MODES,
  SESSION_OUTCOMES,
  SURVEILLANCE_STATUSES,
} from '../fieldwork/fieldwork-kinds.ts';
import { boolean, date, editable, enumOf, fixed, instant, integer, localTime, longText, number, reference, text } from './field-types.ts';
import { defineTable } from './table.ts';

/*
 * What fieldwork records besides the answers (issue 15, migration 15). Every table is mergeable and
 * edited through the row path. Tables with a natural key (one row per person name, per record per
 * process, per topic, ...) get the same id in every copy, so two auditors recording the same thing
 * make one row; link rows keep lists out of single fields, so two copies adding to a list never conflict.
 */
const engagementChild = { parents: [{ field: 'engagement_id', table: 'engagement' }], editing: 'rows' } as const;
const owner = fixed('engagement_id', reference('engagement'));

/** Someone of the client the team met (interviewee, attendee), by name: one row per name in every copy. */
export const PERSON_TABLE = defineTable({
  name: 'person',
  class: 'mergeable',
  fields: [owner, fixed('name', text(300, true)), editable('role', text(300)), editable('organization', text(300))],
  ...engagementChild,
  naturalKey: ['name'],
});

/** A person interviewed in a session (the notebook's @marks add them). */
export const SESSION_PERSON_TABLE = defineTable({
  name: 'session_person',
  class: 'mergeable',
  fields: [owner, fixed('session_id', reference('plan_session')), fixed('person_id', reference('person'))],
  ...engagementChild,
  naturalKey: ['session_id', 'person_id'],
});

/**
 * A timestamped notebook entry of a session, written by a team member. The body keeps the marks
 * as typed (@person, #record, [[document]], §clause): they are parsed on read, so the text stays the
 * one source and a mark the auditor ignores is ordinary text. `topic` is the process key or clause
 * group the entry is about (its draft narrative); empty = the session's own topics.
 */
export const NOTEBOOK_ENTRY_TABLE = defineTable({
  name: 'notebook_entry',
  class: 'mergeable',
  fields: [
    owner,
    editable('session_id', reference('plan_session', true)),
    fixed('team_member_id', reference('team_member')),
    editable('written_at', instant()),
    editable('topic', text(100)),
    editable('body', longText(20_000)),
  ],
  ...engagementChild,
  naturalKey: null,
});

/**
 * An evidence reference: what was seen, not a copy of it (reference: "Confidentiality"). Where it is
 * used comes from the link rows and the notebook's [[marks]].
 */
export const EVIDENCE_ITEM_TABLE = defineTable({
  name: 'evidence_item',
  class: 'mergeable',
  fields: [
    owner,
    editable('kind', enumOf(EVIDENCE_KINDS, 'document')),
    editable('title', text(500, true)),
    editable('version', text(100)),
    editable('evidence_date', date(true)),
    editable('location', text(500)),
    editable('shown_by', text(300)),
    editable('notes', text(5000)),
  ],
  ...engagementChild,
  naturalKey: null,
});

/** An evidence reference cited by an answer. */
export const ANSWER_EVIDENCE_TABLE = defineTable({
  name: 'answer_evidence',
  class: 'mergeable',
  fields: [owner, fixed('answer_id', reference('checklist_answer')), fixed('evidence_id', reference('evidence_item'))],
  ...engagementChild,
  naturalKey: ['answer_id', 'evidence_id'],
});

/** A person interviewed for an answer. */
export const ANSWER_PERSON_TABLE = defineTable({
  name: 'answer_person',
  class: 'mergeable',
  fields: [owner, fixed('answer_id', reference('checklist_answer')), fixed('person_id', reference('person'))],
  ...engagementChild,
  naturalKey: ['answer_id', 'person_id'],
});

/**
 * What the auditee ran on their screen for the auditor: the query or filter, the population count
 * it showed, the period, and how the records were chosen (pasted ids, a range, every n-th, one by one).
 */
export const RECORD_QUERY_TABLE = defineTable({
  name: 'record_query',
  class: 'mergeable',
  fields: [
    owner,
    editable('topic', text(100, true)),
    editable('site_id', reference('site', true)),
    editable('session_id', reference('plan_session', true)),
    fixed('team_member_id', reference('team_member')),
    editable('query', text(2000)),
    editable('population_count', integer({ min: 0, nullable: true })),
    editable('period_from', date(true)),
    editable('period_to', date(true)),
    editable('selection', text(1000)),
    // The pack's records to sample the query is about (its id), when the auditor chose one.
    editable('sampling_plan', text(100)),
    editable('notes', text(5000)),
  ],
  ...engagementChild,
  naturalKey: null,
});

/** A record seen on screen, one per record id and process in every copy (the notebook's #marks add them). */
export const RECORD_SEEN_TABLE = defineTable({
  name: 'record_seen',
  class: 'mergeable',
  fields: [
    owner,
    fixed('topic', text(100, true)),
    fixed('record_ref', text(200, true)),
    editable('query_id', reference('record_query', true)),
    editable('result', enumOf(RECORD_RESULTS, 'not_tested')),
    editable('note', text(5000)),
    editable('evidence_id', reference('evidence_item', true)),
  ],
  ...engagementChild,
  naturalKey: ['topic', 'record_ref'],
});

/** What was seen of one test attribute of a record (the pack's records to sample name the attributes). */
export const RECORD_ATTRIBUTE_TABLE = defineTable({
  name: 'record_attribute',
  class: 'mergeable',
  fields: [
    owner,
    fixed('record_id', reference('record_seen')),
    fixed('attribute', text(300, true)),
    editable('result', enumOf(RECORD_RESULTS, 'not_tested')),
    editable('note', text(2000)),
  ],
  ...engagementChild,
  naturalKey: ['record_id', 'attribute'],
});

/** An audit trail followed record to record across processes (incident → problem → change → release → CIs → SLA report). */
export const AUDIT_TRAIL_TABLE = defineTable({
  name: 'audit_trail',
  class: 'mergeable',
  fields: [owner, editable('title', text(300, true)), editable('service_id', reference('service', true)), editable('notes', text(5000))],
  ...engagementChild,
  naturalKey: null,
});

/** A step of a trail: a record seen, at a position (a number between its neighbours', so inserting renumbers nothing). */
export const AUDIT_TRAIL_STEP_TABLE = defineTable({
  name: 'audit_trail_step',
  class: 'mergeable',
  fields: [
    owner,
    fixed('trail_id', reference('audit_trail')),
    editable('position', number()),
    editable('record_id', reference('record_seen')),
    editable('link_note', text(1000)),
  ],
  ...engagementChild,
  naturalKey: null,
});

const rating = (name: string) => editable(name, enumOf(EFFECTIVENESS_RATINGS, 'not_assessed'));

/**
 * The conclusion on a process (its pack key) or clause group ('4'–'7', '9', '10'): one per topic in
 * every copy, with the five-point process-control grid when the CB profile turns it on.
 */
export const CONCLUSION_TABLE = defineTable({
  name: 'conclusion',
  class: 'mergeable',
  fields: [
    owner,
    fixed('topic', text(100, true)),
    editable('status', enumOf(CONCLUSION_STATUSES, 'not_concluded')),
    editable('text', longText(50_000)),
    rating('grid_outputs'),
    editable('grid_outputs_note', text(2000)),
    rating('grid_inputs'),
    editable('grid_inputs_note', text(2000)),
    rating('grid_efficiency'),
    editable('grid_efficiency_note', text(2000)),
    rating('grid_improvement'),
    editable('grid_improvement_note', text(2000)),
    rating('grid_objective_evidence'),
    editable('grid_objective_evidence_note', text(2000)),
  ],
  ...engagementChild,
  naturalKey: ['topic'],
});

/** Scope verification: each service in scope really delivered as stated. */
export const SCOPE_CHECK_TABLE = defineTable({
  name: 'scope_check',
  class: 'mergeable',
  fields: [owner, fixed('service_id', reference('service')), editable('status', enumOf(SCOPE_CHECK_STATUSES, 'not_checked')), editable('note', text(2000))],
  ...engagementChild,
  naturalKey: ['service_id'],
});

/** An item every surveillance must cover, with what was found (one per item in every copy). */
export const SURVEILLANCE_CHECK_TABLE = defineTable({
  name: 'surveillance_check',
  class: 'mergeable',
  fields: [owner, fixed('item', text(100, true)), editable('status', enumOf(SURVEILLANCE_STATUSES, 'not_covered')), editable('entry', longText(10_000))],
  ...engagementChild,
  naturalKey: ['item'],
});

/** A plan session as it ran: held, moved, shortened, extended, cancelled or added, with actual times and why. */
export const SESSION_OUTCOME_TABLE = defineTable({
  name: 'session_outcome',
  class: 'mergeable',
  fields: [
    owner,
    fixed('session_id', reference('plan_session')),
    editable('status', enumOf(SESSION_OUTCOMES, 'planned')),
    editable('actual_day', date(true)),
    editable('actual_start', localTime(true)),
    editable('actual_end', localTime(true)),
    editable('mode', enumOf(SESSION_MODES, 'as_planned')),
    editable('reason', text(2000)),
    editable('remote_effectiveness', enumOf(EFFECTIVENESS_RATINGS, 'not_assessed')),
    editable('remote_note', text(2000)),
  ],
  ...engagementChild,
  naturalKey: ['session_id'],
});

/** Someone at a meeting (opening or closing): name, role, organization, present or remote. */
export const ATTENDANCE_TABLE = defineTable({
  name: 'attendance',
  class: 'mergeable',
  fields: [
    owner,
    fixed('session_id', reference('plan_session')),
    editable('name', text(300, true)),
    editable('role', text(300)),
    editable('organization', text(300)),
    editable('presence', enumOf(ATTENDANCE_PRESENCE, 'present')),
  ],
  ...engagementChild,
  naturalKey: null,
});

/** A point the opening meeting confirmed (one per point and meeting in every copy). */
export const MEETING_POINT_TABLE = defineTable({
  name: 'meeting_point',
  class: 'mergeable',
  fields: [owner, fixed('session_id', reference('plan_session')), fixed('point', text(100, true)), editable('confirmed', boolean(0)), editable('note', text(1000))],
  ...engagementChild,
  naturalKey: ['session_id', 'point'],
});

/** Stage 1's document review log: document, version, date, clause, adequate or not, comment. */
export const DOCUMENT_REVIEW_TABLE = defineTable({
  name: 'document_review',
  class: 'mergeable',
  fields: [
    owner,
    editable('document', text(500, true)),
    editable('version', text(100)),
    editable('document_date', date(true)),
    editable('clause', text(100)),
    editable('adequacy', enumOf(DOCUMENT_ADEQUACY, 'not_reviewed')),
    editable('comment', text(5000)),
    editable('evidence_id', reference('evidence_item', true)),
  ],
  ...engagementChild,
  naturalKey: null,
});

/** Stage 1 readiness for stage 2 in one area (one per area in every copy). */
export const READINESS_TABLE = defineTable({
  name: 'readiness',
  class: 'mergeable',
  fields: [owner, fixed('area', text(100, true)), editable('status', enumOf(READINESS_STATUSES, 'not_assessed')), editable('note', text(5000))],
  ...engagementChild,
  naturalKey: ['area'],
});

export const FIELDWORK_RECORD_TABLES = [
  PERSON_TABLE,
  SESSION_PERSON_TABLE,
  NOTEBOOK_ENTRY_TABLE,
  EVIDENCE_ITEM_TABLE,
  ANSWER_EVIDENCE_TABLE,
  ANSWER_PERSON_TABLE,
  RECORD_QUERY_TABLE,
  RECORD_SEEN_TABLE,
  RECORD_ATTRIBUTE_TABLE,
  AUDIT_TRAIL_TABLE,
  AUDIT_TRAIL_STEP_TABLE,
  CONCLUSION_TABLE,
  SCOPE_CHECK_TABLE,
  SURVEILLANCE_CHECK_TABLE,
  SESSION_OUTCOME_TABLE,
  ATTENDANCE_TABLE,
  MEETING_POINT_TABLE,
  DOCUMENT_REVIEW_TABLE,
  READINESS_TABLE,
] as const;
