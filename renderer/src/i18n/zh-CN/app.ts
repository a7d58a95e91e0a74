import type { Translation } from '../en/index.ts';
import type { EN_APP } from '../en/app.ts';

/** 简体中文: the app, common words, the first run. */
export const ZH_APP: Translation<typeof EN_APP> = {
  app: {
    name: '审核工作台',
    tagline: 'ISO/IEC 20000-1 认证审核，离线完成',
  },
  common: {
    cancel: '取消',
    close: '关闭',
    retry: '重试',
    remove: '移除',
    open: '打开',
    loading: '正在加载…',
    notSet: '未填写',
    timeLeft: '约剩 {{duration}}',
    days_other: '{{count}} 个审核日',
    labelled: '{{label}}：{{value}}',
    withDetail: '{{name}}（{{detail}}）',
    listSeparator: '、',
    groupSeparator: '；',
    personRole: '{{name}}（{{role}}）',
    copyName: '{{name}}（副本）',
    documentLanguage: { en: '英文', zh_Hans: '简体中文' },
  },
  menu: {
    file: '文件',
    newEngagement: '新建审核项目…',
    open: '打开…',
    saveCopy: '另存副本…',
    close: '关闭',
    edit: '编辑',
    view: '视图',
    window: '窗口',
  },
  boot: {
    noTokenTitle: '请打开主机程序显示的地址',
    noTokenText: '本页面需要 `npm run web` 随地址一起显示的访问密钥（#token= 之后的部分）。请在此浏览器中打开该完整地址。',
    failedTitle: '软件无法启动',
  },
  firstRun: {
    language: '界面语言',
    title: '谁在使用本机上的审核工作台？',
    intro: '您在审核项目中记录的每一项内容都会标注您的姓名和姓名缩写，审核组长合并审核组成员的文件后，可以看到每条记录由谁填写。',
    name: '姓名',
    namePlaceholder: '例如：王海伦',
    initials: '姓名缩写',
    initialsPlaceholder: '例如：WHL',
    submit: '开始使用',
    nameRequired: '请输入姓名',
    initialsRequired: '请输入姓名缩写（最多 10 个字符）',
  },
};
