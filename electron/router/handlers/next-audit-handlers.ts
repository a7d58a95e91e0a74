import type { EarlierEngagementView } from '../../../shared/contract/next-audit-views.ts';
import { NextAuditService, type EarlierEngagement } from '../../next-audit/index.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { claimEngagement } from './engagement-handlers.ts';

function earlierView(earlier: EarlierEngagement, file: string): EarlierEngagementView {
  const { engagement } = earlier;
  return {
    file,
    clientName: engagement.client_name,
    auditType: engagement.audit_type,
    startDate: engagement.start_date,
    endDate: engagement.end_date,
    timeZone: engagement.time_zone,
    standardEdition: engagement.standard_edition,
    certificateNumber: engagement.certificate_number,
    certificateExpiresOn: engagement.certificate_expires_on,
    profileTitle: earlier.profile?.title ?? null,
    packTitle: earlier.pack ? `${earlier.pack.title} ${earlier.pack.version}` : null,
    counts: {
      sites: earlier.sites.length,
      team: earlier.team.length,
      services: earlier.services.length,
      otherParties: earlier.otherParties.length,
      earlierAudits: earlier.earlierAudits.length,
    },
  };
}

/** New → from an earlier engagement: preview what carries over, then create the next audit's file. */
export function registerNextAuditHandlers(router: Router, deps: RouterDeps): void {
  const { platform } = deps;
  const nextAudit = new NextAuditService(deps.service);

  router.register('engagement:readEarlier', async ({ file }) => {
    const path = platform.resolveFile(file, 'open');
    return earlierView(await nextAudit.readEarlier(path), platform.displayFile(path));
  });

  router.register('engagement:createFromEarlier', async ({ file, earlier, fields, historyNote }, context) =>
    claimEngagement(
      deps,
      await nextAudit.createFromEarlier(platform.resolveFile(file, 'create'), platform.resolveFile(earlier, 'open'), fields, historyNote),
      context,
    ),
  );
}
