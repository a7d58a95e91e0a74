import { isCalendarDate } from '../time.ts';
import { logoProblem } from './logo.ts';
import { parseNumberingPattern } from './numbering.ts';
import { PROFILE_LIMITS, type CbProfile, type LocalizedText } from './profile.ts';
import { pointerOf, type IssueParams, type ProfileIssue, type ProfileIssueCode } from './profile-issues.ts';

/**
 * The rules a JSON Schema cannot state: keys unique within a list, languages used being listed, the
 * texts a report prints present in every report language, the numbering tokens, table rows in order
 * without overlap or gaps, day values in hundredths, real calendar dates, the logo's bytes matching its
 * type, templates' keys unique and their base64 decodable into a zip. Run after the structural stage
 * passed, so the shape is known.
 */
export function profileRuleIssues(profile: CbProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const at = (path: readonly PropertyKey[], code: ProfileIssueCode, params: IssueParams = {}): void => {
    issues.push({ code, path: pointerOf(path), params });
  };
  const languages = new Set(profile.languages);

  if (!languages.has(profile.defaultLanguage)) at(['defaultLanguage'], 'DEFAULT_LANGUAGE_NOT_LISTED', { language: profile.defaultLanguage });
  profile.reportLanguages.forEach((language, i) => {
    if (!languages.has(language)) at(['reportLanguages', i], 'UNKNOWN_LANGUAGE', { language });
  });

  /** Every text: the default language present, only listed languages; `printed` texts in every report language too. */
  const checkText = (path: readonly PropertyKey[], text: LocalizedText | undefined, printed = false): void => {
    if (!text) return;
    if (!Object.hasOwn(text, profile.defaultLanguage)) at(path, 'MISSING_DEFAULT_LANGUAGE', { language: profile.defaultLanguage });
    for (const language of Object.keys(text)) if (!languages.has(language)) at([...path, language], 'UNKNOWN_LANGUAGE', { language });
    if (!printed) return;
    for (const language of profile.reportLanguages) {
      if (language !== profile.defaultLanguage && !Object.hasOwn(text, language)) at(path, 'MISSING_REPORT_LANGUAGE', { language });
    }
  };
  checkText(['title'], profile.title);
  checkText(['description'], profile.description);
  checkDate(['releasedOn'], profile.releasedOn);

  const body = profile.certificationBody;
  if (body) {
    checkText(['certificationBody', 'name'], body.name, true);
    checkText(['certificationBody', 'address'], body.address, true);
    (body.accreditations ?? []).forEach((accreditation, i) => {
      const base = ['certificationBody', 'accreditations', i];
      checkText([...base, 'scope'], accreditation.scope, true);
      const fromOk = checkDate([...base, 'validFrom'], accreditation.validFrom);
      const untilOk = checkDate([...base, 'validUntil'], accreditation.validUntil);
      if (fromOk && untilOk && accreditation.validFrom && accreditation.validUntil && accreditation.validUntil < accreditation.validFrom) {
        at([...base, 'validUntil'], 'DATE_ORDER', { from: accreditation.validFrom, until: accreditation.validUntil });
      }
    });
  }

  if (profile.logo !== undefined) {
    const problem = logoProblem(profile.logo);
    if (problem) at(['logo'], 'BAD_LOGO', { reason: problem });
  }

  // Grades: keys are what findings store, codes what numbers print, orders how lists sort.
  const firstKey = new Map<string, number>();
  const firstCode = new Map<string, number>();
  const firstOrder = new Map<number, number>();
  profile.grades.forEach((grade, i) => {
    const base = ['grades', i];
    if (firstKey.has(grade.key)) at([...base, 'key'], 'DUPLICATE_GRADE', { key: grade.key, firstIndex: firstKey.get(grade.key)! });
    else firstKey.set(grade.key, i);
    if (firstCode.has(grade.code)) at([...base, 'code'], 'DUPLICATE_GRADE_CODE', { code: grade.code, firstIndex: firstCode.get(grade.code)! });
    else firstCode.set(grade.code, i);
    if (firstOrder.has(grade.order)) at([...base, 'order'], 'DUPLICATE_GRADE_ORDER', { order: grade.order, firstIndex: firstOrder.get(grade.order)! });
    else firstOrder.set(grade.order, i);
    checkText([...base, 'name'], grade.name, true);
    checkText([...base, 'definition'], grade.definition, true);
    if (grade.responseDays !== undefined && grade.verificationDays !== undefined && grade.verificationDays < grade.responseDays) {
      at([...base, 'verificationDays'], 'DEADLINE_ORDER', { responseDays: grade.responseDays, verificationDays: grade.verificationDays });
    }
  });

  const numbering = parseNumberingPattern(profile.findingNumbering.pattern);
  if (!numbering.ok) at(['findingNumbering', 'pattern'], 'BAD_NUMBERING_PATTERN', { ...numbering.problem });

  const firstRecommendation = new Map<string, number>();
  profile.recommendations.forEach((recommendation, i) => {
    if (firstRecommendation.has(recommendation.key)) {
      at(['recommendations', i, 'key'], 'DUPLICATE_RECOMMENDATION', { key: recommendation.key, firstIndex: firstRecommendation.get(recommendation.key)! });
    } else firstRecommendation.set(recommendation.key, i);
    checkText(['recommendations', i, 'text'], recommendation.text, true);
  });

  checkText(['auditTime', 'note'], profile.auditTime.note);
  checkRows(
    ['auditTime', 'rows'],
    profile.auditTime.rows.map((row) => ({ min: row.minPersonnel, max: row.maxPersonnel })),
    ['minPersonnel', 'maxPersonnel'],
  );
  profile.auditTime.rows.forEach((row, i) => {
    for (const [kind, value] of Object.entries(row.auditorDays)) {
      if (value !== undefined && !inHundredths(value)) at(['auditTime', 'rows', i, 'auditorDays', kind], 'TOO_MANY_DECIMALS', { decimals: PROFILE_LIMITS.dayDecimals });
    }
  });

  const { judgment, frequencyTable } = profile.recordSampling;
  if (judgment.maxPerProcess < judgment.minPerProcess) {
    at(['recordSampling', 'judgment', 'maxPerProcess'], 'RANGE_REVERSED', { min: judgment.minPerProcess, max: judgment.maxPerProcess });
  }
  if (frequencyTable) {
    checkText(['recordSampling', 'frequencyTable', 'note'], frequencyTable.note);
    const base = ['recordSampling', 'frequencyTable', 'rows'];
    checkRows(base, frequencyTable.rows.map((row) => ({ min: row.populationMin, max: row.populationMax })), ['populationMin', 'populationMax']);
    frequencyTable.rows.forEach((row, i) => {
      checkText([...base, i, 'label'], row.label);
      if (row.sampleMax < row.sampleMin) at([...base, i, 'sampleMax'], 'RANGE_REVERSED', { min: row.sampleMin, max: row.sampleMax });
    });
  }
  const firstTemplate = new Map<string, number>();
  (profile.templates ?? []).forEach((template, i) => {
    const base = ['templates', i];
    if (firstTemplate.has(template.key)) at([...base, 'key'], 'DUPLICATE_TEMPLATE', { key: template.key, firstIndex: firstTemplate.get(template.key)! });
    else firstTemplate.set(template.key, i);
    if (!languages.has(template.language)) at([...base, 'language'], 'UNKNOWN_LANGUAGE', { language: template.language });
    checkText([...base, 'title'], template.title);
    const problem = templateDataProblem(template.data);
    if (problem) at([...base, 'data'], 'BAD_TEMPLATE_DATA', { reason: problem });
  });
  return issues;

  function checkDate(path: readonly PropertyKey[], value: string | undefined): boolean {
    if (value === undefined) return true;
    if (isCalendarDate(value)) return true;
    at(path, 'BAD_DATE', { value });
    return false;
  }

  /**
   * Ranged rows (personnel, population): each min ≤ its max, rows ascending, each starting right
   * after the one before (no overlap: one value, one row; no gap: every value finds a row); only the
   * last may be open-ended.
   */
  function checkRows(base: readonly PropertyKey[], rows: readonly { min: number; max: number | null }[], [minKey, maxKey]: readonly [string, string]): void {
    rows.forEach((row, i) => {
      if (row.max !== null && row.max < row.min) at([...base, i, maxKey], 'RANGE_REVERSED', { min: row.min, max: row.max });
      if (row.max === null && i < rows.length - 1) at([...base, i, maxKey], 'OPEN_ROW_NOT_LAST');
      const previous = i > 0 ? rows[i - 1] : undefined;
      if (!previous) return;
      if (row.min < previous.min) at([...base, i, minKey], 'TABLE_ROWS_UNSORTED', { min: row.min, previousMin: previous.min });
      else if (previous.max === null || row.min <= previous.max) at([...base, i, minKey], 'TABLE_ROWS_OVERLAP', { min: row.min, previousMax: previous.max });
      else if (row.min > previous.max + 1) at([...base, i, minKey], 'TABLE_ROWS_GAP', { min: row.min, previousMax: previous.max });
    });
  }
}

/** Whether a day value has at most two decimals (binary floating point: 2.35 is 2.35000000000000008…). */
export function inHundredths(value: number): boolean {
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/**
 * What the schema's alphabet cannot say about a template's base64: whole 4-character groups with '='
 * only as padding, and bytes that start as a zip does ("PK\x03\x04" is "UEsDB" in base64). Whether
 * the zip is a usable .docx (not a macro-enabled or encrypted file, no remote content) is the template
 * check's (electron/templates/), run when a profile is imported.
 */
function templateDataProblem(data: string): 'not-base64' | 'not-zip' | null {
  if (data.length % 4 !== 0) return 'not-base64';
  if (!data.startsWith('UEsDB')) return 'not-zip';
  return null;
}
