import { z } from 'zod';
import { LOGO_DATA_URL } from './logo.ts';
import {
  NUMBERING_SCOPES,
  NUMBERING_SEQUENCES,
  PHOTO_POLICIES,
  PROFILE_AUDIT_TYPES,
  PROFILE_FORMAT,
  PROFILE_LIMITS,
  RECOMMENDATION_OUTCOMES,
  REPORT_FIELDS,
  SAMPLING_METHODS,
  TABLE_SOURCES,
  TEMPLATE_KINDS,
} from './profile.ts';
import type { IssueParams, ProfileIssueCode } from './profile-issues.ts';

/**
 * The structural stage of profile validation: resources/cb-profiles/cb-profile.schema.json (format 1)
 * and cb-profile-2.schema.json (format 2) said again in zod, keyword for keyword, because shared/ runs in the renderer too, where ajv's generated code
 * (new Function) is refused by the CSP (script-src 'self', no 'unsafe-eval'). The JSON Schema stays the
 * public, documented format; tests/rules/cb-profile/profile-schema-mirror.test.ts checks that the two accept exactly the same
 * values (the shipped profile, a corpus of bad ones, and random mutations of the shipped one).
 *
 * Every check reports its own code (custom issues) so the mapping to ProfileIssue needs no guessing;
 * zod's own issues are left for types, enums and unknown fields. Lengths count code points, as JSON
 * Schema does (an emoji is one character, not two UTF-16 units).
 */

type Ctx = z.RefinementCtx;

const report = (ctx: Ctx, code: ProfileIssueCode, params: IssueParams = {}, path: PropertyKey[] = []): void => {
  ctx.addIssue({ code: 'custom', params: { code, ...params }, path: path as (string | number)[] });
};

const codePoints = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u;
const ID = /^[a-z0-9][a-z0-9._-]{2,99}$/u;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/u;
const KEY = /^[a-z][a-z0-9-]{0,39}$/u;
const GRADE_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,11}$/u;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/u;

interface StringRule {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  /** The name a message gives the expected form: 'language', 'id', 'version', 'key', 'grade-code', 'date'. */
  readonly format?: string;
}

const str = ({ min = 0, max = Infinity, pattern, format }: StringRule) =>
  z.string().superRefine((value, ctx) => {
    const length = codePoints(value);
    if (length < min) report(ctx, 'TOO_SHORT', { min });
    if (length > max) report(ctx, 'TOO_LONG', { max });
    if (pattern && !pattern.test(value)) report(ctx, 'BAD_FORMAT', { format: format ?? 'pattern' });
  });

/** JSON Schema "integer" (1.0 is one) within a range; a fraction is a type error there, so here too. */
const int = (min: number, max: number) =>
  z.number().superRefine((value, ctx) => {
    if (!Number.isInteger(value)) report(ctx, 'WRONG_TYPE', { expected: 'integer' });
    else if (value < min || value > max) report(ctx, 'OUT_OF_RANGE', { min, max });
  });

const num = (min: number, max: number) =>
  z.number().superRefine((value, ctx) => {
    if (value < min || value > max) report(ctx, 'OUT_OF_RANGE', { min, max });
  });

const list = <T extends z.ZodType>(item: T, { min = 0, max, unique = false }: { min?: number; max: number; unique?: boolean }) =>
  z.array(item).superRefine((items, ctx) => {
    if (items.length < min) report(ctx, 'TOO_FEW', { min });
    if (items.length > max) report(ctx, 'TOO_MANY', { max });
    if (unique) {
      // Primitive items only (languages, enums): JSON equality is ===.
      const first = new Map<unknown, number>();
      items.forEach((value, index) => {
        if (first.has(value)) report(ctx, 'DUPLICATE_ITEM', { value: String(value), firstIndex: first.get(value)! }, [index]);
        else first.set(value, index);
      });
    }
  });

const language = str({ pattern: LANGUAGE, format: 'language' });
const languageList = list(language, { min: 1, max: 20, unique: true });
const shortString = str({ min: 1, max: 300 });
const date = str({ pattern: DATE, format: 'date' });

