import type { Translation } from '../en/index.ts';
import type { EN_SETTINGS } from '../en/settings.ts';

/** 简体中文: the settings dialog. */
export const ZH_SETTINGS: Translation<typeof EN_SETTINGS> = {
  settings: {
    open: '设置',
    title: '设置',
    language: '界面语言',
    languageHint: '立即生效。审核项目、检查表和报告保持其编写时的语言。',
    partly: '部分翻译：未翻译的文字以英文显示',
    you: '使用者',
    youHint: '从现在起，您所做的更改将标注这里的姓名和姓名缩写；之前的更改保留当时的姓名。',
    save: '保存',
    saved: '设置已保存',
    shortcut: '设置：{{key}}',
  },
};
