import type { DemoSamplingData } from './demo-sampling.ts';

/**
 * The Chinese demo's incident sample: 陈静 imports 云帆's incident export for September–November 2026
 * (960 tickets, written by its ITSM platform as GB18030 CSV for Excel, the headers the Chinese ITSM
 * preset knows), draws 12 by priority with at least 2 of each, and has tested 10 of them: one was
 * closed without the user's confirmation.
 */
export const DEMO_SAMPLING_ZH: DemoSamplingData = {
  by: 'CJ',
  export: {
    fileName: '事件工单导出_2026年9-11月.csv',
    encoding: 'gb18030',
    headers: ['工单编号', '创建时间', '解决时间', '优先级', '分类', '状态', '处理人', '地点', '事件描述', '报告人'],
    rows: 960,
    idPrefix: 'IM2026',
    firstId: 100001,
    from: '2026-09-01',
    until: '2026-12-01',
    // The platform writes Beijing time.
    utcOffsetHours: 8,
    state: '已关闭',
    priorities: ['P1-紧急', 'P2-高', 'P3-中', 'P4-低'],
    categories: ['网络', '硬件', '软件', '账号权限', '数据库', '邮件'],
    locations: ['苏州数据中心', '南京服务台', '远程'],
    assignees: ['李娜（一线服务台）', '王磊（网络运维组）', '张敏（平台组）', '刘强（数据库组）', '陈晨（桌面支持组）'],
    descriptions: ['VPN无法连接', '打印机脱机', 'Outlook反复提示输入密码', '工资报表查询缓慢', '笔记本电脑无法开机', '申请财务共享盘访问权限', '网站返回502错误', '备份作业失败'],
    callerPrefix: '用户-',
  },
  population: { name: '事件工单，2026年9月—11月', periodFrom: '2026-09-01', periodTo: '2026-11-30' },
  draw: {
    justification: '在本季度的事件工单中抽取12项，每个优先级至少2项，以便看到数量很少的P1紧急事件。',
    // Printed in the report: anyone can recompute the draw.
    seed: 'qinglan-incidents-2026-12-15',
    size: 12,
    minimumPerStratum: 2,
  },
  tested: 10,
  deviationAt: 4,
  deviationNote: '由处理组直接关闭，无用户确认记录，也无自动关闭说明。',
};
