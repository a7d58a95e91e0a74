/**
 * CB Word templates (issue 14) as the rest of the app sees them: the check and the fill of the audit
 * plan, each run in a worker thread by TemplateService, and the quick check of a template's file that a
 * profile import runs on the main thread (the directory and relationships only: a few milliseconds).
 */
import type { TemplateIssue } from '../../shared/templates/template-issues.ts';
import { inspectDocx } from './docx-package.ts';

export { TEMPLATE_FILE_LIMITS } from './docx-package.ts';
export type { TemplateFill } from './template-check.ts';
export { TemplateService, type TemplateServiceOptions } from './template-service.ts';

/**
 * The file-level refusals of a template (not a .docx, macros, encryption, remote content, over a
 * limit): [] when the file may be kept. Placeholders are not looked at: that is TemplateService's
 * check, run before every fill.
 */
export function templateFileIssues(bytes: Uint8Array): readonly TemplateIssue[] {
  const inspected = inspectDocx(bytes, 'light');
  return inspected.ok ? [] : inspected.issues;
}
/** A CB profile's templates of one kind, the chosen template's bytes, keeping a picked template in the engagement's profile. */
export { keepTemplateInProfile, profileKindTemplates, resolveTemplate, templateView, type ResolvedTemplate } from './profile-templates.ts';
