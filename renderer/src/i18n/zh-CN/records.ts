import type { Translation } from '../en/index.ts';
import type { EN_RECORDS } from '../en/records.ts';

/** 简体中文：现场审核的分页、屏幕上查看的记录与审核路径、证据清单（issue 15）。 */
export const ZH_RECORDS: Translation<typeof EN_RECORDS> = {
  fieldworkTabs: { checklist: '检查表', records: '查看的记录', evidence: '证据' },
  records: {
    title: '查看的记录',
  },
  evidence: {
    title: '证据',
  },
};
