import type { DocumentExportView } from '../../../shared/contract/plan-views.ts';
import { DocumentRenderer } from '../../documents/index.ts';
import { PlanExporter, profilePlanTemplates, templateView } from '../../plan/index.ts';
import { TemplateService } from '../../templates/index.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The plan's documents: export in our layout (Word or PDF) and the register of exports. */
export function registerPlanHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  // One renderer per host: its worker starts at the first export and stops when idle.
  const exporter = new PlanExporter(service, new DocumentRenderer({ workerDir: service.workerDir }), new TemplateService({ workerDir: service.workerDir }));
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

  router.register('plan:templates', async ({ engagementHandle }) =>
    (await profilePlanTemplates(service, engagementHandle)).map((template) => templateView(template, template.language)),
  );

  router.register('plan:checkTemplate', ({ engagementHandle, template, language }) => exporter.checkTemplate(engagementHandle, templateFile(template), language));

  router.register('documents:exports', async ({ engagementHandle }): Promise<DocumentExportView[]> =>
    (await service.call(engagementHandle, 'listExports')).map((row) => ({
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
    })),
  );
}
