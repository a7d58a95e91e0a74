import type { JobInput } from '../../../../shared/contract/jobs.ts';
import type { ExportPreviewView } from '../../../../shared/contract/sampling-views.ts';
import type { BadRowHandling, ColumnRole } from '../../../../shared/sampling/sampling-kinds.ts';

/** A column of the export as the wizard maps it: the role the auditor chose (or the preset guessed). */
export interface ColumnChoice {
  readonly index: number;
  readonly name: string;
  readonly role: ColumnRole;
}

/** The mapping the preview suggests: every column with the role the preset (or the headers) guessed. */
export const initialMapping = (preview: ExportPreviewView): ColumnChoice[] => preview.columns.map((column) => ({ index: column.index, name: column.header, role: column.role }));

/**
 * A role changed. The record id is one column: choosing it for another moves the former id column to
 * "attribute" (kept as it is) rather than silently dropping its values.
 */
export function withRole(mapping: readonly ColumnChoice[], index: number, role: ColumnRole): ColumnChoice[] {
  return mapping.map((column) => {
    if (column.index === index) return { ...column, role };
    if (role === 'id' && column.role === 'id') return { ...column, role: 'attribute' };
    return column;
  });
}

/** What the import sends: only the kept columns. A column set to "Not kept" is never named to the worker, so its values never reach the engagement file. */
export const keptColumns = (mapping: readonly ColumnChoice[]): JobInput<'sampling:import'>['columns'] =>
  mapping.filter((column) => column.role !== 'drop').map((column) => ({ index: column.index, name: column.name, role: column.role as Exclude<ColumnRole, 'drop'> }));

export type MappingProblem = 'noId' | 'twoIds';

/** Why the mapping cannot be imported yet (the worker refuses it too: SAMPLING_NO_ID_COLUMN). */
export function mappingProblem(mapping: readonly ColumnChoice[]): MappingProblem | null {
  const ids = mapping.filter((column) => column.role === 'id').length;
  if (ids === 0) return 'noId';
  if (ids > 1) return 'twoIds';
  return null;
}

/** The population's default name: the export's file name without its ending ("incidents-2026.csv" → "incidents-2026"). */
export const defaultName = (fileName: string): string => fileName.replace(/^.*[/\\]/, '').replace(/\.(csv|tsv|txt|xlsx)$/i, '').trim().slice(0, 300);

/** The population's facts the auditor fills in besides the mapping. */
export interface PopulationForm {
  readonly topic: string | null;
  readonly name: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  /** '' is "All sites". */
  readonly siteId: string;
  readonly badRows: BadRowHandling;
  /** Asked only when the preview says the dates could be read either way. */
  readonly dayFirst: boolean | null;
}

export type FormProblem = MappingProblem | 'noTopic' | 'noName' | 'periodReversed';

export function formProblem(mapping: readonly ColumnChoice[], form: PopulationForm): FormProblem | null {
  const mapped = mappingProblem(mapping);
  if (mapped) return mapped;
  if (!form.topic) return 'noTopic';
  if (!form.name.trim()) return 'noName';
  if (form.periodFrom && form.periodTo && form.periodTo < form.periodFrom) return 'periodReversed';
  return null;
}

/** The `sampling:import` job's input from the preview, the reading the auditor settled on, the mapping and the form. */
export function importInput(handle: string, file: string, preview: ExportPreviewView, mapping: readonly ColumnChoice[], form: PopulationForm): JobInput<'sampling:import'> & { kind: 'sampling:import' } {
  return {
    kind: 'sampling:import' as const,
    engagementHandle: handle,
    file,
    format: preview.format,
    reading: {
      encoding: preview.encoding,
      ...(preview.format === 'csv' ? { delimiter: preview.delimiter as ',' | ';' | '\t' | '|' } : {}),
      ...(preview.sheet ? { sheet: preview.sheet } : {}),
      headerRow: preview.headerRow,
    },
    columns: keptColumns(mapping),
    badRows: form.badRows,
    ...(form.dayFirst === null ? {} : { dayFirst: form.dayFirst }),
    topic: form.topic ?? '',
    name: form.name.trim(),
    periodFrom: form.periodFrom || null,
    periodTo: form.periodTo || null,
    siteId: form.siteId,
  };
}
