import type { Grade, ProfileAuditType, RecommendationOutcome, RecommendationWording } from '../cb-profile/profile.ts';
import type { AuditType } from '../engagement.ts';
import type { Verdict as ReadinessVerdict } from '../fieldwork/readiness-rules.ts';

/**
 * The audit team's recommendation (17021-1 9.4.8 item 16) as the tool suggests it, in the CB
 * profile's own wordings for the audit type. The lead confirms it or chooses another wording with a
 * reason; the CB decides. The rule, as an experienced lead applies it:
 *
 * - Stage 1: readiness for stage 2, from the readiness verdict. Not ready → the negative wording;
 *   ready (or ready from a later day) → the positive one, areas of concern being stage 2's focus;
 *   readiness still open (areas not assessed, rules unconfirmed) → no suggestion yet.
 * - Otherwise from the open nonconformities (a nonconformity is open until its corrective action is
 *   closed, or verified effective):
 *   - none → positive;
 *   - minors only → the conditional wording ("once the corrections and corrective actions have been
 *     verified" — for minors, an accepted plan) when the profile words one for this audit type, else positive;
 *   - a major (the most severe nonconformity grade of a scale with two or more) → never positive:
 *     at stage 2, recertification and a scope extension the conditional wording (else the negative);
 *     at a surveillance or short-notice audit of a certified client an unresolved major leads to a
 *     suspension recommendation: the negative wording, flagged `suspension`.
 * - No wording of the wanted outcome → the nearest stricter one (conditional → negative), never a
 *   milder one; none at all → no suggestion (`no_wording`).
 */

/** The profile's audit types a recommendation for this engagement's audit type is worded under. */
export function profileAuditTypes(auditType: AuditType): readonly ProfileAuditType[] {
  switch (auditType) {
    // Kept readable for older files: a special audit is a scope extension or a short-notice audit.
    case 'special':
      return ['scope_extension', 'short_notice'];
    // A transfer is no audit type (IAF MD 2): the audit after the pre-transfer review is a surveillance or a recertification.
    case 'transfer':
      return ['surveillance1', 'surveillance2', 'recertification'];
    default:
      return [auditType];
  }
}

/** The wordings a lead may choose from at this audit type, in the profile's order. */
export function recommendationChoices(auditType: AuditType, wordings: readonly RecommendationWording[]): RecommendationWording[] {
  const types = new Set<string>(profileAuditTypes(auditType));
  return wordings.filter((wording) => wording.auditTypes.some((type) => types.has(type)));
}

/** The grade keys that are major: the most severe nonconformity grade, when the scale has two or more. */
export function majorGradeKeys(grades: readonly Pick<Grade, 'key' | 'isNonconformity' | 'order'>[]): ReadonlySet<string> {
  const ncs = grades.filter((grade) => grade.isNonconformity);
  if (ncs.length < 2) return new Set();
  const most = Math.min(...ncs.map((grade) => grade.order));
  return new Set(ncs.filter((grade) => grade.order === most).map((grade) => grade.key));
}

const SURVEILLANCE_LIKE: ReadonlySet<AuditType> = new Set(['surveillance1', 'surveillance2', 'short_notice']);

export type RecommendationBasis = 'no_open_nc' | 'open_minors' | 'open_major' | 'stage1_ready' | 'stage1_not_ready' | 'stage1_open' | 'no_wording';

export interface RecommendationInput {
  readonly auditType: AuditType;
  readonly wordings: readonly RecommendationWording[];
  readonly grades: readonly Pick<Grade, 'key' | 'isNonconformity' | 'order'>[];
  /** The grades of the nonconformities still open (one entry per finding). */
  readonly openGrades: readonly string[];
  /** Stage 1 only: the readiness verdict and how many areas are ready with concerns or recorded as areas of concern. */
  readonly stage1?: { readonly verdict: ReadinessVerdict; readonly areasOfConcern: number };
}

export interface RecommendationSuggestion {
  /** The suggested wording's key, or null when there is nothing to suggest yet. */
  readonly key: string | null;
  readonly outcome: RecommendationOutcome | null;
  readonly basis: RecommendationBasis;
  readonly openMajors: number;
  readonly openMinors: number;
  readonly areasOfConcern: number;
  /** An unresolved major at a surveillance: the negative wording stands for a suspension recommendation. */
  readonly suspension: boolean;
  /** Every wording of this audit type, in the profile's order: what the lead may choose. */
  readonly choices: readonly RecommendationWording[];
}

/** Falls back only to stricter outcomes: a suggestion is never milder than the findings allow. */
const STRICTER: Record<RecommendationOutcome, readonly RecommendationOutcome[]> = {
  positive: ['positive', 'conditional', 'negative'],
  conditional: ['conditional', 'negative'],
  negative: ['negative'],
};

export function suggestRecommendation(input: RecommendationInput): RecommendationSuggestion {
  const choices = recommendationChoices(input.auditType, input.wordings);
  const majors = majorGradeKeys(input.grades);
  const nc = new Set(input.grades.filter((grade) => grade.isNonconformity).map((grade) => grade.key));
  // A grade the profile no longer defines counts as a nonconformity when it was open as one: never drop it.
  const openMajors = input.openGrades.filter((grade) => majors.has(grade)).length;
  const openMinors = input.openGrades.filter((grade) => !majors.has(grade) && (nc.has(grade) || !input.grades.some((known) => known.key === grade))).length;
  const areasOfConcern = input.stage1?.areasOfConcern ?? 0;
  const base = { openMajors, openMinors, areasOfConcern, choices };

  let wanted: RecommendationOutcome | null;
  let basis: RecommendationBasis;
  let suspension = false;
  if (input.auditType === 'stage1') {
    const verdict = input.stage1?.verdict ?? 'open';
    if (verdict === 'not_ready') [wanted, basis] = ['negative', 'stage1_not_ready'];
    else if (verdict === 'ready' || verdict === 'ready_from') [wanted, basis] = ['positive', 'stage1_ready'];
    else [wanted, basis] = [null, 'stage1_open'];
  } else if (openMajors > 0) {
    basis = 'open_major';
    suspension = SURVEILLANCE_LIKE.has(input.auditType);
    wanted = suspension ? 'negative' : 'conditional';
  } else if (openMinors > 0) {
    [wanted, basis] = ['conditional', 'open_minors'];
  } else {
    [wanted, basis] = ['positive', 'no_open_nc'];
  }
  if (wanted === null) return { ...base, key: null, outcome: null, basis, suspension };
  // Minors only: positive is acceptable when the profile has no conditional wording (then never stricter than needed).
  const order: readonly RecommendationOutcome[] = basis === 'open_minors' ? ['conditional', 'positive', 'negative'] : STRICTER[wanted];
  for (const outcome of order) {
    const wording = choices.find((choice) => choice.outcome === outcome);
    if (wording) return { ...base, key: wording.key, outcome, basis, suspension: suspension && outcome === 'negative' };
  }
  return { ...base, key: null, outcome: null, basis: 'no_wording', suspension: false };
}

/** Whether the lead's stored choice needs a reason: it differs from a suggestion that exists. */
export function overrideNeedsReason(suggestion: Pick<RecommendationSuggestion, 'key'>, chosen: string | null): boolean {
  return chosen !== null && chosen !== '' && suggestion.key !== null && chosen !== suggestion.key;
}
