/**
 * What is wrong with a CB profile, as data: a code, the JSON Pointer of the value to fix (RFC 6901;
 * '' is the whole document), the parameters a message needs, and the line when the profile came from
 * a text. The renderer turns codes into sentences in the interface language; nothing here is English.
 */

/** The file or value as a whole. */
export const FILE_ISSUE_CODES = ['NOT_JSON', 'FILE_TOO_LARGE', 'NOT_A_PROFILE', 'NEWER_FORMAT', 'CHECK_FAILED'] as const;

/** What the JSON Schema says too (the structural stage mirrors resources/cb-profiles/cb-profile.schema.json). */
export const SHAPE_ISSUE_CODES = [
  'MISSING_FIELD',
  'UNKNOWN_FIELD',
  'WRONG_TYPE',
  'WRONG_VALUE',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_FEW',
  'TOO_MANY',
  'OUT_OF_RANGE',
  'BAD_FORMAT',
  'DUPLICATE_ITEM',
  'NO_NONCONFORMITY_GRADE',
  'BAD_LOGO',
  'LOGO_TOO_LARGE',
  'TABLE_EMPTY',
  'TABLE_NOT_PROVIDED_HAS_ROWS',
  'FREQUENCY_TABLE_MISSING',
  // Format 2: a template's bytes over PROFILE_LIMITS.templateBytes, or not base64 text.
  'TEMPLATE_TOO_LARGE',
  'BAD_TEMPLATE_DATA',
] as const;

/** Rules a JSON Schema cannot state (shared/cb-profile/profile-rules.ts). */
export const RULE_ISSUE_CODES = [
  'DEFAULT_LANGUAGE_NOT_LISTED',
  'UNKNOWN_LANGUAGE',
  'MISSING_DEFAULT_LANGUAGE',
  'MISSING_REPORT_LANGUAGE',
  'DUPLICATE_GRADE',
  'DUPLICATE_GRADE_CODE',
  'DUPLICATE_GRADE_ORDER',
  'DEADLINE_ORDER',
  'DUPLICATE_RECOMMENDATION',
  'BAD_NUMBERING_PATTERN',
  'RANGE_REVERSED',
  'TABLE_ROWS_UNSORTED',
  'TABLE_ROWS_OVERLAP',
  'TABLE_ROWS_GAP',
  'OPEN_ROW_NOT_LAST',
  'TOO_MANY_DECIMALS',
  'BAD_DATE',
  'DATE_ORDER',
  'DUPLICATE_TEMPLATE',
] as const;

export const PROFILE_ISSUE_CODES = [...FILE_ISSUE_CODES, ...SHAPE_ISSUE_CODES, ...RULE_ISSUE_CODES] as const;
export type ProfileIssueCode = (typeof PROFILE_ISSUE_CODES)[number];

export type IssueParam = string | number | boolean | null | readonly (string | number)[];
export type IssueParams = Readonly<Record<string, IssueParam>>;

export interface ProfileIssue {
  readonly code: ProfileIssueCode;
  /** JSON Pointer of the value to fix: a missing field's own path, a duplicate's second occurrence. */
  readonly path: string;
  readonly params: IssueParams;
  /** 1-based line in the profile's text, when it came from one and the path exists in it. */
  readonly line?: number;
}

/** At most this many issues are returned (a wholly wrong file would list thousands). */
export const MAX_PROFILE_ISSUES = 100;

/** RFC 6901: "/grades/0/name/zh-Hans" from ["grades", 0, "name", "zh-Hans"]. */
export function pointerOf(segments: readonly PropertyKey[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
