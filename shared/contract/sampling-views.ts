import type { RecordSampling } from '../cb-profile/profile.ts';
import type { ColumnRole, SourceFormat } from '../sampling/sampling-kinds.ts';
import type { SAMPLE_ATTRIBUTE_TABLE, SAMPLE_ITEM_TABLE, SAMPLE_TABLE } from '../tables/sampling-tables.ts';
import type { RowOf } from '../tables/table.ts';
import type { ErrorParams } from '../store-errors.ts';

/** A row the reader could not take, by the line it starts on in the export (1-based, counting lines inside quotes). */
export interface BadRowView {
  readonly line: number;
  /** RAGGED, UNCLOSED_QUOTE, NUL_BYTE, FIELD_TOO_LONG, CUT_OFF, EMPTY_ID, DUPLICATE_ID. */
  readonly code: string;
  readonly params: ErrorParams;
}

/** A column of an export as the preview shows it: the header (cleaned: empty → "Column 3", repeated → "Status (2)") and the guessed role. */
export interface ExportColumnView {
  readonly index: number;
  readonly header: string;
  readonly original: string;
  readonly role: ColumnRole;
}

/** What `sampling:sniff` read of an export: how it is encoded and cut, its columns, its first rows and first problems. */
export interface ExportPreviewView {
  readonly fileName: string;
  readonly format: SourceFormat;
  readonly size: number;
  readonly encoding: string;
  readonly encodingCandidates: readonly string[];
  /** The encoding a byte-order mark names, or null. */
  readonly bom: string | null;
  /** A BOM contradicts the chosen encoding. */
  readonly encodingConflict: boolean;
  readonly delimiter: string;
  readonly sheets: readonly string[];
  readonly sheet: string | null;
  readonly headerRow: number;
  readonly columns: readonly ExportColumnView[];
  /** The first rows, every column (the preview never reaches the engagement file). */
  readonly previewRows: readonly (readonly string[])[];
  readonly estimatedRows: number;
  readonly problems: readonly BadRowView[];
  /** The ITSM tool's export the headers look like (a preset id), or null. */
  readonly preset: string | null;
  /** Dates read day first (31/12/2026): true, false (month first, or nothing to choose: ISO or Chinese dates), null when the auditor must say. */
  readonly dayFirst: boolean | null;
}

/** A kept column of a population. */
export interface PopulationColumnView {
  readonly name: string;
  readonly role: ColumnRole;
}

/** A column the population can be stratified by, with its strata (built at import). */
export interface PopulationStrataView {
  readonly column: string;
  readonly strata: readonly { readonly name: string; readonly count: number }[];
}

/** An imported population (immutable) and whether this copy holds its records. */
export interface PopulationView {
  readonly id: string;
  readonly topic: string;
  readonly name: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly siteId: string;
  readonly sourceName: string;
  readonly sourceFormat: SourceFormat;
  readonly encoding: string;
  readonly delimiter: string;
  readonly sheet: string;
  readonly columns: readonly PopulationColumnView[];
  readonly rowCount: number;
  readonly skippedRows: number;
  readonly contentHash: string;
  readonly idsHash: string;
  readonly importedAt: string;
  readonly importedBy: string;
  /** False when the population arrived without its records (a version 1 package): it cannot be sampled here. */
  readonly rowsHere: boolean;
  readonly strata: readonly PopulationStrataView[];
}

export type SampleRowView = RowOf<typeof SAMPLE_TABLE>;
export type SampleItemRowView = RowOf<typeof SAMPLE_ITEM_TABLE>;
export type SampleAttributeRowView = RowOf<typeof SAMPLE_ATTRIBUTE_TABLE>;

/** Everything the Sampling section shows besides the test results (those are records seen and their attributes). */
export interface SamplingStateView {
  readonly populations: readonly PopulationView[];
  readonly samples: readonly SampleRowView[];
  readonly items: readonly SampleItemRowView[];
  readonly attributes: readonly SampleAttributeRowView[];
  /** The CB profile's record sampling (judgment range per process, the optional frequency table): judgmentSize() suggests from it. */
  readonly recordSampling: RecordSampling;
  /** False: no CB profile is chosen yet, the range shown is the usual 3–10 per process. */
  readonly fromProfile: boolean;
  /** Who draws in this file (samples are drawn in a team member's name), and the team to choose from when nobody is linked yet. */
  readonly typingMemberId: string | null;
  readonly team: readonly { readonly id: string; readonly name: string }[];
}

/** A record of a population: its row number, the line it started on, its id and its kept cells (the population's column order). */
export interface PopulationRowView {
  readonly rowNo: number;
  readonly line: number;
  readonly recordId: string;
  readonly cells: readonly string[];
}

export interface PopulationRowsView {
  /** Rows matching the search (all rows without one). */
  readonly total: number;
  readonly rows: readonly PopulationRowView[];
}

/** The result of an import. */
export interface ImportedPopulationView {
  readonly population: PopulationView;
  /** The same content was already imported for this process: nothing new was written. */
  readonly existed: boolean;
  readonly skippedCount: number;
  /** The first skipped rows (at most 200). */
  readonly skipped: readonly BadRowView[];
}

export interface SampleDrawnView {
  readonly sampleId: string;
  readonly added: number;
  readonly size: number;
}

/** "Verify selection": the population's ids hashed again and the draw recomputed from what the sample records. */
export interface SelectionVerifiedView {
  readonly matches: boolean;
  /** The population's ids hash to what the sample recorded. */
  readonly populationMatches: boolean;
  readonly recomputedPopulationHash: string;
  readonly checkedItems: number;
  /** The first differences (draw position, recorded record id, recomputed record id). */
  readonly differences: readonly { readonly drawSeq: number; readonly recorded: string; readonly recomputed: string }[];
  /** Judgmental items are not recomputed (they were picked, not drawn). */
  readonly judgmentalItems: number;
}
