import type { MenuLabels } from './views.ts';

/** Every label of the desktop menu: the contract requires all of them, so no item is left blank. */
/**
 * The menu in English: the main process shows it until the renderer sends the interface language's
 * labels, and the renderer's English strings use it (one source for both).
 */
export const ENGLISH_MENU_LABELS = {
  file: 'File',
  newEngagement: 'New Engagement…',
  open: 'Open…',
  saveCopy: 'Save a Copy…',
  close: 'Close',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
} as const satisfies MenuLabels;

export const MENU_LABEL_KEYS = ['file', 'newEngagement', 'open', 'saveCopy', 'close', 'edit', 'view', 'window'] as const satisfies readonly (keyof MenuLabels)[];
