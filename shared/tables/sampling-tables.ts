import { ITEM_SELECTIONS, SAMPLE_METHODS, SAMPLE_SIZINGS, SOURCE_FORMATS, STATISTICAL_MODELS, STRATUM_ALLOCATIONS } from '../sampling/sampling-kinds.ts';
import { date, editable, enumOf, fixed, id, instant, integer, longText, number, reference, text } from './field-types.ts';
import { defineTable } from './table.ts';

/*
 * Record sampling from the client's exports (issue 20, migration 18). A population is immutable:
 * its description is one row here (one change-log entry per import, merged as a unit by id and
 * content hash) and its records are bulk rows outside the change log (`population_row`, keyed
 * (population, row number)), carried by return packages v2 as a bulk section. Samples, their items
 * and test attributes are mergeable rows; the test results are the records seen and their attributes
 * (fieldwork), so sampled records join audit trails and findings like records seen on screen.
 */
const engagementChild = { parents: [{ field: 'engagement_id', table: 'engagement' }], editing: 'rows' } as const;
const owner = fixed('engagement_id', reference('engagement'));

/**
 * An imported export: the process (a pack process key or clause group), period and site it belongs to,
 * where it came from, the kept columns (JSON [{name, role}]) and the hashes that identify it: the
 * content hash (kept columns and cells) and the ids' hash (aw-perm-1's population hash of the record ids).
 * Its id is UUIDv5(engagement, "population:" + content hash + topic): the same export imported by two
 * members for the same process is one population.
 */
export const POPULATION_TABLE = defineTable({
  name: 'population',
  class: 'immutable',
  fields: [
    fixed('topic', text(100, true)),
    fixed('name', text(300, true)),
    fixed('period_from', date(true)),
    fixed('period_to', date(true)),
    fixed('site_id', text(100)),
    fixed('source_name', text(500)),
    fixed('source_format', enumOf(SOURCE_FORMATS, 'csv')),
    fixed('source_encoding', text(40)),
    fixed('source_delimiter', text(4)),
    fixed('source_sheet', text(300)),
    fixed('columns', longText(200_000)),
    fixed('row_count', integer({ min: 0 })),
    fixed('skipped_rows', integer({ min: 0 })),
    fixed('content_hash', text(64, true)),
    fixed('ids_hash', text(64, true)),
    fixed('imported_at', instant()),
    fixed('imported_by', id()),
  ],
  parents: [],
  naturalKey: ['content_hash', 'topic'],
});

/**
 * A sample drawn from a population: how its size was set (judgment with a justification, or
 * statistical with confidence, tolerable and expected rates), how it was selected (method, seed,
 * algorithm, the hashes that let anyone recompute it; `selection` is the JSON of what the draw
 * recorded per stratum) and the pack's record kind whose attributes it tests. `query_id` is the
 * records-seen query its items are filed under.
 */
export const SAMPLE_TABLE = defineTable({
  name: 'sample',
  class: 'mergeable',
  fields: [
    owner,
    fixed('population_id', reference('population')),
    fixed('drawn_by', reference('team_member')),
    editable('query_id', reference('record_query', true)),
    editable('sampling_plan', text(100)),
    editable('sizing', enumOf(SAMPLE_SIZINGS, 'judgment')),
    editable('justification', longText(5000)),
    editable('confidence', number({ nullable: true })),
    editable('tolerable_rate', number({ nullable: true })),
    editable('expected_rate', number({ nullable: true })),
    editable('statistical_model', enumOf(STATISTICAL_MODELS, '')),
    editable('planned_size', integer({ min: 0, max: 1_000_000 })),
    editable('method', enumOf(SAMPLE_METHODS, 'random')),
    editable('stratify_by', text(300)),
    editable('allocation', enumOf(STRATUM_ALLOCATIONS, 'proportional')),
    editable('minimum_per_stratum', integer({ min: 0, max: 1_000_000, nullable: true })),
    editable('algorithm', text(40)),
    editable('seed', text(200)),
    editable('population_hash', text(64)),
    editable('selection', longText(1_000_000)),
    editable('drawn_at', instant()),
  ],
  ...engagementChild,
  naturalKey: null,
});

/**
 * One record of a sample: its row in the population, its record id, its place in the draw and how
 * it was selected (a judgmental pick carries its reason); `record_id` is the record seen that holds
 * its test results. One row per (sample, population row) in every copy.
 */
export const SAMPLE_ITEM_TABLE = defineTable({
  name: 'sample_item',
  class: 'mergeable',
  fields: [
    owner,
    fixed('sample_id', reference('sample')),
    fixed('row_no', integer({ min: 0, max: 100_000_000 })),
    fixed('record_ref', text(200, true)),
    fixed('draw_seq', integer({ min: 0, max: 100_000_000 })),
    fixed('selection', enumOf(ITEM_SELECTIONS, 'random')),
    fixed('stratum', text(300)),
    editable('reason', text(1000)),
    editable('record_id', reference('record_seen', true)),
  ],
  ...engagementChild,
  naturalKey: ['sample_id', 'row_no'],
});

/**
 * A test attribute of a sample: a pack attribute id (its text comes from the pack) or an attribute
 * the auditor wrote (`custom-…`, its text in `label`); `position` orders the grid's columns.
 */
export const SAMPLE_ATTRIBUTE_TABLE = defineTable({
  name: 'sample_attribute',
  class: 'mergeable',
  fields: [owner, fixed('sample_id', reference('sample')), fixed('attribute', text(300, true)), editable('label', text(500)), editable('position', number())],
  ...engagementChild,
  naturalKey: ['sample_id', 'attribute'],
});

export const SAMPLING_TABLES = [POPULATION_TABLE, SAMPLE_TABLE, SAMPLE_ITEM_TABLE, SAMPLE_ATTRIBUTE_TABLE] as const;
