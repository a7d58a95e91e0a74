import { AUDIT_TYPES, OPERATED_ELEMENTS, OTHER_PARTY_KINDS, TIME_ADJUSTMENT_UNITS } from '../engagement.ts';
import { date, editable, enumOf, fixed, number, reference, text } from './field-types.ts';
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

/** The services in the scope of the SMS, from the client's service catalogue (migration 9). */
export const SERVICE_TABLE = defineTable({
  name: 'service',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    editable('name', text(300, true)),
    editable('description', text(5000)),
    editable('customers', text(2000)),
    editable('locations', text(2000)),
    // The IT-service categories of the certified service (in China the CNCA business categories):
    // "; "-separated, the eight known ones by key, anything else as typed (shared/scope/service-categories.ts).
    editable('categories', text(500)),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

/**
 * One cell of the services × processes matrix: this process's audit trail covers this service. A
 * link row, not an array in the service, so two auditors ticking different cells never conflict.
 * The process is the checklist pack's process key. A cell is ticked while any live link exists
 * (two auditors ticking the same cell make two links; unticking removes every link of the cell).
 */
export const SERVICE_PROCESS_TABLE = defineTable({
  name: 'service_process',
  class: 'mergeable',
  fields: [fixed('engagement_id', reference('engagement')), fixed('service_id', reference('service')), fixed('process_key', text(100, true))],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

/**
 * Other parties involved in the services (ISO/IEC 20000-1 8.2.3, suppliers 8.3.4): external
 * suppliers, internal suppliers, customers acting as suppliers; what each operates (a whole
 * service, a service component or a process) and how the organization keeps control of it.
 */
export const OTHER_PARTY_TABLE = defineTable({
  name: 'other_party',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    editable('name', text(300, true)),
    editable('kind', enumOf(OTHER_PARTY_KINDS)),
    editable('operates_element', enumOf(OPERATED_ELEMENTS)),
    // What it operates, in the client's words (a service, a component such as hosting, a process).
    editable('operates', text(1000)),
    // The service it concerns, when one; null for all or none in particular.
    editable('service_id', reference('service', true)),
    // How the organization keeps accountability and control (contract, OLA, reviews, reports).
    editable('control', text(5000)),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

/**
 * An adjustment of the audit time from the table value (ISO/IEC 20000-6 9.1.4): a justified increase
 * or reduction, in percent of the table value or in auditor-days (signed: negative reduces).
 */
export const TIME_ADJUSTMENT_TABLE = defineTable({
  name: 'time_adjustment',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    editable('reason', text(1000)),
    editable('unit', enumOf(TIME_ADJUSTMENT_UNITS)),
    editable('amount', number()),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: null,
  editing: 'rows',
});

export const PREPARATION_TABLES = [EARLIER_AUDIT_TABLE, SERVICE_TABLE, SERVICE_PROCESS_TABLE, OTHER_PARTY_TABLE, TIME_ADJUSTMENT_TABLE] as const;
