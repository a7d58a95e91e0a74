import type { Translation } from '../en/index.ts';
import type { EN_FOLLOW_UP } from '../en/follow-up.ts';

/** 简体中文（issue 17）。 */
export const ZH_FOLLOW_UP: Translation<typeof EN_FOLLOW_UP> = {
  followUp: {
    title: '跟踪验证',
  },
};
