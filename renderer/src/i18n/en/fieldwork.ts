/** English: fieldwork (issue 15). */
export const EN_FIELDWORK = {
  fieldwork: {
    title: 'Fieldwork',
    intro: 'The checklist, process by process, answered from the keyboard. Every answer is yours: two auditors answering the same question never overwrite each other.',
    noPack: 'Choose the checklist pack first (Checklist, Alt+5).',
    whoTitle: 'Which member of the audit team are you?',
    whoText: 'Your answers are recorded as this team member’s, on this computer, for this engagement. You are asked once.',
    whoNone: 'Add yourself to the audit team first (Team, Alt+4).',
    answering: 'Answering as {{name}}',
    progress: '{{answered}} of {{total}} answered',
    results: {
      conforming: 'Conforming',
      nonconformity: 'Nonconformity found',
      observation: 'Observation',
      not_applicable: 'Not applicable',
      not_audited: 'Not audited',
    },
    notes: 'Notes',
    notesPlaceholder: 'What you saw, asked and were shown',
    naReason: 'Why it does not apply',
    naWarning: 'ISO/IEC 20000-1:2018 allows no exclusions: say why this requirement does not apply here.',
    findingExpected: 'A finding is expected from this answer.',
    keys: '↑↓ question · [ ] process · 1 conforming · 2 nonconformity · 3 observation · 4 not applicable · 5 not audited · N notes · Esc back to the list',
  },
} as const;
