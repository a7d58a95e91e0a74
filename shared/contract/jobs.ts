import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../documents/plan-input.ts';
import { DOCUMENT_FORMATS } from '../tables/document-tables.ts';
import { reportTemplateChoice } from './report-channels.ts';
import type { ReportExportView, ReviewPackageView } from './report-views.ts';
import { fileRefSchema, handleSchema, passphraseSchema } from './schemas.ts';
import type { ImportPreviewView } from './team-views.ts';
import type { CopyView, FileCheckView } from './views.ts';

/**
 * Every kind of long job, declared once: its input (zod, strict, with the kind as a literal) and its
 * result type. `job:start` accepts exactly these inputs; the router refuses to start unless every
 * kind has a starter; the renderer's runJob returns the kind's result type.
 */
const job =
  <Result>() =>
  <Shape extends z.ZodRawShape>(kind: string, shape: Shape) => ({
    input: z.object({ kind: z.literal(kind), ...shape }).strict(),
    result: undefined as unknown as Result,
  });

export const JOBS = {
  'engagement:saveCopy': job<CopyView>()('engagement:saveCopy', { engagementHandle: handleSchema, file: fileRefSchema }),
  'engagement:checkFile': job<FileCheckView>()('engagement:checkFile', { engagementHandle: handleSchema }),
  'team:memberCopy': job<CopyView>()('team:memberCopy', { engagementHandle: handleSchema, memberId: z.string().min(1).max(100), file: fileRefSchema }),
  'team:exportPackage': job<CopyView>()('team:exportPackage', {
    engagementHandle: handleSchema,
    file: fileRefSchema,
    passphrase: passphraseSchema.optional(),
    /** Carry the evidence files attached since the copy was issued (references always travel). */
    includeFiles: z.boolean().optional(),
  }),
  'team:previewImport': job<ImportPreviewView>()('team:previewImport', { engagementHandle: handleSchema, file: fileRefSchema, passphrase: passphraseSchema.optional() }),
  'team:import': job<ImportPreviewView>()('team:import', { engagementHandle: handleSchema, file: fileRefSchema, passphrase: passphraseSchema.optional() }),
  /**
   * The audit report (issue 18), our layout or the CB's report template (Word only). `draft`: marked
   * DRAFT on every page, uses no revision, allowed while the completeness gate lists something; a final
   * report is refused (REPORT_INCOMPLETE) until the gate passes. `photos`: the evidence annex.
   */
  'report:export': job<ReportExportView>()('report:export', {
    engagementHandle: handleSchema,
    format: z.enum(DOCUMENT_FORMATS),
    language: z.enum(DOCUMENT_LANGUAGES),
    file: fileRefSchema,
    draft: z.boolean(),
    photos: z.boolean(),
    template: reportTemplateChoice.optional(),
    /**
     * Issue 19: sign the issued report with this installation's certificate — the PDF gets an embedded
     * signature, a Word file a detached signature and a signed manifest beside it. Not for drafts.
     * `role` is printed in the signature block; `passphrase` unlocks a key kept in a key file.
     */
    sign: z.object({ role: z.string().trim().max(200), passphrase: passphraseSchema.optional() }).strict().optional(),
  }),
  /**
   * The technical-review package: one zip with the issued report (PDF and .docx, the next revision),
   * the plan, the NC forms, the closing meeting record, an evidence index, and the findings, plan and
   * conclusions as JSON and XLSX. Refused (REPORT_INCOMPLETE) until the gate passes.
   */
  'report:exportPackage': job<ReviewPackageView>()('report:exportPackage', {
    engagementHandle: handleSchema,
    language: z.enum(DOCUMENT_LANGUAGES),
    file: fileRefSchema,
    photos: z.boolean(),
  }),
} as const;

export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = z.infer<(typeof JOBS)[K]['input']>;
export type JobResult<K extends JobKind> = (typeof JOBS)[K]['result'];
export const JOB_KINDS = Object.keys(JOBS) as JobKind[];

type Inputs = { [K in JobKind]: (typeof JOBS)[K]['input'] }[JobKind];
/** The input of `job:start`: one of the declared kinds. */
export const jobStartSchema = z.discriminatedUnion(
  'kind',
  Object.values(JOBS).map((declared) => declared.input) as unknown as [Inputs, ...Inputs[]],
);
