/** English: findings raised, graded and numbered (issue 17). */
export const EN_FINDINGS = {
  findings: {
    title: 'Findings',
  },
  findingsTabs: { findings: 'Findings', closing: 'Closing meeting', 'follow-up': 'Follow-up' },
} as const;
