import type { Translation } from '../en/index.ts';
import type { EN_FIELDWORK } from '../en/fieldwork.ts';

/** 简体中文：现场审核（issue 15）。 */
export const ZH_FIELDWORK: Translation<typeof EN_FIELDWORK> = {
  fieldwork: {
    title: '现场审核',
    intro: '按过程逐项填写检查表，全程可用键盘操作。每条回答都归属于您本人：两名审核员回答同一问题时互不覆盖。',
    noPack: '请先选择检查表包（检查表，Alt+5）。',
    whoTitle: '您是审核组中的哪一位？',
    whoText: '您的回答将以该审核组成员的名义记录在本机的本审核项目中。只需选择一次。',
    whoNone: '请先将自己加入审核组（审核组，Alt+4）。',
    answering: '当前回答人：{{name}}',
    progress: '已回答 {{answered}} / {{total}}',
    results: {
      conforming: '符合',
      nonconformity: '发现不符合',
      observation: '观察项',
      not_applicable: '不适用',
      not_audited: '未审核',
    },
    notes: '记录',
    notesPlaceholder: '所见、所问及受审核方出示的内容',
    naReason: '不适用的理由',
    naWarning: 'ISO/IEC 20000-1:2018 不允许删减：请说明该要求在此为何不适用。',
    findingExpected: '预计将据此提出审核发现。',
    keys: '↑↓ 问题 · [ ] 过程 · 1 符合 · 2 不符合 · 3 观察项 · 4 不适用 · 5 未审核 · N 记录 · Esc 返回列表',
  },
};
