import { PLAN_SESSION_KINDS, PLAN_TOPIC_KINDS } from '../plan/plan-kinds.ts';
import { boolean, date, editable, enumOf, fixed, localTime, reference, text } from './field-types.ts';
import { defineTable } from './table.ts';

const links = { parents: [{ field: 'engagement_id', table: 'engagement' }], naturalKey: null, editing: 'rows' } as const;

/**
 * A session of the audit plan (issue 14): a calendar day in the engagement's time zone with local
 * start and end times, so the order is by day and time — never a hand-made order two copies could
 * disagree on. Opening and closing meetings and breaks are sessions too. Remote sessions record the
 * tool, how identities are checked and the fallback (IAF MD 4).
 */
export const PLAN_SESSION_TABLE = defineTable({
  name: 'plan_session',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    editable('day', date()),
    editable('start_time', localTime()),
    editable('end_time', localTime()),
    editable('kind', enumOf(PLAN_SESSION_KINDS, 'audit')),
    editable('title', text(300)),
    editable('site_id', reference('site', true)),
    editable('remote', boolean(0)),
    editable('remote_tool', text(300)),
    editable('identity_check', text(1000)),
    editable('remote_fallback', text(1000)),
    editable('notes', text(5000)),
  ],
  ...links,
});

/**
 * What a session covers, one link row per process or clause (not an array in the session: two
 * auditors adding different topics never conflict). `topic` is the pack's process key or a clause number.
 */
export const PLAN_SESSION_TOPIC_TABLE = defineTable({
  name: 'plan_session_topic',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    fixed('session_id', reference('plan_session')),
    fixed('kind', enumOf(PLAN_TOPIC_KINDS)),
    fixed('topic', text(100, true)),
  ],
  ...links,
});

/** A service whose audit trail the session follows. */
export const PLAN_SESSION_SERVICE_TABLE = defineTable({
  name: 'plan_session_service',
  class: 'mergeable',
  fields: [fixed('engagement_id', reference('engagement')), fixed('session_id', reference('plan_session')), fixed('service_id', reference('service'))],
  ...links,
});

/** A team member (auditor or accompanying person) in the session. */
export const PLAN_SESSION_MEMBER_TABLE = defineTable({
  name: 'plan_session_member',
  class: 'mergeable',
  fields: [fixed('engagement_id', reference('engagement')), fixed('session_id', reference('plan_session')), fixed('team_member_id', reference('team_member'))],
  ...links,
});

/** Someone of the client the session meets (name and role, as the client gave them). */
export const PLAN_SESSION_AUDITEE_TABLE = defineTable({
  name: 'plan_session_auditee',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    fixed('session_id', reference('plan_session')),
    editable('name', text(300, true)),
    editable('role', text(300)),
  ],
  ...links,
});

export const PLAN_TABLES = [PLAN_SESSION_TABLE, PLAN_SESSION_TOPIC_TABLE, PLAN_SESSION_SERVICE_TABLE, PLAN_SESSION_MEMBER_TABLE, PLAN_SESSION_AUDITEE_TABLE] as const;
