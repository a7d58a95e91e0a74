import { ENGLISH_MENU_LABELS } from '../../../../shared/contract/menu-labels.ts';

/** English: The app, words used everywhere, starting up and the first run. */
export const EN_APP = {
  app: {
    name: 'Audit Workbench',
    tagline: 'ISO/IEC 20000-1 certification audits, offline',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    remove: 'Remove',
    open: 'Open',
    loading: 'Loading…',
    notSet: 'Not set',
    timeLeft: 'about {{duration}} left',
    days_one: '{{count}} audit day',
    days_other: '{{count}} audit days',
    // Pieces of composed texts: an accessible name ("Role: Helen Marsh"), a name with a detail, lists
    // of names or numbers, and lists of items that themselves hold commas. Chinese writes them with
    // its own punctuation (：（）、；).
    labelled: '{{label}}: {{value}}',
    withDetail: '{{name}} ({{detail}})',
    listSeparator: ', ',
    groupSeparator: '; ',
    /** A person with their role, as interviewees are listed ("Wang Jianguo, change manager"). */
    personRole: '{{name}}, {{role}}',
    /** The file name suggested for a copy of an engagement file. */
    copyName: '{{name}} (copy)',
    /** A document language named in a sentence of the interface (the language choosers show each in itself). */
    documentLanguage: { en: 'English', zh_Hans: 'Simplified Chinese' },
  },
  // The desktop application menu (sent to the main process whenever the language changes).
  menu: ENGLISH_MENU_LABELS,
  boot: {
    noTokenTitle: 'Open the address the host printed',
    noTokenText:
      'This page needs the access key that `npm run web` printed with its address (the part after #token=). Open that full address in this browser.',
    failedTitle: 'The app could not start',
  },
  firstRun: {
    language: 'Language',
    title: 'Who uses this installation?',
    intro:
      'Your name and initials mark everything you write in an engagement, so the lead auditor can see who recorded what after merging the team’s files.',
    name: 'Full name',
    namePlaceholder: 'e.g. Helen Marsh',
    initials: 'Initials',
    initialsPlaceholder: 'e.g. HM',
    submit: 'Start',
    nameRequired: 'Enter your name',
    initialsRequired: 'Enter your initials (up to 10 letters)',
  },
} as const;
