import type { Grade } from '../cb-profile/profile.ts';
import { AREA_OF_CONCERN } from './finding-kinds.ts';
import { findingNature } from './finding-nature.ts';
import { compareClauses } from './numbering-order.ts';
import type { FindingNature } from './statement-check.ts';

/**
 * Grading prompts (issue 17; reference "Nonconformity grading"): what the lead is asked to look at
 * before the findings are final. Prompts, never blocks — the lead decides, and overriding one keeps
 * the reason (a finding_dismissal row with part 'grade', the prompt's code and subject).
 * - a major nonconformity without a rationale (why it affects the system's capability);
 * - several minors against the same clause, or minors on one clause across two or more sites: "consider
 *   one major" (ISO/IEC 17021-1 3.12 note: a number of minors on the same requirement can show a
 *   systemic failure) — on each of them, for the lead;
 * - a finding on the clause of an earlier nonconformity not corrected: a repeat, to say so and link;
 * - a checklist answer marked "nonconformity found" raised as an observation or an improvement.
 */

/** What a grade is, whatever the CB calls it. */
export type GradeNature = 'major' | 'minor' | 'observation' | 'improvement' | 'good_practice' | 'concern' | 'unknown';

/**
 * The nature of a grade key under the profile's scale. Nonconformity grades: the most severe (lowest
 * order) is the major one when the scale has two or more, the others minor ("major"/"minor" keys say
 * so directly). Other grades as shared/findings/finding-nature.ts reads them (the statement check and
 * the documents use it too): improvement, good practice, else an observation. A key the scale no longer
 * defines is 'unknown' (kept and flagged).
 */
export function gradeNature(key: string, grades: readonly Grade[]): GradeNature {
  if (key === AREA_OF_CONCERN) return 'concern';
  const grade = grades.find((candidate) => candidate.key === key);
  if (!grade) return 'unknown';
  if (grade.isNonconformity) {
    if (/major|严重/i.test(grade.key)) return 'major';
    if (/minor|一般|轻微/i.test(grade.key)) return 'minor';
    const ncs = grades.filter((candidate) => candidate.isNonconformity).sort((a, b) => a.order - b.order);
    return ncs.length > 1 && ncs[0]!.key === grade.key ? 'major' : 'minor';
  }
  // Not a nonconformity: one reading with the statement check and the documents (finding-nature.ts).
  const nature = findingNature(grades, key);
  return nature === 'improvement' ? 'improvement' : nature === 'good_practice' ? 'good_practice' : 'observation';
}

/** What the statement check needs of a grade nature. */
export function statementNature(nature: GradeNature): FindingNature {
  switch (nature) {
    case 'major':
    case 'minor':
      return 'nonconformity';
    case 'improvement':
      return 'improvement';
    case 'good_practice':
      return 'good_practice';
    case 'concern':
      return 'concern';
    default:
      return 'observation';
  }
}

export type GradingPromptCode = 'major_without_rationale' | 'consider_major' | 'repeats_earlier_nc' | 'answer_says_nonconformity';

export interface GradingPrompt {
  readonly findingId: string;
  readonly code: GradingPromptCode;
  /** What the prompt is about (stored as the dismissal's subject): the clause, the earlier NC's id, or ''. */
  readonly subject: string;
  /** Only the lead decides it (consider one major). */
  readonly forLead: boolean;
  /** consider_major: the other findings on the clause; repeats_earlier_nc: the earlier NC's number. */
  readonly related: readonly string[];
  /** consider_major: how many minors and sites; repeats_earlier_nc: nothing. */
  readonly count: number;
  readonly sites: number;
  /** Dismissed with this reason (the prompt stays visible as overridden), else null. */
  readonly dismissedReason: string | null;
}

