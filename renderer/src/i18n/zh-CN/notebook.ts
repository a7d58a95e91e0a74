import type { Translation } from '../en/index.ts';
import type { EN_NOTEBOOK } from '../en/notebook.ts';

/** 简体中文：审核记录本（issue 15）。 */
export const ZH_NOTEBOOK: Translation<typeof EN_NOTEBOOK> = {
  notebook: {
    title: '审核笔记',
  },
};
