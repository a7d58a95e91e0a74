/** English: the session notebook (issue 15). */
export const EN_NOTEBOOK = {
  notebook: {
    title: 'Notebook',
  },
} as const;
