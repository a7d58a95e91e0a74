import { AUDIT_TYPES, SITE_KINDS, STANDARD_EDITIONS, TEAM_ROLES } from '../engagement.ts';
import { boolean, date, editable, enumOf, fixed, id, integer, reference, text, timeZone } from './field-types.ts';
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
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

export const ENGAGEMENT_TABLES = [ENGAGEMENT_TABLE, SITE_TABLE, TEAM_MEMBER_TABLE] as const;
