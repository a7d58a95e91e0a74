import type { Translation } from '../en/index.ts';
import type { EN_ENGAGEMENT } from '../en/engagement.ts';

/** 简体中文: the engagement's frame around the sites and team editors (navigation, status bar, column names). */
export const ZH_ENGAGEMENT: Translation<typeof EN_ENGAGEMENT> = {
  engagement: {
    nav: { overview: '概览', setup: '基本信息', team: '审核组', checklist: '检查表' },
    saveCopy: '另存副本',
    close: '关闭审核项目',
  },
  overview: {
    siteColumns: { name: '场所', kind: '类型', country: '国家/地区', activities: '活动' },
    teamColumns: { name: '姓名', initials: '姓名缩写', role: '角色' },
  },
  auditType: {
    stage1: '第一阶段审核',
    stage2: '第二阶段审核（初次认证）',
    surveillance1: '第一次监督审核',
    surveillance2: '第二次监督审核',
    recertification: '再认证审核',
    special: '特殊审核',
    scope_extension: '特殊审核：扩大认证范围',
    transfer: '认证转换审核',
    short_notice: '特殊审核：提前较短时间通知的审核',
  },
  status: {
    saved: '已保存',
    saving: '正在保存…',
    pending: '有未保存的更改',
    failed: '未保存',
    readOnly: '只读',
    auditor: '审核员：{{name}}',
  },
};
