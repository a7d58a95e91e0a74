/** English: evidence files and photos attached to evidence references (issue 16). */
export const EN_EVIDENCE_FILES = {
  evidenceFiles: {
    title: 'Files',
  },
} as const;
