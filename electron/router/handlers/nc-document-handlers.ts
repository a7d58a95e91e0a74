import { NcDocumentExporter } from '../../nc-documents/index.ts';
import { profileKindTemplates, templateView } from '../../templates/index.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { documentServices } from './document-services.ts';

/** The NC forms and the closing meeting record (issue 17): export (our layout or the CB's NC-form template) and the template check. */
export function registerNcDocumentHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  // One renderer and template service per host, shared with the other documents' exports.
  const { renderer, templates } = documentServices(service);
  const exporter = new NcDocumentExporter(service, renderer, templates);
  const templateFile = (choice: { profileTemplate: string } | { file: string }) => ('file' in choice ? { file: platform.resolveFile(choice.file, 'open', 'word') } : choice);
  const shown = <T extends { file: string }>(result: T) => ({ ...result, file: platform.displayFile(result.file), downloadUrl: platform.offerDownload(result.file) });

  router.register('ncDocuments:list', ({ engagementHandle }) => service.call(engagementHandle, 'ncFormList'));

  router.register('ncDocuments:prepare', () => {
    void renderer.warmUp().catch(() => undefined);
    return null;
  });

  router.register('ncDocuments:exportForms', async ({ engagementHandle, format, language, file, perNonconformity, template }) => {
    const result = await exporter.exportForms(engagementHandle, {
      format,
      language,
      perNonconformity,
      file: platform.resolveFile(file, 'save', format === 'pdf' ? 'pdf' : 'word'),
      ...(template ? { template: templateFile(template) } : {}),
    });
    return { revision: result.revision, template: result.template, files: result.files.map(shown) };
  });

  router.register('ncDocuments:exportRecord', async ({ engagementHandle, format, language, file }) =>
    shown(await exporter.exportRecord(engagementHandle, { format, language, file: platform.resolveFile(file, 'save', format === 'pdf' ? 'pdf' : 'word') })),
  );

  router.register('ncDocuments:templates', async ({ engagementHandle }) => (await profileKindTemplates(service, engagementHandle, 'nc-form')).map((template) => templateView(template, template.language)));

  router.register('ncDocuments:keepTemplate', async ({ engagementHandle, file, language }) => {
    const kept = await exporter.keepTemplate(engagementHandle, platform.resolveFile(file, 'open', 'word'), language);
    return templateView(kept, kept.language);
  });

  router.register('ncDocuments:checkTemplate', ({ engagementHandle, template, language }) => exporter.checkTemplate(engagementHandle, templateFile(template), language));
}
