import type Database from 'better-sqlite3';
import type { RecordSampling } from '../../shared/cb-profile/profile.ts';
import type { PopulationRowsView, SampleAttributeRowView, SampleItemRowView, SampleRowView, SamplingStateView } from '../../shared/contract/sampling-views.ts';
import { typingMember } from '../fieldwork/worker.ts';
import { currentProfile } from '../profiles/worker.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import { PopulationStore } from '../store/population-store.ts';
import { populationViews, populationWithRecords } from './populations-view.ts';

/** Without a CB profile: judgment, 3–10 records per process (the reference's typical certification practice). */
export const USUAL_RECORD_SAMPLING: RecordSampling = { defaultMethod: 'judgment', judgment: { minPerProcess: 3, maxPerProcess: 10 } };

function recordSamplingOf(db: Database.Database): { recordSampling: RecordSampling; fromProfile: boolean } {
  const row = currentProfile(db);
  if (!row) return { recordSampling: USUAL_RECORD_SAMPLING, fromProfile: false };
  const { recordSampling } = JSON.parse(row.content) as { recordSampling?: RecordSampling };
  return recordSampling ? { recordSampling, fromProfile: true } : { recordSampling: USUAL_RECORD_SAMPLING, fromProfile: false };
}

/** The Sampling section's data in one round trip: populations, live samples, their items and attributes, the profile's sampling. */
export function samplingState(store: EngagementStore, db: Database.Database): SamplingStateView {
  return {
    populations: populationViews(db),
    samples: db.prepare('SELECT * FROM sample WHERE deleted = 0 ORDER BY drawn_at, id').all() as SampleRowView[],
    items: db.prepare('SELECT * FROM sample_item WHERE deleted = 0 ORDER BY sample_id, draw_seq').all() as SampleItemRowView[],
    attributes: db.prepare('SELECT * FROM sample_attribute WHERE deleted = 0 ORDER BY sample_id, position, id').all() as SampleAttributeRowView[],
    ...recordSamplingOf(db),
    typingMemberId: typingMember(store, db).memberId,
    team: db.prepare('SELECT id, name FROM team_member WHERE deleted = 0 ORDER BY name, id').all() as { id: string; name: string }[],
  };
}

export interface RowsRequest {
  readonly populationId: string;
  readonly rowNos?: readonly number[];
  readonly search?: string;
  readonly offset?: number;
  readonly limit?: number;
}

const cellsOf = (json: string): string[] => {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

/** Records of a population: by row numbers (a sample's items), or a page (of those whose id contains `search`). */
export function populationRows(db: Database.Database, request: RowsRequest): PopulationRowsView {
  const { seq } = populationWithRecords(db, request.populationId);
  const populations = new PopulationStore(db);
  const view = (record: { rowNo: number; line: number; recordId: string; cells: string }) => ({ rowNo: record.rowNo, line: record.line, recordId: record.recordId, cells: cellsOf(record.cells) });
  if (request.rowNos) {
    const records = populations.records(seq, request.rowNos);
    return { total: records.length, rows: records.map(view) };
  }
  const page = populations.page(seq, request.offset ?? 0, request.limit ?? 100, request.search?.trim() ?? '');
  return { total: page.total, rows: page.records.map(view) };
}
