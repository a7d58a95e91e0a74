import type { DocumentKind } from '../../shared/tables/document-tables.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { listExports, nextRevision, recordExport, type DocumentExportRow, type ExportRecord } from './export-register.ts';

/** The register of exported documents: revisions and fingerprints, in the change log. */
export const exportsCapability = defineCapability({
  name: 'exports',
  calls: (engagement: EngagementContext) => ({
    nextRevision: (kind: DocumentKind): number => nextRevision(engagement.db(), kind),
    recordExport(record: ExportRecord): DocumentExportRow {
      const store = engagement.store();
      return recordExport(store, record, store.context.actorId, Date.now());
    },
    listExports: (kind?: DocumentKind): DocumentExportRow[] => listExports(engagement.db(), kind),
  }),
  jobs: () => ({}),
});
