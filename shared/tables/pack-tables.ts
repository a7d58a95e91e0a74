import { fixed, id, instant, text } from './field-types.ts';
import { defineTable } from './table.ts';

/** A checklist pack copied into the engagement: written once, merged as a unit by id and sha256. */
export const CHECKLIST_PACK_TABLE = defineTable({
  name: 'checklist_pack',
  class: 'immutable',
  fields: [
    fixed('pack_id', text(100, true)),
    fixed('version', text(40, true)),
    fixed('sha256', text(64, true)),
    fixed('title', text(5000, true)),
    fixed('content', text(50_000_000, true)),
    fixed('added_at', instant()),
    fixed('added_by', id()),
  ],
  parents: [],
  naturalKey: ['sha256'],
});

export const PACK_TABLES = [CHECKLIST_PACK_TABLE] as const;
