import { AUDIT_TYPES } from '../engagement.ts';
import { date, editable, enumOf, fixed, reference, text } from './field-types.ts';
import { defineTable } from './table.ts';

/**
 * Audit preparation's tables (issue 13). The client's earlier audits, entered by hand when there is
 * no earlier engagement file (a new engagement "from an earlier engagement" adds them itself): what
 * each covered drives the next plan, so over the cycle every clause, process and site is covered.
 */
export const EARLIER_AUDIT_TABLE = defineTable({
  name: 'earlier_audit',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    editable('audit_type', enumOf(AUDIT_TYPES)),
    editable('start_date', date(true)),
    editable('end_date', date(true)),
    // The CB that did it, when not this one (a transferred client's history).
    editable('certification_body', text(300)),
    // What it covered, as the report says: clause numbers, processes, sites.
    editable('covered_clauses', text(2000)),
    editable('covered_processes', text(2000)),
    editable('covered_sites', text(2000)),
    editable('notes', text(5000)),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

export const PREPARATION_TABLES = [EARLIER_AUDIT_TABLE] as const;
