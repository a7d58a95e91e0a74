/** English: the audit report, its completeness check and the technical-review package (issue 18). */
export const EN_REPORT = {
  report: {
    title: 'Audit report',
  },
} as const;
