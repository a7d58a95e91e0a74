/** English: corrective actions through to closure and earlier nonconformities (issue 17). */
export const EN_FOLLOW_UP = {
  followUp: {
    title: 'Follow-up',
  },
} as const;
