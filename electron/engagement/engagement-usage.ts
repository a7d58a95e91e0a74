import path from 'node:path';
import { packKey } from '../../shared/checklist/pack.ts';
import type { Remote } from '../jobs/worker-protocol.ts';
import type { AppDataCalls } from '../store/app-data/app-data-store.ts';
import type { OpenSummary } from '../store/engagement-session.ts';
import type { EngagementPackInfo } from '../packs/index.ts';

/**
 * What the home screen and the checklist library list about engagements, kept in app-data: the
 * recent list and which engagement uses which pack version. A convenience: callers ignore failures.
 */
export async function rememberRecent(appData: Remote<AppDataCalls>, summary: OpenSummary): Promise<void> {
  if (!summary.engagement) return;
  await appData.rememberRecent({
    path: path.resolve(summary.path),
    engagementId: summary.engagementId,
    clientName: summary.engagement.client_name,
    auditType: summary.engagement.audit_type,
    startDate: summary.engagement.start_date,
    endDate: summary.engagement.end_date,
  });
}

export async function recordPackUsage(appData: Remote<AppDataCalls>, summary: OpenSummary, pack: EngagementPackInfo | null): Promise<void> {
  const engagement = summary.engagement;
  if (!engagement) return;
  await appData.recordPackUsage(
    pack
      ? {
          engagementId: summary.engagementId,
          path: path.resolve(summary.path),
          clientName: engagement.client_name,
          packKey: packKey({ id: pack.pack_id, version: pack.version }),
          packTitle: pack.title,
        }
      : { engagementId: summary.engagementId, packKey: null },
  );
}
