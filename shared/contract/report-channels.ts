import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../documents/plan-input.ts';
import { channel } from './channel.ts';
import type { ReportGateView } from './report-views.ts';
import { fileRefSchema, handleSchema, withHandle } from './schemas.ts';
import type { ProfileTemplateView, TemplateCheckView } from './template-views.ts';

const templateChoice = z.union([z.object({ profileTemplate: z.string().min(1).max(100) }).strict(), z.object({ file: fileRefSchema }).strict()]);

/**
 * The audit report (issue 18): the completeness gate with the register, the CB's report templates.
 * The exports themselves are jobs (shared/contract/jobs.ts: `report:export`, `report:exportPackage`)
 * with progress.
 */
export const REPORT_CHANNELS = {
  'report:gate': channel<ReportGateView>()(withHandle),
  /** The Report screen opened: the PDF renderer starts now, so the first PDF does not pay for it. */
  'report:prepare': channel<null>()(withHandle),
  'report:templates': channel<ProfileTemplateView[]>()(withHandle),
  /** Keeps a picked .docx in the engagement's copy of its CB profile as an audit-report template. */
  'report:keepTemplate': channel<ProfileTemplateView>()(z.object({ engagementHandle: handleSchema, file: fileRefSchema, language: z.enum(DOCUMENT_LANGUAGES) }).strict()),
  'report:checkTemplate': channel<TemplateCheckView>()(
    z.object({ engagementHandle: handleSchema, template: templateChoice, language: z.enum(DOCUMENT_LANGUAGES) }).strict(),
  ),
} as const;

export { templateChoice as reportTemplateChoice };
