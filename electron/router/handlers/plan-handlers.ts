import type { DocumentExportView, PlanLoadView } from '../../../shared/contract/plan-views.ts';
import { sessionOrder } from '../../../shared/plan/plan-rows.ts';
import { exportView } from '../../exports/index.ts';
import { PlanExporter, SignInSheetExporter } from '../../plan/index.ts';
import { profileKindTemplates, templateView } from '../../templates/index.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { documentServices } from './document-services.ts';

/** The plan's documents: the plan in our layout (Word or PDF) or the CB's template, the meetings' sign-in sheets, and the register of exports. */
export function registerPlanHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  // One renderer and template service per host, shared with the other documents' exports.
  const { renderer, templates } = documentServices(service);
  const exporter = new PlanExporter(service, renderer, templates);
  const signInSheets = new SignInSheetExporter(service, renderer);

  // Best effort: a failed warm-up shows itself, with its message, at the export.
  router.register('plan:prepareExport', () => {
    void renderer.warmUp().catch(() => undefined);
    return null;
  });
  const templateFile = (choice: { profileTemplate: string } | { file: string }) =>
    'file' in choice ? { file: platform.resolveFile(choice.file, 'open', 'word') } : choice;

  router.register('plan:export', async ({ engagementHandle, format, language, file, template }) => {
    const result = await exporter.export(engagementHandle, {
      format,
      language,
      file: platform.resolveFile(file, 'save', format === 'pdf' ? 'pdf' : 'word'),
      ...(template ? { template: templateFile(template) } : {}),
    });
    return { ...result, file: platform.displayFile(result.file), downloadUrl: platform.offerDownload(result.file) };
  });

  router.register('plan:exportSignInSheet', async ({ engagementHandle, sessionId, format, language, file }) => {
    const result = await signInSheets.export(engagementHandle, { sessionId, format, language, file: platform.resolveFile(file, 'save', format === 'pdf' ? 'pdf' : 'word') });
    return { ...result, file: platform.displayFile(result.file), downloadUrl: platform.offerDownload(result.file) };
  });

  router.register('plan:load', async ({ engagementHandle }): Promise<PlanLoadView> => {
    const list = <T>(table: string) => service.listRows(engagementHandle, table) as unknown as Promise<T[]>;
    const [sessions, topics, services, members, auditees, sites, team, serviceRows] = await Promise.all([
      list<PlanLoadView['sessions'][number]>('plan_session'),
      list<PlanLoadView['topics'][number]>('plan_session_topic'),
      list<PlanLoadView['services'][number]>('plan_session_service'),
      list<PlanLoadView['members'][number]>('plan_session_member'),
      list<PlanLoadView['auditees'][number]>('plan_session_auditee'),
      list<PlanLoadView['sites'][number]>('site'),
      list<PlanLoadView['team'][number]>('team_member'),
      list<PlanLoadView['serviceRows'][number]>('service'),
    ]);
    return { sessions: sessions.sort(sessionOrder), topics, services, members, auditees, sites, team, serviceRows };
  });

  router.register('plan:templates', async ({ engagementHandle }) =>
    (await profileKindTemplates(service, engagementHandle, 'audit-plan')).map((template) => templateView(template, template.language)),
  );

  router.register('plan:keepTemplate', async ({ engagementHandle, file, language }) => {
    const kept = await exporter.keepTemplate(engagementHandle, platform.resolveFile(file, 'open', 'word'), language);
    return templateView(kept, kept.language);
  });

  router.register('plan:checkTemplate', ({ engagementHandle, template, language }) => exporter.checkTemplate(engagementHandle, templateFile(template), language));

  router.register('documents:exports', async ({ engagementHandle }): Promise<DocumentExportView[]> => (await service.call(engagementHandle, 'listExports')).map(exportView));
}
