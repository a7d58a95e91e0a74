/** English: the nonconformity forms and the closing meeting record (issue 17). */
export const EN_NC_DOCUMENTS = {
  ncDocuments: {
    title: 'NC forms and the meeting record',
  },
} as const;
