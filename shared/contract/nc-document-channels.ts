import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../documents/plan-input.ts';
import { DOCUMENT_FORMATS } from '../tables/document-tables.ts';
import { channel } from './channel.ts';
import type { PlanExportView } from './plan-views.ts';
import { fileRefSchema, handleSchema, withHandle } from './schemas.ts';
import type { ProfileTemplateView, TemplateCheckView } from './template-views.ts';

const templateChoice = z.union([z.object({ profileTemplate: z.string().min(1).max(100) }).strict(), z.object({ file: fileRefSchema }).strict()]);

/** The nonconformities the NC forms print, in number order. */
export interface NcFormListView {
  readonly id: string;
  readonly number: string;
}

/** One NC forms file written: `number` is the nonconformity it holds ('' when it holds them all). */
export interface NcFormFileView extends PlanExportView {
  readonly number: string;
}

export interface NcFormsExportView {
  readonly revision: number;
  readonly template: string;
  readonly files: readonly NcFormFileView[];
}

/** The NC forms and the closing meeting record (issue 17): the channels. */
export const NC_DOCUMENT_CHANNELS = {
  'ncDocuments:list': channel<NcFormListView[]>()(withHandle),
  /** The card opened: the PDF renderer starts now, so the first PDF does not pay for it. */
  'ncDocuments:prepare': channel<null>()(withHandle),
  /** Every nonconformity's form (or one file per nonconformity), our layout or the CB's NC-form template; recorded as 'nc-form'. */
  'ncDocuments:exportForms': channel<NcFormsExportView>()(
    z
      .object({
        engagementHandle: handleSchema,
        format: z.enum(DOCUMENT_FORMATS),
        language: z.enum(DOCUMENT_LANGUAGES),
        file: fileRefSchema,
        perNonconformity: z.boolean(),
        template: templateChoice.optional(),
      })
      .strict(),
  ),
  /** The closing meeting record, PDF or Word in our layout; recorded as 'closing-meeting'. */
  'ncDocuments:exportRecord': channel<PlanExportView>()(
    z.object({ engagementHandle: handleSchema, format: z.enum(DOCUMENT_FORMATS), language: z.enum(DOCUMENT_LANGUAGES), file: fileRefSchema }).strict(),
  ),
  'ncDocuments:templates': channel<ProfileTemplateView[]>()(withHandle),
  /** Keeps a picked .docx in the engagement's copy of its CB profile as an NC-form template. */
  'ncDocuments:keepTemplate': channel<ProfileTemplateView>()(z.object({ engagementHandle: handleSchema, file: fileRefSchema, language: z.enum(DOCUMENT_LANGUAGES) }).strict()),
  'ncDocuments:checkTemplate': channel<TemplateCheckView>()(
    z.object({ engagementHandle: handleSchema, template: templateChoice, language: z.enum(DOCUMENT_LANGUAGES) }).strict(),
  ),
} as const;