/** A language map: at least one entry, keys are language tags, texts 1–5000 characters. */
const text = z.record(z.string(), z.string()).superRefine((map, ctx) => {
  const entries = Object.entries(map);
  if (entries.length < 1) report(ctx, 'TOO_FEW', { min: 1 });
  for (const [tag, value] of entries) {
    if (!LANGUAGE.test(tag)) report(ctx, 'BAD_FORMAT', { format: 'language' }, [tag]);
    const length = codePoints(value);
    if (length < 1) report(ctx, 'TOO_SHORT', { min: 1 }, [tag]);
    if (length > PROFILE_LIMITS.textChars) report(ctx, 'TOO_LONG', { max: PROFILE_LIMITS.textChars }, [tag]);
  }
});

const personnel = int(1, PROFILE_LIMITS.maxPersonnel);
const population = int(1, PROFILE_LIMITS.maxPopulation);
const sample = int(1, PROFILE_LIMITS.maxSample);
const days = num(0.01, PROFILE_LIMITS.maxDays);
const deadline = int(1, PROFILE_LIMITS.maxDeadlineDays);

const logo = z.string().superRefine((value, ctx) => {
  if (codePoints(value) > PROFILE_LIMITS.logoChars) report(ctx, 'LOGO_TOO_LARGE', { maxChars: PROFILE_LIMITS.logoChars });
  if (!LOGO_DATA_URL.test(value)) report(ctx, 'BAD_LOGO', { reason: 'not-image-data-url' });
});

const accreditation = z.strictObject({
  body: shortString,
  number: shortString,
  scope: text.optional(),
  validFrom: date.optional(),
  validUntil: date.optional(),
});

const certificationBody = z.strictObject({
  name: text,
  address: text.optional(),
  website: shortString.optional(),
  accreditations: list(accreditation, { max: 20 }).optional(),
  cncaApprovalNumber: shortString.optional(),
  cnasAccreditationNumber: shortString.optional(),
});

const grade = z.strictObject({
  key: str({ pattern: KEY, format: 'key' }),
  code: str({ pattern: GRADE_CODE, format: 'grade-code' }),
  name: text,
  definition: text,
  isNonconformity: z.boolean(),
  order: int(1, 100),
  responseDays: deadline.optional(),
  verificationDays: deadline.optional(),
});

const grades = list(grade, { min: 1, max: 20 }).superRefine((items, ctx) => {
  // JSON Schema "contains": at least one grade counts as a nonconformity.
  if (!items.some((item) => item.isNonconformity === true)) report(ctx, 'NO_NONCONFORMITY_GRADE');
});

const findingNumbering = z.strictObject({
  pattern: str({ min: 1, max: 60 }),
  sequence: z.enum(NUMBERING_SEQUENCES),
  appliesTo: z.enum(NUMBERING_SCOPES),
});

const recommendation = z.strictObject({
  key: str({ pattern: KEY, format: 'key' }),
  auditTypes: list(z.enum(PROFILE_AUDIT_TYPES), { min: 1, max: PROFILE_AUDIT_TYPES.length, unique: true }),
  outcome: z.enum(RECOMMENDATION_OUTCOMES),
  text,
});

const auditTimeRow = z.strictObject({
  minPersonnel: personnel,
  maxPersonnel: personnel.nullable(),
  auditorDays: z.strictObject({ initial: days, surveillance: days.optional(), recertification: days.optional() }),
});

const auditTime = z
  .strictObject({
    tableSource: z.enum(TABLE_SOURCES),
    note: text.optional(),
    rows: list(auditTimeRow, { max: 200 }),
  })
  .superRefine((table, ctx) => {
    // JSON Schema if/then/else: no rows without a table, a table has rows.
    if (table.tableSource === 'not-provided' && table.rows.length > 0) report(ctx, 'TABLE_NOT_PROVIDED_HAS_ROWS', {}, ['rows']);
    if (table.tableSource === 'cb-table' && table.rows.length === 0) report(ctx, 'TABLE_EMPTY', {}, ['rows']);
  });

const frequencyRow = z.strictObject({
  label: text,
  populationMin: population,
  populationMax: population.nullable(),
  sampleMin: sample,
  sampleMax: sample,
});

