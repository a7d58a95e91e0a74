/** English: the closing meeting, the audit conclusions and the recommendation (issue 17). */
export const EN_CLOSING = {
  closing: {
    title: 'Closing meeting',
  },
} as const;
