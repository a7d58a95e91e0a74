import type { DemoFieldwork } from './demo-fieldwork-data.ts';

/*
 * The Chinese demo's fieldwork at the end of day 1 (14 Dec 2026), as 李伟's file (the team leader) holds it
 * once 陈静's copy is merged: the opening meeting with its attendance and points, the day's sessions as
 * they ran (the opening extended, the morning sessions starting late, a remote session cut short),
 * the notebook with people, documents, records and clauses marked, 陈静's answers for clause 7 and the
 * relationship processes, an on-screen sample of SLAs, one conclusion drafted, and the no-penalties
 * statement checked against the public credit records. 李伟 has answered nothing yet.
 */

const CLIENT = '苏州云帆信息技术服务有限公司';
const CB = '青岚认证有限公司';
const SLA_REGISTER = '服务级别协议台账（状态：生效）';

/** The SLA register as 黄敏 exported it from the ITSM platform (14 active SLAs, the three sampled among them). */
const SLA_REGISTER_CSV = [
  '协议编号,顾客,状态,生效日期,最近评审日期,评审周期（月）,负责人',
  'SLA-HDY-2026,恒达银行股份有限公司苏州分行,生效,2026-02-03,2026-02-03,12,黄敏',
  'SLA-JGB-2025,金桂保险股份有限公司,生效,2025-06-01,2026-05-28,12,黄敏',
  'SLA-JSL-2023,江苏顺联物流有限公司,生效,2023-03-01,2023-03-14,12,黄敏',
  'SLA-AKY-2024,安康医疗集团有限公司,生效,2024-01-15,2026-01-12,12,唐杰',
  'SLA-LXH-2025,蓝线航运有限公司,生效,2025-04-01,2026-03-30,12,唐杰',
  'SLA-SZZ-2024,松泽区政务服务中心,生效,2024-09-01,2026-08-27,12,黄敏',
  'SLA-DTL-2025,德泰轨道配件有限公司,生效,2025-10-01,2025-10-01,12,唐杰',
  'SLA-DYJ-2024,东苑教育集团,生效,2024-08-15,2026-08-10,12,唐杰',
  'SLA-QMS-2025,青木律师事务所,生效,2025-01-10,2026-01-08,12,黄敏',
  'SLA-SJZ-2024,山景制造有限公司,生效,2024-05-01,2026-04-29,12,唐杰',
  'SLA-HGY-2026,湖港连锁药房有限公司,生效,2026-07-01,2026-07-01,12,黄敏',
  'SLA-XYL-2025,星远旅行社有限公司,生效,2025-11-01,2025-11-01,12,唐杰',
  'SLA-XMN-2024,橡木能源有限公司,生效,2024-03-01,2026-02-26,12,黄敏',
  'SLA-HBW-2025,河滨物流有限公司,生效,2025-09-15,2025-09-15,12,唐杰',
].join('\r\n');

