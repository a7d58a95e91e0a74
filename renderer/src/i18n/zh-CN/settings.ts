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
    backups: {
      title: '备份',
      rule_other: '审核工作台为每个审核项目保留最近 {{count}} 份备份，且每个审核项目的备份合计不超过 {{size}}；最新的一份备份始终保留。',
      when: '打开审核项目时会备份一次，编辑期间每隔几分钟再备份。',
      folder: '文件夹',
      copyFolder: '复制路径',
      loading: '正在读取备份…',
      empty: '尚无备份。打开审核项目时会进行第一次备份。',
      client: '受审核方',
      count: '备份数',
      space: '占用空间',
      total: '全部审核项目',
      open: '已打开',
      others: '升级前或修复损坏文件前保存的副本（migration 和 recovered 文件夹）不计入上述限制，在您删除之前一直保留。',
      restore: '如需恢复备份，请在主页选择“从备份恢复”。',
    },
  },
};
