import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../documents/plan-input.ts';
import { DOCUMENT_FORMATS } from '../tables/document-tables.ts';
import { channel } from './channel.ts';
import { fileRefSchema, handleSchema, withHandle } from './schemas.ts';
import type { DocumentExportView, PlanExportView } from './plan-views.ts';

/** The audit plan's documents: export (our layout, Word or PDF) and the register of exports. */
export const PLAN_CHANNELS = {
  'plan:export': channel<PlanExportView>()(
    z
      .object({
        engagementHandle: handleSchema,
        format: z.enum(DOCUMENT_FORMATS),
        language: z.enum(DOCUMENT_LANGUAGES),
        file: fileRefSchema,
      })
      .strict(),
  ),
  'documents:exports': channel<DocumentExportView[]>()(withHandle),
} as const;
