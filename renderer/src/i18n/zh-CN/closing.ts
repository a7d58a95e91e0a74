import type { Translation } from '../en/index.ts';
import type { EN_CLOSING } from '../en/closing.ts';

/** 简体中文（issue 17）。 */
export const ZH_CLOSING: Translation<typeof EN_CLOSING> = {
  closing: {
    title: '末次会议',
  },
};
