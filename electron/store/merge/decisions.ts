import type Database from 'better-sqlite3';
import { StoreError } from '../../../shared/store-errors.ts';
import type { ConflictCandidate } from './projection.ts';

export interface CandidateView {
  readonly replicaId: string;
  readonly seq: number;
  /** The value this candidate sets (for a delete conflict: true = delete the row, false = keep it). */
  readonly value: unknown;
  readonly actorId: string;
  readonly wallTime: string;
  readonly hlc: string;
  readonly shown: boolean;
  readonly clockAhead: boolean;
}

export interface ConflictView {
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
  readonly rowLabel: string;
  readonly candidates: CandidateView[];
}

export interface Decision {
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
  readonly replicaId: string;
  readonly seq: number;
}

const LABEL_FIELDS: Record<string, string> = { engagement: 'client_name', site: 'name', team_member: 'name' };

function candidateRows(db: Database.Database, candidates: ConflictCandidate[]) {
  const get = db.prepare(
    `SELECT l.replica_id, l.seq, l.field, l.actor_id, l.wall_time, l.hlc, v.new_value
     FROM change_log l LEFT JOIN change_value v USING (replica_id, seq) WHERE l.replica_id = ? AND l.seq = ?`,
  );
  return candidates.map((c) => get.get(c.replica_id, c.seq) as {
    replica_id: string;
    seq: number;
    field: string;
    actor_id: string;
    wall_time: string;
    hlc: string;
    new_value: string | null;
  });
}

/** Open conflicts with every candidate's value, author and time, for the lead to decide. */
export function listConflicts(db: Database.Database, nowMs: number = Date.now()): ConflictView[] {
  const rows = db.prepare('SELECT * FROM conflict ORDER BY entity, row_id, field').all() as {
    entity: string;
    row_id: string;
    field: string;
    candidates: string;
    shown_replica_id: string;
    shown_seq: number;
  }[];
  return rows.map((row) => {
    const labelField = LABEL_FIELDS[row.entity];
    const label = labelField
      ? ((db.prepare(`SELECT ${labelField} FROM ${row.entity} WHERE id = ?`).pluck().get(row.row_id) as string | undefined) ?? '')
      : row.row_id;
    return {
      entity: row.entity,
      rowId: row.row_id,
      field: row.field,
      rowLabel: label,
      candidates: candidateRows(db, JSON.parse(row.candidates) as ConflictCandidate[]).map((c) => ({
        replicaId: c.replica_id,
        seq: c.seq,
        // In a delete conflict the delete entry proposes "delete"; the concurrent edits propose "keep".
        value: row.field === 'deleted' ? c.field === 'deleted' : c.new_value === null ? '' : (JSON.parse(c.new_value) as unknown),
        actorId: c.actor_id,
        wallTime: c.wall_time,
        hlc: c.hlc,
        shown: c.replica_id === row.shown_replica_id && c.seq === row.shown_seq,
        clockAhead: Date.parse(c.wall_time) > nowMs + 5 * 60_000,
      })),
    };
  });
}

/** What a decision writes: the chosen candidate's value, and the entries it settles. */
export function decisionValue(db: Database.Database, decision: Decision): { value: unknown; settles: string[] } {
  const conflict = db
    .prepare('SELECT candidates FROM conflict WHERE entity = ? AND row_id = ? AND field = ?')
    .pluck()
    .get(decision.entity, decision.rowId, decision.field) as string | undefined;
  if (!conflict) throw new StoreError('ROW_NOT_FOUND', 'This conflict is no longer open', { field: decision.field });
  const candidates = JSON.parse(conflict) as ConflictCandidate[];
  const chosen = candidates.find((c) => c.replica_id === decision.replicaId && c.seq === decision.seq);
  if (!chosen) throw new StoreError('INVALID_VALUE', 'That value is not one of the candidates', { field: decision.field });
  const [row] = candidateRows(db, [chosen]);
  const value =
    decision.field === 'deleted' ? (row!.field === 'deleted' ? 1 : 0) : row!.new_value === null ? '' : (JSON.parse(row!.new_value) as unknown);
  return { value, settles: candidates.map((c) => `${c.replica_id}:${c.seq}`) };
}
