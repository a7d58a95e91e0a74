import type { z } from 'zod';
import { PROFILE_FORMAT, PROFILE_FORMAT_VERSION, PROFILE_FORMAT_VERSIONS, PROFILE_LIMITS, upgradeProfileV1, type CbProfile, type CbProfileV1 } from './profile.ts';
import { decodeJson } from './profile-json.ts';
import { MAX_PROFILE_ISSUES, pointerOf, type IssueParam, type IssueParams, type ProfileIssue } from './profile-issues.ts';
import { profileRuleIssues } from './profile-rules.ts';
import { profileShapeFor } from './profile-shape.ts';

/**
 * Checking a CB profile, on load (library, engagement copy) and on import: the file's text, then what
 * it is (format, format version), then the structure (profile-shape.ts, the JSON Schema's twin), then
 * the rules (profile-rules.ts). A profile with any issue is refused whole: the caller changes nothing.
 * Never throws, whatever the input.
 *
 * Format versions. A newer formatVersion than this app reads is refused with NEWER_FORMAT (the app must
 * be updated); an older one keeps loading. Format 2 (the CB's Word templates) keeps `profileShapeV1`
 * frozen beside `profileShapeV2`: a version-1 profile is read with the version-1 shape and the rules,
 * then lifted by the pure `upgradeProfileV1` (profile.ts), so the rest of the app sees one type. The
 * stored text (library file, engagement copy) stays as imported; the upgrade runs on every read, so an
 * engagement never changes under an app update.
 */

export type ProfileCheck = { readonly ok: true; readonly profile: CbProfile } | { readonly ok: false; readonly issues: readonly ProfileIssue[] };

const refuse = (issues: readonly ProfileIssue[]): ProfileCheck => ({ ok: false, issues: issues.slice(0, MAX_PROFILE_ISSUES) });
const fileIssue = (code: ProfileIssue['code'], params: IssueParams = {}, path = ''): ProfileIssue => ({ code, path, params });

/** A profile file's text (UTF-8 already decoded; a leading BOM is ignored). */
export function parseProfileJson(text: string): ProfileCheck {
  try {
    if (typeof text !== 'string') return refuse([fileIssue('NOT_JSON', { reason: 'not-text' })]);
    if (text.length > PROFILE_LIMITS.fileChars) return refuse([fileIssue('FILE_TOO_LARGE', { chars: text.length, maxChars: PROFILE_LIMITS.fileChars })]);
    const decoded = decodeJson(text);
    if (!decoded.ok) {
      const params: Record<string, IssueParam> = { reason: decoded.reason };
      if (decoded.column !== undefined) params.column = decoded.column;
      return refuse([{ ...fileIssue('NOT_JSON', params), ...(decoded.line !== undefined ? { line: decoded.line } : {}) }]);
    }
    const result = checkProfile(decoded.value);
    if (result.ok) return result;
    return {
      ok: false,
      issues: result.issues.map((issue) => {
        const line = decoded.lineOfPath(issue.path);
        return line === undefined ? issue : { ...issue, line };
      }),
    };
  } catch (error) {
    return internalFailure(error);
  }
}

/** A decoded value (a library file already parsed, an engagement's stored copy). */
export function checkProfile(value: unknown): ProfileCheck {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse([fileIssue('NOT_A_PROFILE', { found: kindOf(value) })]);
    const record = value as Record<string, unknown>;
    if (record.format !== PROFILE_FORMAT) {
      // A checklist pack chosen by mistake says so in its own "format": the message can name it.
      const found = typeof record.format === 'string' ? record.format.slice(0, 100) : null;
      return refuse([fileIssue('NOT_A_PROFILE', { found }, '/format')]);
    }
    const version = record.formatVersion;
    if (typeof version === 'number' && Number.isInteger(version) && version > PROFILE_FORMAT_VERSION) {
      return refuse([fileIssue('NEWER_FORMAT', { found: version, supported: PROFILE_FORMAT_VERSION }, '/formatVersion')]);
    }
    const shape = profileShapeFor(value).safeParse(value);
    if (!shape.success) return refuse(shape.error.issues.flatMap((issue) => shapeIssues(issue, value)));
    const profile = version === 1 ? upgradeProfileV1(value as CbProfileV1) : (value as CbProfile);
    const issues = profileRuleIssues(profile);
    return issues.length ? refuse(issues) : { ok: true, profile };
  } catch (error) {
    return internalFailure(error);
  }
}

/**
 * A failure of the checker itself is still an answer, never an exception (the import dialog shows
 * it like any other refusal). Reaching this is a bug: the property tests look for it.
 */
function internalFailure(error: unknown): ProfileCheck {
  return refuse([fileIssue('CHECK_FAILED', { error: error instanceof Error ? error.name : 'unknown' })]);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Whether the value at `path` is absent from an object that exists (then the field is missing, not mistyped). */
function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node) && !Object.prototype.hasOwnProperty.call(node, path[path.length - 1]!);
}

const TYPE_NAMES: Record<string, string> = { record: 'object', int: 'integer' };

function shapeIssues(issue: z.core.$ZodIssue, root: unknown): ProfileIssue[] {
  const path = issue.path;
  const at = pointerOf(path);
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as { code?: ProfileIssue['code'] } & Record<string, IssueParam>;
      return [{ code: code ?? 'WRONG_VALUE', path: at, params }];
    }
    case 'invalid_type':
      if (isMissing(root, path)) return [{ code: 'MISSING_FIELD', path: at, params: { field: String(path[path.length - 1]) } }];
      return [{ code: 'WRONG_TYPE', path: at, params: { expected: TYPE_NAMES[issue.expected] ?? issue.expected } }];
    case 'invalid_value':
      if (isMissing(root, path)) return [{ code: 'MISSING_FIELD', path: at, params: { field: String(path[path.length - 1]) } }];
      // Checked against the newest shape, whose literal names one version: every readable one is allowed.
      if (at === '/formatVersion') return [{ code: 'WRONG_VALUE', path: at, params: { allowed: [...PROFILE_FORMAT_VERSIONS] } }];
      return [{ code: 'WRONG_VALUE', path: at, params: { allowed: issue.values.filter((v) => typeof v === 'string' || typeof v === 'number') as (string | number)[] } }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ code: 'UNKNOWN_FIELD' as const, path: pointerOf([...path, key]), params: { field: key } }));
    default:
      // Not produced by profile-shape.ts (its checks are custom); kept as an answer rather than a throw.
      return [{ code: 'WRONG_VALUE', path: at, params: { check: issue.code } }];
  }
}
