import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../documents/plan-input.ts';
import { DOCUMENT_FORMATS } from '../tables/document-tables.ts';
import { reportTemplateChoice } from './report-channels.ts';
import type { ReportExportView, ReviewPackageView } from './report-views.ts';
import { fileRefSchema, handleSchema, passphraseSchema } from './schemas.ts';
import { BAD_ROW_HANDLING, COLUMN_ROLES, SAMPLE_METHODS, SAMPLE_SIZINGS, SOURCE_FORMATS, STATISTICAL_MODELS, STRATUM_ALLOCATIONS } from '../sampling/sampling-kinds.ts';
import { exportReadingSchema } from './sampling-channels.ts';
import type { ImportedPopulationView, SampleDrawnView, SelectionVerifiedView } from './sampling-views.ts';
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
  /**
   * Record sampling (issue 20): an export imported as a population of a process, period and site.
   * Only the `columns` listed are kept (a column not listed never reaches the file); one of them has
   * the role 'id'. `badRows`: skip them (listed in the result) or stop at the first.
   */
  'sampling:import': job<ImportedPopulationView>()('sampling:import', {
    engagementHandle: handleSchema,
    file: fileRefSchema,
    format: z.enum(SOURCE_FORMATS),
    reading: exportReadingSchema,
    columns: z
      .array(z.object({ index: z.number().int().min(0).max(10_000), name: z.string().trim().min(1).max(300), role: z.enum(COLUMN_ROLES).exclude(['drop']) }).strict())
      .min(1)
      .max(500),
    badRows: z.enum(BAD_ROW_HANDLING),
    dayFirst: z.boolean().optional(),
    topic: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(300),
    periodFrom: z.iso.date().nullable(),
    periodTo: z.iso.date().nullable(),
    siteId: z.string().max(100),
  }),
  /**
   * A sample drawn from a population. `seed`: as typed (to recompute a recorded sample) or none (a new
   * one from the platform's random source). `picks`: the judgmental items with their reasons.
   */
  'sampling:draw': job<SampleDrawnView>()('sampling:draw', {
    engagementHandle: handleSchema,
    populationId: z.string().min(1).max(100),
    samplingPlan: z.string().max(100),
    sizing: z.enum(SAMPLE_SIZINGS),
    justification: z.string().max(5000),
    confidence: z.number().min(0.5).max(0.999).nullable(),
    tolerableRate: z.number().min(0.001).max(0.5).nullable(),
    expectedRate: z.number().min(0).max(0.5).nullable(),
    statisticalModel: z.enum(STATISTICAL_MODELS),
    size: z.number().int().min(1).max(1_000_000),
    method: z.enum(SAMPLE_METHODS),
    stratifyBy: z.string().max(300).optional(),
    allocation: z.enum(STRATUM_ALLOCATIONS).optional(),
    minimumPerStratum: z.number().int().min(1).max(100_000).optional(),
    seed: z.string().min(1).max(200).optional(),
    picks: z.array(z.object({ rowNo: z.number().int().min(0).max(100_000_000), reason: z.string().trim().min(1).max(1000) }).strict()).max(10_000).optional(),
  }),
  /** More items for a sample: every item already drawn stays (random and stratified: the next items of the same order). */
  'sampling:extend': job<SampleDrawnView>()('sampling:extend', {
    engagementHandle: handleSchema,
    sampleId: z.string().min(1).max(100),
    more: z.number().int().min(1).max(1_000_000),
  }),
  /** Recomputes a sample from what it records (algorithm, seed, the population's ids) and compares. */
  'sampling:verify': job<SelectionVerifiedView>()('sampling:verify', { engagementHandle: handleSchema, sampleId: z.string().min(1).max(100) }),
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
