import type { Grade } from '../../../../shared/cb-profile/profile.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { FindingView, FindingsView } from '../../../../shared/contract/finding-views.ts';
import { gradeNature, gradingPrompts, statementNature, type GradingPrompt } from '../../../../shared/findings/grading-prompts.ts';
import { checkStatement, type StatementWarning } from '../../../../shared/findings/statement-check.ts';

/** A statement warning with its dismissal (the reason), if the auditor dismissed it. */
export interface CheckedWarning extends StatementWarning {
  readonly dismissal: { readonly id: string; readonly reason: string } | null;
}

/** A statement warning's dismissal row matches part, code and the words (any case). */
export function dismissalOf(finding: FindingView, part: string, code: string, subject: string): FindingView['dismissals'][number] | undefined {
  const words = subject.toLowerCase();
  return finding.dismissals.find((row) => row.part === part && row.code === code && row.subject.toLowerCase() === words);
}

/**
 * The statement check of a finding's evidence and not-fulfilled parts (never the requirement), with
 * dismissals attached. One warning per word and code (a word used three times is one warning: dismissing
 * it dismisses it everywhere). The "answer says nonconformity" warning is a grading prompt, not here.
 */
export function statementWarnings(finding: FindingView, grades: readonly Grade[], texts?: { evidence: string; notFulfilled: string }): CheckedWarning[] {
  const nature = statementNature(gradeNature(finding.grade, grades));
  const warnings = checkStatement({ nature, evidence: texts?.evidence ?? finding.evidence, notFulfilled: texts?.notFulfilled ?? finding.notFulfilled });
  const seen = new Set<string>();
  const out: CheckedWarning[] = [];
  for (const warning of warnings) {
    if (warning.part === null) continue;
    const key = `${warning.part}\u0000${warning.code}\u0000${warning.text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dismissal = dismissalOf(finding, warning.part, warning.code, warning.text);
    out.push({ ...warning, dismissal: dismissal ? { id: dismissal.id, reason: dismissal.reason } : null });
  }
  return out;
}

/** Per finding version: its statement warnings (the check is the costly part: computed once per edit). */
const cache = new WeakMap<FindingView, { grades: readonly Grade[]; warnings: CheckedWarning[] }>();
export function cachedWarnings(finding: FindingView, grades: readonly Grade[]): CheckedWarning[] {
  const hit = cache.get(finding);
  if (hit && hit.grades === grades) return hit.warnings;
  const warnings = statementWarnings(finding, grades);
  cache.set(finding, { grades, warnings });
  return warnings;
}

export interface FindingChecks {
  readonly prompts: ReadonlyMap<string, readonly GradingPrompt[]>;
  /** Open warnings and prompts per finding (those this user is shown). */
  readonly open: ReadonlyMap<string, number>;
}

/** The grading prompts of every finding and each finding's open count, for the list and the editor. */
export function findingChecks(view: FindingsView, answerResult: (answerId: string) => string | undefined, isLead: boolean): FindingChecks {
  const all = gradingPrompts({ findings: view.findings, grades: view.grades, earlierNcs: view.earlierNcs, answerResult });
  const prompts = new Map<string, GradingPrompt[]>();
  for (const prompt of all) {
    if (prompt.forLead && !isLead) continue;
    const list = prompts.get(prompt.findingId);
    if (list) list.push(prompt);
    else prompts.set(prompt.findingId, [prompt]);
  }
  const open = new Map<string, number>();
  for (const finding of view.findings) {
    const statement = cachedWarnings(finding, view.grades).filter((warning) => !warning.dismissal).length;
    const grading = (prompts.get(finding.id) ?? []).filter((prompt) => prompt.dismissedReason === null).length;
    open.set(finding.id, statement + grading + (finding.gradeKnown ? 0 : 1));
  }
  return { prompts, open };
}

/** A grade as the UI names it: the profile's name in the interface language. */
export function gradeName(grades: readonly Grade[], key: string, language: string): string | null {
  const grade = grades.find((candidate) => candidate.key === key);
  return grade ? textIn(grade.name, language, 'en') : null;
}

/** Badge colours by what a grade is. */
export const NATURE_COLOURS = { major: 'red', minor: 'orange', observation: 'yellow', improvement: 'blue', good_practice: 'teal', concern: 'grape', unknown: 'gray' } as const;
