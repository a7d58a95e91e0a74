import type { MenuLabels } from './views.ts';

/** Every label of the desktop menu: the contract requires all of them, so no item is left blank. */
export const MENU_LABEL_KEYS = ['file', 'newEngagement', 'open', 'saveCopy', 'close', 'edit', 'view', 'window'] as const satisfies readonly (keyof MenuLabels)[];