export interface PromptFinding {
  readonly id: string;
  readonly grade: string;
  readonly gradeRationale: string;
  readonly clauses: readonly { readonly target: string }[];
  readonly sites: readonly { readonly target: string }[];
  readonly answers: readonly { readonly target: string }[];
  readonly repeatOf: string | null;
  readonly dismissals: readonly { readonly part: string; readonly code: string; readonly subject: string; readonly reason: string }[];
}

export interface PromptInput {
  readonly findings: readonly PromptFinding[];
  readonly grades: readonly Grade[];
  readonly earlierNcs: readonly { readonly id: string; readonly number: string; readonly clause: string; readonly uncorrected: boolean }[];
  /** The result of each checklist answer (by answer id) the findings link to. */
  readonly answerResult: (answerId: string) => string | undefined;
}

/** A clause and another on its branch: 8.5.1 covers 8.5.1.3 and the other way round, 8.5 does not cover 8.5.10. */
export function sameClauseBranch(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (!x || !y) return false;
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
}

/** Every grading prompt of every finding, in the findings' order, then by code. */
export function gradingPrompts(input: PromptInput): GradingPrompt[] {
  const natures = new Map(input.findings.map((finding) => [finding.id, gradeNature(finding.grade, input.grades)]));
  const prompts: GradingPrompt[] = [];
  const dismissed = (finding: PromptFinding, code: GradingPromptCode, subject: string): string | null =>
    finding.dismissals.find((row) => row.part === 'grade' && row.code === code && row.subject === subject)?.reason ?? null;
  const add = (finding: PromptFinding, code: GradingPromptCode, subject: string, extra: Partial<Pick<GradingPrompt, 'forLead' | 'related' | 'count' | 'sites'>> = {}) =>
    prompts.push({ findingId: finding.id, code, subject, forLead: false, related: [], count: 0, sites: 0, ...extra, dismissedReason: dismissed(finding, code, subject) });

  // Minors per clause (exact clause: "the same requirement"), with the sites they were raised at.
  const minorsByClause = new Map<string, PromptFinding[]>();
  for (const finding of input.findings) {
    if (natures.get(finding.id) !== 'minor') continue;
    for (const clause of new Set(finding.clauses.map((link) => link.target.trim()).filter(Boolean))) {
      const list = minorsByClause.get(clause) ?? [];
      list.push(finding);
      minorsByClause.set(clause, list);
    }
  }
  const systemic = new Map<string, { clause: string; related: string[]; count: number; sites: number }[]>();
  for (const [clause, minors] of minorsByClause) {
    const sites = new Set(minors.flatMap((finding) => finding.sites.map((link) => link.target)));
    if (minors.length < 2 && sites.size < 2) continue;
    for (const finding of minors) {
      const list = systemic.get(finding.id) ?? [];
      list.push({ clause, related: minors.filter((other) => other.id !== finding.id).map((other) => other.id), count: minors.length, sites: sites.size });
      systemic.set(finding.id, list);
    }
  }

  for (const finding of input.findings) {
    const nature = natures.get(finding.id)!;
    if (nature === 'major' && finding.gradeRationale.trim() === '') add(finding, 'major_without_rationale', '');
    for (const group of (systemic.get(finding.id) ?? []).sort((a, b) => compareClauses(a.clause, b.clause))) {
      add(finding, 'consider_major', group.clause, { forLead: true, related: group.related, count: group.count, sites: group.sites });
    }
    if (nature !== 'good_practice') {
      for (const earlier of input.earlierNcs) {
        if (!earlier.uncorrected || earlier.id === finding.repeatOf) continue;
        if (finding.clauses.some((link) => sameClauseBranch(link.target, earlier.clause))) add(finding, 'repeats_earlier_nc', earlier.id, { related: [earlier.number] });
      }
    }
    if ((nature === 'observation' || nature === 'improvement') && finding.answers.some((link) => input.answerResult(link.target) === 'nonconformity')) {
      add(finding, 'answer_says_nonconformity', '');
    }
  }
  return prompts;
}
