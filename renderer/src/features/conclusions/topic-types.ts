import type { FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import type { CONCLUSION_STATUSES, GridPoint } from '../../../../shared/fieldwork/fieldwork-kinds.ts';

export type ConclusionStatus = (typeof CONCLUSION_STATUSES)[number];

/** A status's colour in the list and on the editor's switch. */
export const STATUS_COLOURS: Record<ConclusionStatus, string> = { not_concluded: 'gray', conforming: 'teal', not_conforming: 'red' };

/** A process or clause group conclusions are written on (a checklist unit). */
export interface Topic {
  /** The conclusion's topic: the pack's process key, or the clause number ('4'). */
  readonly key: string;
  readonly kind: 'process' | 'clause';
  /** "8.5.1 Change management", in the interface language. */
  readonly label: string;
  readonly questionIds: ReadonlySet<string>;
}

export type ConclusionRow = FieldworkRow<'conclusion'>;

/** The conclusion's fields the editor changes. */
export type ConclusionValues = Pick<
  ConclusionRow,
  | 'status'
  | 'text'
  | 'grid_outputs'
  | 'grid_outputs_note'
  | 'grid_inputs'
  | 'grid_inputs_note'
  | 'grid_efficiency'
  | 'grid_efficiency_note'
  | 'grid_improvement'
  | 'grid_improvement_note'
  | 'grid_objective_evidence'
  | 'grid_objective_evidence_note'
>;

/** The grid's two fields of a point: its rating and its note. */
export const gridFields = (point: GridPoint) => ({ rating: `grid_${point}` as const, note: `grid_${point}_note` as const });

