/** English: conclusions per process, scope verification, surveillance items, stage 1 (issue 15). */
export const EN_CONCLUSIONS = {
  conclusions: {
    title: 'Conclusions',
  },
} as const;
