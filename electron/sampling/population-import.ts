import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { BadRowView, ImportedPopulationView } from '../../shared/contract/sampling-views.ts';
import { naturalRowId } from '../../shared/ids.ts';
import type { BadRowHandling, ColumnRole, SourceFormat } from '../../shared/sampling/sampling-kinds.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import type { JobContext } from '../jobs/job-context.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { PopulationStore, type PopulationRecord } from '../store/population-store.ts';
import { PopulationContentHash } from './population-content.ts';
import { buildOrders, StrataCollector, stratumColumns } from './population-orders.ts';
import { populationView } from './populations-view.ts';
import { RecordIds } from './record-ids.ts';
import { exportReader } from './export-reader.ts';
import type { BadRow } from './source/index.ts';
import { sourceError } from './source-errors.ts';

export interface PopulationImportRequest {
  readonly file: string;
  readonly format: SourceFormat;
  readonly reading: { readonly encoding?: string; readonly delimiter?: string; readonly sheet?: string; readonly headerRow?: number };
  /** The kept columns: their index in the export, their name, their role (one is the id). */
  readonly columns: readonly { readonly index: number; readonly name: string; readonly role: Exclude<ColumnRole, 'drop'> }[];
  readonly badRows: BadRowHandling;
  readonly dayFirst?: boolean;
  readonly topic: string;
  readonly name: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly siteId: string;
}

/** Skipped rows listed in the result; the rest are counted. */
const LISTED_BAD_ROWS = 200;

/** SQLite's page cache while an import writes (KiB, negative as the pragma takes it): 8 MiB. */
const IMPORT_CACHE_SIZE = -8192;

const badRowView = (row: { line: number; code: string; params?: Readonly<Record<string, number | string>> }): BadRowView => ({ line: row.line, code: row.code, params: { ...(row.params ?? {}) } });

/**
 * Imports an export as a population (issue 20). The file streams through the reader in batches; each
 * batch's kept cells are written in one committed transaction into an incomplete entry (never the
 * whole file in memory: only the ids, as UTF-8 bytes (record-ids.ts), and each stratifiable column's
 * stratum code per row stay, to build the canonical orders). Bad rows — the reader's, an empty id, an id seen before — are skipped and
 * listed, or stop the import at the first. Then the orders and hashes are built, and ONE short
 * transaction makes the records visible with the population row and its change-log entry. A cancel or
 * failure leaves nothing: the entry's rows are deleted in slices behind the job (and swept at open).
 */
export async function importPopulation(engagement: EngagementContext, context: JobContext, request: PopulationImportRequest, actorId: string): Promise<ImportedPopulationView> {
  const store = engagement.store();
  if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const fileName = path.basename(request.file);
  const idColumns = request.columns.filter((column) => column.role === 'id');
  if (idColumns.length !== 1) throw new StoreError('SAMPLING_NO_ID_COLUMN', 'Exactly one kept column must be the record id', { count: idColumns.length });
  const names = new Set(request.columns.map((column) => column.name));
  if (names.size !== request.columns.length) throw new StoreError('INVALID_VALUE', 'Two kept columns have the same name', { field: 'columns' });
  const idCell = request.columns.findIndex((column) => column.role === 'id');
  const columns = request.columns.map(({ name, role }) => ({ name, role }));

  const populations = new PopulationStore(engagement.db());
  const content = new PopulationContentHash(columns);
  const strata = new StrataCollector(stratumColumns(columns), request.dayFirst ?? null);
  const ids = new RecordIds();
  const skipped: BadRowView[] = [];
  let skippedCount = 0;
  const seq = populations.begin();
  // The rows only go in (committed batch by batch) and are not read back: a small page cache keeps
  // 56 MB of pages the import would never look at again out of memory (the 300 MB goal).
  const db = engagement.db();
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_SIZE}`);

  const skip = (row: BadRowView): void => {
    if (request.badRows === 'stop') throw new StoreError('SAMPLING_BAD_ROW', 'The export has a row that cannot be imported', { ...row.params, line: row.line, reason: row.code, fileName });
    skippedCount++;
    if (skipped.length < LISTED_BAD_ROWS) skipped.push(row);
  };

  try {
    const { readExport } = await exportReader();
    await readExport(
      request.file,
      { format: request.format, ...request.reading, headerRow: request.reading.headerRow ?? 1, columns: request.columns.map((column) => column.index) },
      {
        batch: async (batch) => {
          context.resetSlice();
          const records: PopulationRecord[] = [];
          // Bad rows and good rows in line order, so that "stop at the first" stops at the first.
          const bad = [...batch.badRows].sort((a: BadRow, b: BadRow) => a.line - b.line);
          let b = 0;
          for (const row of batch.rows) {
            while (b < bad.length && bad[b]!.line < row.line) skip(badRowView(bad[b++]!));
            const recordId = row.cells[idCell] ?? '';
            if (recordId.trim() === '') {
              skip({ line: row.line, code: 'EMPTY_ID', params: {} });
              continue;
            }
            const rowNo = ids.addUnique(recordId);
            if (rowNo === -1) {
              skip({ line: row.line, code: 'DUPLICATE_ID', params: { recordId } });
              continue;
            }
            strata.add(rowNo, row.cells);
            records.push({ rowNo, line: row.line, recordId, cells: JSON.stringify(row.cells) });
          }
          while (b < bad.length) skip(badRowView(bad[b++]!));
          // The batch's cells JSON in one go (addAll: the same bytes as one `add` per row).
          content.addAll(records.map((record) => record.cells));
          populations.append(seq, records);
          context.progress(batch.bytesRead, batch.totalBytes, 'read');
          await context.checkpoint();
        },
      },
    );
    if (ids.count === 0) throw new StoreError('SAMPLING_NO_ROWS', 'The export has no record to import', { fileName, skipped: skippedCount });
    context.progress(0, 1, 'order');
    await yieldToEventLoop();
    context.throwIfCancelled();
    const orders = buildOrders(ids, strata.result());
    populations.writeOrders(seq, orders);
    context.throwIfCancelled();

    const contentHash = content.digest();
    const populationId = naturalRowId(store.engagementId, 'population', [contentHash, request.topic]);
    const row = {
      topic: request.topic,
      name: request.name,
      period_from: request.periodFrom,
      period_to: request.periodTo,
      site_id: request.siteId,
      source_name: fileName,
      source_format: request.format,
      source_encoding: request.format === 'csv' ? (request.reading.encoding ?? 'utf-8') : '',
      source_delimiter: request.format === 'csv' ? (request.reading.delimiter ?? ',') : '',
      source_sheet: request.reading.sheet ?? '',
      columns: JSON.stringify(columns),
      row_count: ids.count,
      skipped_rows: skippedCount,
      content_hash: contentHash,
      ids_hash: orders[0]!.idsHash,
      imported_at: utcInstant(Date.now()),
      imported_by: actorId,
    };
    const exists = store.db.prepare('SELECT 1 FROM population WHERE id = ?').get(populationId) !== undefined;
    const added = !exists && populations.finish(seq, populationId, contentHash, () => store.addImmutable('population', populationId, row));
    if (!added) await populations.discard(seq, yieldToEventLoop);
    context.progress(1, 1, 'done');
    return { population: populationView(engagement.db(), populationId), existed: !added, skippedCount, skipped };
  } catch (error) {
    // Answered at once; the rows go in slices behind the job (swept at open should the app stop first).
    void populations.discard(seq, yieldToEventLoop).catch(() => undefined);
    throw sourceError(error, fileName);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
