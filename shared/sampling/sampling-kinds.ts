/**
 * The vocabulary of record sampling from the client's exports (issue 20): how a sample's size was
 * set, how its items were selected, and what an item's selection was. Stored as text in the
 * engagement file: values are never renamed, only added.
 */

/** Judgment (the default in certification audits) or statistical attribute sampling. */
export const SAMPLE_SIZINGS = ['judgment', 'statistical'] as const;
export type SampleSizing = (typeof SAMPLE_SIZINGS)[number];

/** How the sample as a whole was selected. */
export const SAMPLE_METHODS = ['random', 'systematic', 'stratified', 'judgmental'] as const;
export type SampleMethod = (typeof SAMPLE_METHODS)[number];

/** How one item came into the sample (an extension keeps every earlier item and adds its own). */
export const ITEM_SELECTIONS = ['random', 'systematic', 'stratified', 'judgmental', 'extension'] as const;
export type ItemSelection = (typeof ITEM_SELECTIONS)[number];

/** Stratified samples: proportional to the strata's sizes, or a minimum from each stratum first. */
export const STRATUM_ALLOCATIONS = ['proportional', 'minimum'] as const;
export type StratumAllocation = (typeof STRATUM_ALLOCATIONS)[number];

/** The statistical model of an attribute sample's size and its upper deviation limit. */
export const STATISTICAL_MODELS = ['', 'binomial', 'hypergeometric'] as const;
export type StatisticalModel = (typeof STATISTICAL_MODELS)[number];

/** The kinds of export a population is imported from. */
export const SOURCE_FORMATS = ['csv', 'xlsx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * What a column of an export means to the audit (shared/sampling/export-columns.ts guesses them from
 * the headers): the record id (required), dates, the usual ITSM fields (stratifiable), a free
 * attribute kept as it is, or 'drop' — not kept: its values never reach the engagement file.
 */
export const COLUMN_ROLES = ['id', 'opened', 'closed', 'priority', 'category', 'status', 'assignee', 'site', 'attribute', 'drop'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles whose values make strata (opened: by month). */
export const STRATIFIABLE_ROLES = ['opened', 'priority', 'category', 'status', 'assignee', 'site'] as const satisfies readonly ColumnRole[];

/** How bad rows are handled at import: skipped (and listed) or the import stops at the first. */
export const BAD_ROW_HANDLING = ['skip', 'stop'] as const;
export type BadRowHandling = (typeof BAD_ROW_HANDLING)[number];
