/** English: the settings dialog (the interface language, who uses this installation, backups). */
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
    backups: {
      title: 'Backups',
      rule_one: 'Audit Workbench keeps the most recent backup of each engagement, at most {{size}} per engagement; the newest backup is always kept.',
      rule_other:
        'Audit Workbench keeps the {{count}} most recent backups of each engagement, at most {{size}} per engagement; the newest backup is always kept.',
      when: 'A backup is taken when you open an engagement and, while you edit it, every few minutes.',
      folder: 'Folder',
      copyFolder: 'Copy path',
      loading: 'Reading the backups…',
      empty: 'No backups yet. The first is taken when you open an engagement.',
      client: 'Client',
      count: 'Backups',
      space: 'Space used',
      total: 'All engagements',
      open: 'Open',
      others: 'Copies kept before an upgrade or before a damaged file was recovered (the migration and recovered folders) do not count and stay until you delete them.',
      restore: 'To restore a backup, choose Restore from backup on the home screen.',
    },
  },
} as const;
