/** English: fieldwork's tabs, records seen on screen with their trails, and the evidence list (issue 15). */
export const EN_RECORDS = {
  fieldworkTabs: { checklist: 'Checklist', records: 'Records seen', evidence: 'Evidence' },
  records: {
    title: 'Records seen',
  },
  evidence: {
    title: 'Evidence',
  },
} as const;