export const DEMO_FIELDWORK_ZH: DemoFieldwork = {
  day: '2026-12-14',
  organization: CLIENT,
  outcomes: [
    { session: 'opening', status: 'extended', start: '08:30', end: '09:10', mode: 'on_site', reason: '总经理询问与ISO/IEC 27001结合审核时审核报告如何出具。' },
    { session: 'context', status: 'shortened', start: '09:10', end: '12:00', mode: 'on_site', reason: '首次会议延长，推迟开始。' },
    { session: 'docs', status: 'shortened', start: '09:10', end: '12:00', mode: 'remote', reason: '首次会议延长，推迟开始。', remote: { effectiveness: 'effective', note: '全程通过腾讯会议共享文档管理系统的屏幕，效果良好；通过摄像头核对工牌确认了人员身份。' } },
    { session: 'portfolio', status: 'held', start: '13:00', end: '17:30', mode: 'on_site' },
    {
      session: 'relationship',
      status: 'shortened',
      start: '12:30',
      end: '16:00',
      mode: 'remote',
      reason: '服务级别经理被临时叫去处理一位顾客的紧急升级；预算和核算、需求管理仅查阅了文件，第4天再补充审核。',
      remote: { effectiveness: 'partly_effective', note: '屏幕共享两次卡顿，会中改为通过电子邮件发送服务级别报告。' },
    },
  ],
  // Everyone at the opening meeting signed the sign-in sheet; every point confirmed.
  meetings: [
    {
      session: 'opening',
      attendance: [
        ['李伟', '审核组长', CB, 'present'],
        ['陈静', '审核员', CB, 'remote'],
        ['赵明', '技术专家', CB, 'present'],
        ['孙悦', '观察员（实习审核员）', CB, 'present'],
        ['张建国', '总经理', CLIENT, 'present'],
        ['王丽', '服务管理部经理（服务管理体系负责人）', CLIENT, 'present'],
        ['刘洋', '体系专员', CLIENT, 'present'],
        ['周婷', '数据中心运维主管', CLIENT, 'remote'],
      ],
      points: ['team_introduced', 'scope_confirmed', 'plan_confirmed', 'methods_and_sampling', 'communication', 'language', 'confidentiality', 'safety', 'finding_grades', 'termination_conditions', 'appeals_and_complaints'],
      notes: { safety: '第2天进入苏州数据中心机房前接受入场安全培训。' },
    },
  ],
  evidence: [
    ['document', '服务管理体系组织环境和相关方清单 第2.3版', '第2.3版', '2026-09-21', '文档管理系统 / 服务管理体系 / 04 组织环境', '王丽'],
    ['document', '服务管理方针 第5版', '第5版', '2026-02-09', '公司内网制度栏目', '张建国'],
    ['document', '2026年服务管理目标', '2026', '2026-01-20', '文档管理系统 / 服务管理体系 / 06 策划', '王丽'],
    ['record', '服务管理体系风险和机遇登记表', '2026年12月14日导出', '2026-12-14', '风险管理平台', '王丽'],
    ['document', '服务管理手册 第4.1版', '第4.1版', '2026-06-30', '文档管理系统 / 服务管理体系 / 00 手册', '刘洋'],
    ['record', '文件清单（含评审日期）', '2026年12月14日查看', '2026-12-14', '文档管理系统文件库', '刘洋'],
    ['record', SLA_REGISTER, '2026年12月14日查看', '2026-12-14', 'ITSM平台合同管理模块', '黄敏'],
    ['record', '2026年顾客满意度调查结果', '2026年上半年', '2026-07-15', '文档管理系统 / 顾客', '黄敏'],
    ['record', '配置管理数据库（CMDB）服务器配置项清单', '2026年12月14日导出', '2026-12-14', 'ITSM平台配置管理模块', '刘洋'],
  ],
  people: [
    ['张建国', '总经理', 'context'],
    ['王丽', '服务管理部经理（服务管理体系负责人）', 'context'],
    ['刘洋', '体系专员', 'docs'],
    ['刘洋', '体系专员', 'portfolio'],
    ['黄敏', '服务级别经理', 'relationship'],
  ],
  entries: [
    { session: 'context', by: 'LW', time: '09:52', topic: '4', body: '@张建国，总经理：组织环境每年在管理评审前评审一次。查看了[[服务管理体系组织环境和相关方清单 第2.3版]]，最近一次评审日期为2026年9月21日；已将气候变化识别为影响数据中心的议题。§4.1 §4.2' },
    { session: 'context', by: 'LW', time: '10:30', topic: '5', body: '方针：[[服务管理方针 第5版]]由总经理张建国于2026年2月9日签发，已在公司内网发布；前台员工知道在哪里查阅。目标见[[2026年服务管理目标]]，每项目标均有测量方法和负责人。§5.2 §6.2' },
    { session: 'context', by: 'LW', time: '11:35', topic: '6', body: '@王丽，服务管理部经理：展示了[[服务管理体系风险和机遇登记表]]，共42项风险、6项机遇。风险#R-17（苏州数据中心单路市电供电）的处置措施计划于2026年8月31日完成，至今未关闭，此后无评审记录。明天到数据中心跟踪。§6.1' },
    { session: 'docs', by: 'CJ', time: '09:55', topic: '7', body: '[[服务管理手册 第4.1版]]：通过腾讯会议与@刘洋，体系专员，逐章查看；手册按条款4—10编排，按编号引用各过程文件。§7.5.1' },
    { session: 'docs', by: 'CJ', time: '11:05', topic: '7', body: '文档管理系统中的文件控制：[[文件清单（含评审日期）]]显示40份服务管理体系文件中有3份超过评审日期（最长超期5个月）。刘洋称评审到期只靠电子邮件催办。§7.5.3' },
    { session: 'portfolio', by: 'LW', time: '14:10', topic: 'service-catalogue', body: '服务目录条目#SC-2026-14（数据备份）未规定恢复时间；服务级别协议模板承诺4小时内完成恢复。由@刘洋，体系专员，核实哪份文件为现行版本。§8.2.4' },
    { session: 'relationship', by: 'CJ', time: '13:40', topic: 'service-level', body: `@黄敏，服务级别经理：在屏幕上查询[[${SLA_REGISTER}]]，共14份生效的服务级别协议。按判断抽取3份：最大的顾客、最新的和最早的协议。#SLA-JSL-2023 最近一次评审为2023年3月，评审周期12个月。§8.3.3` },
    { session: 'relationship', by: 'CJ', time: '15:20', topic: 'business-relationship', body: '满意度：[[2026年顾客满意度调查结果]]——收回31份问卷，两起顾客投诉已在CRM中跟踪处理。黄敏16:00被叫去处理顾客升级问题；预算和需求仅查阅了文件。§8.3.2' },
    { session: 'portfolio', by: 'LW', time: '15:40', topic: 'configuration', body: '配置管理：刘洋导出[[配置管理数据库（CMDB）服务器配置项清单]]，共282台服务器，最近更新日期2026年5月31日。变更单#CHG-2026-0412（6月将顾客主机迁移至数据中心二期）所附迁移清单列出128台主机，逐一检索CMDB，均无记录。§8.2.6' },
  ],
  records: [
    { topic: '6', ref: 'R-17', result: 'not_tested', note: '处置措施自2026年8月31日起逾期；到数据中心跟踪。' },
    { topic: 'service-catalogue', ref: 'SC-2026-14', result: 'fail', note: '未规定恢复时间，而服务级别协议模板承诺4小时内恢复。' },
    { topic: 'configuration', ref: 'CHG-2026-0412', result: 'fail', note: '迁移清单列出的128台顾客主机在CMDB中均无记录；此后针对这些主机的37项变更按经验评估影响。' },
  ],
  answers: [
    {
      by: 'CJ',
      session: 'docs',
      answers: [
        ['7.1-q01', 'conforming', '服务管理手册中有2026年资源计划；服务台人员配置每季度评审一次。'],
        ['7.1-q02', 'conforming', ''],
        ['7.2-q01', 'conforming', '查看了服务台和变更岗位的能力矩阵。'],
        ['7.2-q02', 'conforming', ''],
        ['7.3-q01', 'conforming', '入职时开展意识培训；方针在内网发布。'],
        ['7.4-q01', 'conforming', '服务管理手册第7章规定了沟通计划。'],
        ['7.5.1-q01', 'conforming', '服务管理手册第4.1版涵盖了ISO/IEC 20000-1要求的成文信息。'],
        ['7.5.2-q01', 'conforming', ''],
        ['7.5.3-q01', 'conforming', '服务管理体系文件库的编辑权限仅限体系管理组。'],
        ['7.5.3-q02', 'observation', '40份服务管理体系文件中有3份超过评审日期；评审到期只靠电子邮件催办。', { evidence: ['文件清单（含评审日期）'] }],
        ['7.5.4-q01', 'conforming', ''],
        ['7.6-q01', 'conforming', 'ITSM平台知识库的文章由服务台经理审核发布。'],
      ],
    },
    {
      by: 'CJ',
      session: 'relationship',
      answers: [
        ['8.3.2-q01', 'conforming', 'CRM中登记了顾客及其联系人，并指定了关系负责人。'],
        ['8.3.2-q02', 'conforming', '与前10大顾客每季度召开服务回顾会，查看了第三季度会议纪要。'],
        ['8.3.2-q03', 'conforming', '2026年上半年满意度调查收回31份问卷；改进措施记录在CRM中。'],
        ['8.3.2-q04', 'conforming', '2026年共2起顾客投诉，均已答复顾客并关闭。'],
        ['8.3.3-q01', 'nonconformity', '与江苏顺联物流的服务级别协议（SLA-JSL-2023）自2023年3月以来未评审；协议规定评审周期为12个月。', { evidence: [SLA_REGISTER], people: ['黄敏'] }],
        ['8.3.3-q02', 'conforming', '抽取的另外两份协议中的服务目标均可测量。'],
        ['8.3.3-q03', 'conforming', '抽取的三家顾客的月度服务级别报告均按时发出。'],
        ['8.4.1-q01', 'conforming', '查阅了范围内服务的2026年预算文件（预算负责人未到场）。'],
      ],
    },
  ],
  // The SLAs 陈静 looked at on 黄敏's screen, with what she saw against the pack's attributes (8.3.3-s01).
  queries: [
    {
      topic: 'service-level',
      session: 'relationship',
      by: 'CJ',
      query: 'ITSM平台服务级别协议台账，筛选条件：状态=生效',
      populationCount: 14,
      periodFrom: '2025-12-01',
      periodTo: '2026-11-30',
      selection: '按判断抽取3份：最大的顾客、最新的和最早的协议',
      samplingPlan: '8.3.3-s01',
      evidence: SLA_REGISTER,
      records: [
        ['SLA-JSL-2023', 'fail', ['pass', 'pass', 'pass', 'pass', 'pass', 'fail'], '最近一次评审为2023年3月；协议规定每年评审一次。'],
        ['SLA-HDY-2026', 'pass', ['pass', 'pass', 'pass', 'pass', 'pass', 'pass'], '双方于2026年2月3日签署。'],
        ['SLA-JGB-2025', 'pass', ['pass', 'pass', 'pass', 'pass', 'not_tested', 'pass'], '工作量限制在附件中，屏幕上未展示。'],
      ],
    },
  ],
  // Screen sharing froze; 黄敏 e-mailed the register as CSV and 陈静 attached it to the reference.
  attachments: [{ evidence: SLA_REGISTER, by: 'CJ', fileName: '服务级别协议台账_生效_2026-12-14.csv', caption: '黄敏在会中通过电子邮件发送的导出文件', text: SLA_REGISTER_CSV }],
  conclusions: [
    {
      topic: 'business-relationship',
      status: 'conforming',
      text:
        '业务关系管理已建立并有效运行。CRM中登记了顾客及其关系负责人；与前10大顾客每季度召开服务回顾会（查看了2026年第三季度会议纪要）；' +
        '2026年上半年满意度调查（31份回复）和2026年的两起投诉均已跟踪处理并记录了措施。面谈人员：服务级别经理黄敏。',
    },
  ],
  // CNCA practice: checked on day 1 against the public credit records and the client's written declaration.
  statements: [
    {
      item: 'no_penalties',
      verdict: 'confirmed',
      text:
        '2026年12月14日查询国家企业信用信息公示系统和“信用中国”网站，未发现受审核方的行政处罚记录；' +
        '总经理张建国书面声明自第一阶段审核以来未发生重大事件，也未收到监管部门转办的投诉。',
    },
  ],
};
