import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../documents/plan-input.ts';
import { DOCUMENT_FORMATS } from '../tables/document-tables.ts';
import { channel } from './channel.ts';
import { fileRefSchema, handleSchema, withHandle } from './schemas.ts';
import type { DocumentExportView, PlanExportView, PlanLoadView } from './plan-views.ts';
import type { ProfileTemplateView, TemplateCheckView } from './template-views.ts';

const templateChoice = z.union([z.object({ profileTemplate: z.string().min(1).max(100) }).strict(), z.object({ file: fileRefSchema }).strict()]);

/** The audit plan's documents: export (our layout, Word or PDF) and the register of exports. */
export const PLAN_CHANNELS = {
  'plan:load': channel<PlanLoadView>()(withHandle),
  'plan:export': channel<PlanExportView>()(
    z
      .object({
        engagementHandle: handleSchema,
        format: z.enum(DOCUMENT_FORMATS),
        language: z.enum(DOCUMENT_LANGUAGES),
        file: fileRefSchema,
        /** Word only: fill the CB's template instead of our layout. */
        template: templateChoice.optional(),
      })
      .strict(),
  ),
  'plan:templates': channel<ProfileTemplateView[]>()(withHandle),
  /** The export dialog opened: the PDF renderer starts now, so the first PDF does not pay for it. */
  'plan:prepareExport': channel<null>()(withHandle),
  /** Keeps a picked .docx in the engagement's copy of its CB profile (a new profile copy with the template). */
  'plan:keepTemplate': channel<ProfileTemplateView>()(
    z.object({ engagementHandle: handleSchema, file: fileRefSchema, language: z.enum(DOCUMENT_LANGUAGES) }).strict(),
  ),
  'plan:checkTemplate': channel<TemplateCheckView>()(
    z.object({ engagementHandle: handleSchema, template: templateChoice, language: z.enum(DOCUMENT_LANGUAGES) }).strict(),
  ),
  /** A meeting's sign-in sheet (签到表), PDF or Word in our layout, recorded in the register as 'sign-in-sheet'. */
  'plan:exportSignInSheet': channel<PlanExportView>()(
    z
      .object({
        engagementHandle: handleSchema,
        sessionId: z.string().min(1).max(100),
        format: z.enum(DOCUMENT_FORMATS),
        language: z.enum(DOCUMENT_LANGUAGES),
        file: fileRefSchema,
      })
      .strict(),
  ),
  'documents:exports': channel<DocumentExportView[]>()(withHandle),
} as const;
