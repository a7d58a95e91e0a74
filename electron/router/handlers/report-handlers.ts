import type { ReportGateView } from '../../../shared/contract/report-views.ts';
import { gatePasses } from '../../../shared/report/completeness.ts';
import { REPORT_KIND, ReportExporter } from '../../report/index.ts';
import { profileKindTemplates, templateView } from '../../templates/index.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { documentServices } from './document-services.ts';
import { signingServiceOf } from './signing-services.ts';

/** The audit report (issue 18): the completeness gate, the report's exports and the technical-review package. */
export function registerReportHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  // One renderer and template service per host, shared with the other documents' exports.
  const { renderer, templates } = documentServices(service);
  const exporter = new ReportExporter(service, renderer, templates, () => signingServiceOf(platform));
  const templateFile = (choice: { profileTemplate: string } | { file: string }) => ('file' in choice ? { file: platform.resolveFile(choice.file, 'open', 'word') } : choice);
  const shown = <T extends { file: string }>(result: T) => ({ ...result, file: platform.displayFile(result.file), downloadUrl: platform.offerDownload(result.file) });

  router.register('report:gate', async ({ engagementHandle }): Promise<ReportGateView> => {
    const [gate, engagement, nextRevision, revisions] = await Promise.all([
      service.call(engagementHandle, 'reportGate'),
      service.getEngagement(engagementHandle),
      service.call(engagementHandle, 'nextRevision', REPORT_KIND),
      exporter.revisions(engagementHandle),
    ]);
    return { auditType: engagement.audit_type, ready: gatePasses(gate.items), items: gate.items, nextRevision, photos: gate.photos, revisions };
  });

  router.register('report:prepare', () => {
    void renderer.warmUp().catch(() => undefined);
    return null;
  });

  router.register('report:templates', async ({ engagementHandle }) => (await profileKindTemplates(service, engagementHandle, REPORT_KIND)).map((template) => templateView(template, template.language)));

  router.register('report:keepTemplate', async ({ engagementHandle, file, language }) => {
    const kept = await exporter.keepTemplate(engagementHandle, platform.resolveFile(file, 'open', 'word'), language);
    return templateView(kept, kept.language);
  });

  router.register('report:checkTemplate', ({ engagementHandle, template, language }) => exporter.checkTemplate(engagementHandle, templateFile(template), language));

  // Main-thread jobs: the exports render in the document worker and read from the engagement worker; progress goes through the job hub.
  router.jobs.register('report:export', (input, onProgress) => ({
    jobId: '',
    result: exporter
      .export(
        input.engagementHandle,
        {
          format: input.format,
          language: input.language,
          draft: input.draft,
          photos: input.photos,
          file: platform.resolveFile(input.file, 'save', input.format === 'pdf' ? 'pdf' : 'word'),
          ...(input.template ? { template: templateFile(input.template) } : {}),
          ...(input.sign ? { sign: input.sign } : {}),
        },
        onProgress,
      )
      .then((result) => ({ ...shown(result), signature: result.signature ? { ...result.signature, files: result.signature.files.map((file) => platform.displayFile(file)) } : null })),
  }));

  router.jobs.register('report:exportPackage', (input, onProgress) => ({
    jobId: '',
    result: exporter
      .exportPackage(input.engagementHandle, { language: input.language, photos: input.photos, file: platform.resolveFile(input.file, 'save', 'zip') }, onProgress)
      .then(shown),
  }));
}
