/** English: the settings dialog (the interface language, who uses this installation). */
export const EN_SETTINGS = {
  settings: {
    open: 'Settings',
    title: 'Settings',
    language: 'Interface language',
    languageHint: 'Applies at once. Engagements, checklists and reports keep the language they were written in.',
    partly: 'partly translated: missing texts show in English',
    you: 'You',
    youHint: 'Your name and initials mark the changes you make from now on; earlier changes keep the name they were made with.',
    save: 'Save',
    saved: 'Settings saved',
    shortcut: 'Settings: {{key}}',
  },
} as const;
