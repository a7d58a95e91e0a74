import fs from 'node:fs';
import path from 'node:path';
import { SITE_TABLE, TEAM_MEMBER_TABLE } from '../../../shared/tables/engagement-tables.ts';
import { typedRows } from '../../store/typed-rows.ts';
import { RequestError } from '../../../shared/contract/result.ts';
import { isStoreError } from '../../../shared/store-errors.ts';
import { createDemoEngagement, demoDataFor } from '../../engagement/demo-engagement.ts';
import type { OpenedEngagement } from '../../engagement/engagement-service.ts';
import type { CallContext, Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { mapJob } from '../job-starters.ts';
import { copyView, fileCheckView, summaryView } from './views.ts';

/** The caller gets the opened engagement's handle, unless another window already holds it. */
export function claimEngagement({ platform, leases }: RouterDeps, opened: OpenedEngagement, context: CallContext) {
  const owner = leases.owner(opened.handle);
  const summary = summaryView(opened.handle, opened.summary, platform);
  if (owner && owner !== context.owner) {
    // The same file twice: focus the window that has it (desktop), or explain (browser tabs).
    if (platform.focusOwner(owner)) return { alreadyOpen: true, openElsewhere: true, summary };
    throw new RequestError('OPEN_ELSEWHERE', 'This engagement is open in another window', {
      file: platform.displayFile(opened.summary.path),
    });
  }
  leases.lease(opened.handle, context.owner);
  return { alreadyOpen: opened.alreadyOpen, openElsewhere: false, summary };
}

/** Create, open, edit and close engagements; every handle is leased to the caller that opened it. */
export function registerEngagementHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform, leases } = deps;

  const claim = (opened: OpenedEngagement, context: CallContext) => claimEngagement(deps, opened, context);

  router.register('engagement:create', async ({ file, fields }, context) =>
    claim(await service.create(platform.resolveFile(file, 'create'), fields), context),
  );

  router.register('engagement:open', async ({ file, recoverHotJournal }, context) =>
    claim(await service.openFile(platform.resolveFile(file, 'open'), { recoverHotJournal: recoverHotJournal ?? false }), context),
  );

  router.register('engagement:openDemo', async ({ language = 'en' }, context) => {
    // The English demo lives where the platform says; a twin in another language beside it, under its own name.
    const english = platform.demoFile();
    const data = demoDataFor(language);
    const file = data.language === 'en' ? english : path.join(path.dirname(english), data.fileName);
    // The end-to-end suite's template is the English demo's.
    const template = data.language === 'en' ? (platform.demoTemplate?.() ?? null) : null;
    const fromTemplate = !fs.existsSync(file) && template !== null;
    if (fromTemplate) fs.copyFileSync(template, file, fs.constants.COPYFILE_EXCL);
    // Built from its template, the demo opens as if just created: nothing to back up yet.
    const opened = fs.existsSync(file) ? await service.openFile(file, { justMade: fromTemplate }) : await createDemoEngagement(service, file, data.language);
    return claim(opened, context);
  });

  // A reload reclaims the page's engagements; one that was closed meanwhile is simply dropped.
  router.register('engagement:handles', async (_input, context) => {
    const views = await Promise.all(
      leases.handlesOf(context.owner).map(async (handle) => {
        try {
          return summaryView(handle, await service.summary(handle), platform);
        } catch (error) {
          if (!isStoreError(error, 'UNKNOWN_HANDLE')) throw error;
          leases.release(handle);
          return null;
        }
      }),
    );
    return views.filter((view) => view !== null);
  });

  router.register('engagement:summary', async ({ engagementHandle }) =>
    summaryView(engagementHandle, await service.summary(engagementHandle), platform),
  );

  router.register('engagement:update', ({ engagementHandle, patch }) => service.updateEngagement(engagementHandle, patch));

  router.register('engagement:roster', async ({ engagementHandle }) => ({
    sites: typedRows(SITE_TABLE, await service.listRows(engagementHandle, 'site')),
    team: typedRows(TEAM_MEMBER_TABLE, await service.listRows(engagementHandle, 'team_member')),
  }));

  router.register('window:showEngagement', async ({ engagementHandle }, context) => ({
    inNewWindow: await platform.showEngagementWindow(context.owner, engagementHandle),
  }));

  router.jobs.register('engagement:saveCopy', (input, onProgress) =>
    mapJob(service.saveCopy(input.engagementHandle, platform.resolveFile(input.file, 'save'), onProgress), (copy) => copyView(copy, platform)),
  );
  router.jobs.register('engagement:checkFile', (input, onProgress) => mapJob(service.checkFile(input.engagementHandle, onProgress), fileCheckView));

  router.register('engagement:close', async ({ engagementHandle }) => {
    // The page is done with the handle at once, even while the file is still being closed.
    leases.release(engagementHandle);
    await service.close(engagementHandle);
    return null;
  });
}
