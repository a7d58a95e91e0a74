import { fixed, id, instant, text } from './field-types.ts';
import { defineTable } from './table.ts';

/** A certification body's profile copied into the engagement: written once, merged as a unit by id and sha256. */
export const CB_PROFILE_TABLE = defineTable({
  name: 'cb_profile',
  class: 'immutable',
  fields: [
    fixed('profile_id', text(100, true)),
    fixed('version', text(40, true)),
    fixed('sha256', text(64, true)),
    fixed('title', text(5000, true)),
    // A profile file's own limit (PROFILE_LIMITS.fileChars): format 2 carries the CB's Word templates.
    fixed('content', text(32_000_000, true)),
    fixed('added_at', instant()),
    fixed('added_by', id()),
  ],
  parents: [],
  naturalKey: ['sha256'],
});

export const PROFILE_TABLES = [CB_PROFILE_TABLE] as const;
