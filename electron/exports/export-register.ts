import type Database from 'better-sqlite3';
import type { DocumentExportView } from '../../shared/contract/plan-views.ts';
import { naturalRowId } from '../../shared/ids.ts';
import { utcInstant } from '../../shared/time.ts';
import type { DOCUMENT_EXPORT_TABLE, DocumentKind, ExportFormat } from '../../shared/tables/document-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';

export type DocumentExportRow = RowOf<typeof DOCUMENT_EXPORT_TABLE>;

export interface ExportRecord {
  readonly kind: DocumentKind;
  readonly revision: number;
  readonly format: ExportFormat;
  readonly language: string;
  readonly template: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
  readonly byName: string;
}

/** The next revision of a document: one more than the highest exported in any copy merged so far. */
export function nextRevision(db: Database.Database, kind: DocumentKind): number {
  const highest = db.prepare('SELECT MAX(revision) FROM document_export WHERE kind = ?').pluck().get(kind) as number | null;
  return (highest ?? 0) + 1;
}

/** Records an export once (the same bytes twice are one record): a change-log entry anyone can check a file against. */
export function recordExport(store: EngagementStore, record: ExportRecord, actorId: string, now: number): DocumentExportRow {
  const id = naturalRowId(store.engagementId, 'document_export', [record.sha256]);
  store.addImmutable('document_export', id, {
    kind: record.kind,
    revision: record.revision,
    format: record.format,
    language: record.language,
    template: record.template,
    file_name: record.fileName,
    sha256: record.sha256,
    size: record.size,
    added_at: utcInstant(now),
    added_by: actorId,
    added_by_name: record.byName,
  });
  return store.db.prepare('SELECT * FROM document_export WHERE id = ?').get(id) as DocumentExportRow;
}

/** Every export, newest first. */
export function listExports(db: Database.Database, kind?: DocumentKind): DocumentExportRow[] {
  const rows = (kind
    ? db.prepare('SELECT * FROM document_export WHERE kind = ? ORDER BY revision DESC, added_at DESC').all(kind)
    : db.prepare('SELECT * FROM document_export ORDER BY added_at DESC').all()) as Row[];
  return rows as unknown as DocumentExportRow[];
}

/** A register entry as the screens list it. */
export const exportView = (row: DocumentExportRow): DocumentExportView => ({
  kind: row.kind,
  revision: row.revision,
  format: row.format,
  language: row.language,
  template: row.template,
  fileName: row.file_name,
  sha256: row.sha256,
  size: row.size,
  exportedAt: row.added_at,
  exportedBy: row.added_by_name,
});
