/**
 * What an auditor found for a checklist question. Appended to, never reordered or renamed.
 * "Not applicable" needs a reason and is warned about: ISO/IEC 20000-1:2018 allows no exclusions.
 * "Nonconformity found" and "observation" record that a finding is expected (issue 17 raises it).
 */
export const ANSWER_RESULTS = ['conforming', 'nonconformity', 'observation', 'not_applicable', 'not_audited'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

/** Results that expect a finding to be raised from the answer. */
export const FINDING_EXPECTED: readonly AnswerResult[] = ['nonconformity', 'observation'];