const recordSampling = z
  .strictObject({
    defaultMethod: z.enum(SAMPLING_METHODS),
    judgment: z.strictObject({ minPerProcess: int(1, 1000), maxPerProcess: int(1, 1000) }),
    frequencyTable: z.strictObject({ note: text.optional(), rows: list(frequencyRow, { min: 1, max: 50 }) }).optional(),
  })
  .superRefine((sampling, ctx) => {
    if (sampling.defaultMethod === 'frequency-table' && sampling.frequencyTable === undefined) report(ctx, 'FREQUENCY_TABLE_MISSING', {}, ['frequencyTable']);
  });

const stage1Readiness = z.strictObject({
  minimumMonthsOperating: int(0, 60),
  requireInternalAudit: z.boolean(),
  requireManagementReview: z.boolean(),
});

/** Format 1, as resources/cb-profiles/cb-profile.schema.json states it. Frozen: format 1 never changes. */
export const profileShapeV1 = z.strictObject({
  $schema: str({ max: 500 }).optional(),
  format: z.literal(PROFILE_FORMAT),
  formatVersion: z.literal(1),
  id: str({ pattern: ID, format: 'id' }),
  version: str({ pattern: SEMVER, format: 'version' }),
  title: text,
  description: text.optional(),
  releasedOn: date.optional(),
  languages: languageList,
  defaultLanguage: language,
  reportLanguages: languageList,
  certificationBody: certificationBody.optional(),
  logo: logo.optional(),
  grades,
  findingNumbering,
  recommendations: list(recommendation, { max: 100 }),
  auditTime,
  recordSampling,
  fivePointProcessGrid: z.boolean(),
  photoPolicy: z.enum(PHOTO_POLICIES),
  stage1Readiness: stage1Readiness.optional(),
  requiredReportFields: list(z.enum(REPORT_FIELDS), { max: REPORT_FIELDS.length, unique: true }),
});

/**
 * A template's .docx as base64. The schema states only the alphabet (a character class, cheap on 14
 * million characters, where a grouped pattern would backtrack) and the length; that the text decodes
 * (length and padding) and holds a zip is a rule (profile-rules.ts). Length in UTF-16 units: the
 * alphabet is ASCII, so for any text that passes it this is the code-point count the schema uses.
 */
const BASE64_ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/u;
const templateData = z.string().superRefine((value, ctx) => {
  if (value.length < 1) report(ctx, 'TOO_SHORT', { min: 1 });
  if (value.length > PROFILE_LIMITS.templateDataChars) {
    report(ctx, 'TEMPLATE_TOO_LARGE', { maxBytes: PROFILE_LIMITS.templateBytes, bytes: Math.floor((value.length * 3) / 4) });
  }
  if (!BASE64_ALPHABET.test(value)) report(ctx, 'BAD_TEMPLATE_DATA', { reason: 'not-base64' });
});

/** A file name as the CB saved it, ending in .docx, without path separators or characters Windows refuses. */
// eslint-disable-next-line no-control-regex -- control characters are what the pattern refuses (as the schema's)
const DOCX_FILE_NAME = /^[^\\/:*?"<>|\u0000-\u001f]+\.[Dd][Oo][Cc][Xx]$/u;

const template = z.strictObject({
  key: str({ pattern: KEY, format: 'key' }),
  kind: z.enum(TEMPLATE_KINDS),
  language,
  title: text,
  fileName: str({ min: 1, max: 200, pattern: DOCX_FILE_NAME, format: 'docx-file-name' }),
  data: templateData,
});

/** Format 2, as resources/cb-profiles/cb-profile-2.schema.json states it: format 1 plus the CB's Word templates. */
export const profileShapeV2 = profileShapeV1.extend({
  formatVersion: z.literal(2),
  templates: list(template, { max: PROFILE_LIMITS.maxTemplates }).optional(),
});

/**
 * The shape a value is checked against: its own format's. A value claiming neither 1 nor 2 (0, "1",
 * none) is checked as the newest format, whose formatVersion issue then says what is allowed.
 */
export function profileShapeFor(value: unknown): typeof profileShapeV1 | typeof profileShapeV2 {
  return typeof value === 'object' && value !== null && (value as { formatVersion?: unknown }).formatVersion === 1 ? profileShapeV1 : profileShapeV2;
}
