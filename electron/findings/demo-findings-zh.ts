import type { DemoFindingsData } from './demo-findings.ts';

/*
 * The Chinese demo's findings at the end of day 1 (14 Dec 2026) of 云帆's stage 2 audit: the English demo's
 * five, as 陈静 and 李伟 write them in Chinese, and a major nonconformity 李伟 raised on the
 * configuration records. Written as a Chinese certification auditor writes a finding: the requirement
 * (where 应 belongs), the objective evidence with record numbers, dates and people, and what is not
 * fulfilled — facts only, no vague words, no causes, no solutions. Provisional ids: 李伟 numbers the
 * findings at the team review on day 4.
 */
export const DEMO_FINDINGS_ZH: DemoFindingsData = {
  day: '2026-12-14',
  findings: [
    {
      by: 'CJ',
      grade: 'minor',
      source: 'answer',
      from: '8.3.3-q01',
      clauses: ['8.3.3'],
      requirement: 'ISO/IEC 20000-1:2018，8.3.3：组织应按策划的时间间隔与顾客评审服务级别。SLA-JSL-2023的策划评审间隔为12个月（服务级别协议台账“评审周期（月）”字段）。',
      evidence:
        '2026年12月14日，服务级别经理黄敏在屏幕上展示ITSM平台中的服务级别协议台账（筛选条件：状态=生效，共14份），并于当日导出CSV文件。' +
        'SLA-JSL-2023（江苏顺联物流有限公司，2023年3月1日生效）：最近一次评审日期为2023年3月14日，评审周期12个月。' +
        '现场未能提供2023年3月14日之后的评审记录、修订版本或顾客确认。' +
        '抽取的另外两份协议均在12个月内完成了评审：SLA-HDY-2026于2026年2月3日，SLA-JGB-2025于2026年5月28日。',
      notFulfilled: 'SLA-JSL-2023未按策划的时间间隔评审：按12个月的评审周期，2024年3月14日、2025年3月14日和2026年3月14日前的三次评审均无记录；最近一次评审距本次审核已45个月。',
      auditeeRepresentative: '黄敏，服务级别经理',
      records: ['SLA-JSL-2023'],
      entries: ['@黄敏，服务级别经理：在屏幕上'],
      opinion: {
        auditeeView: '江苏顺联物流于2024年4月通过电子邮件同意协议内容不变、继续执行，且与顺联每季度召开的服务回顾会已涵盖该协议。云帆认为该协议已经评审。',
        teamResponse:
          '审核期间未能提供2024年4月的电子邮件。2026年第三季度与顺联的服务回顾会议纪要记录的是绩效数据和改进措施，未涉及服务级别目标、工作量限制和例外情况的评审。' +
          '该不符合成立；该邮件可随纠正措施计划一并提交。',
      },
    },
    {
      by: 'LW',
      grade: 'minor',
      source: 'record',
      from: 'SC-2026-14',
      clauses: ['8.2.4'],
      requirement: 'ISO/IEC 20000-1:2018，8.2.4：服务目录应描述服务，包括服务的预期结果，并与同顾客达成的协议保持一致。',
      evidence:
        '2026年12月14日，体系专员刘洋展示的服务目录条目SC-2026-14（数据备份）未规定恢复时间。同一场次展示的数据备份服务级别协议模板承诺在收到请求后4小时内完成恢复。' +
        '刘洋无法确认两份文件中哪一份规定的是现行承诺。',
      notFulfilled: '数据备份服务的目录条目未写明同一服务的服务级别协议模板向顾客承诺的恢复时间（4小时），服务目录与该服务的协议不一致。',
      auditeeRepresentative: '刘洋，体系专员',
      entries: ['服务目录条目#SC-2026-14'],
    },
    {
      by: 'CJ',
      grade: 'observation',
      source: 'answer',
      from: '7.5.3-q02',
      clauses: ['7.5.3'],
      requirement: 'ISO/IEC 20000-1:2018，7.5.3：服务管理体系所要求的成文信息应予以控制，包括评审和更新，以确保其持续适用。云帆文件清单为每份服务管理体系文件规定了评审日期。',
      evidence:
        '2026年12月14日，通过腾讯会议与体系专员刘洋查看文档管理系统中的文件清单（含评审日期）：40份服务管理体系文件中有3份超过评审日期——' +
        'SMS-PR-08《容量管理程序》第1.4版（评审到期日2026年6月30日）、SMS-PR-12《供应商管理程序》第2.0版（评审到期日2026年8月31日）和' +
        'SMS-WI-21《备份恢复作业指导书》第1.1版（评审到期日2026年9月30日）。评审由体系专员通过电子邮件催办。文档管理系统中打开的三份文件均为清单所列的现行版本。',
      notFulfilled: '这三份文件均为清单所列的现行版本，已在评审到期后继续使用2至5个月；若评审继续逾期，将无法证明这些文件持续适用。',
      auditeeRepresentative: '刘洋，体系专员',
      entries: ['文档管理系统中的文件控制'],
    },
    {
      by: 'CJ',
      grade: 'improvement',
      source: 'answer',
      from: '8.3.2-q03',
      clauses: ['8.3.2'],
      requirement: 'ISO/IEC 20000-1:2018，8.3.2：应按策划的时间间隔测量顾客满意度，并分析结果以识别改进机会。',
      evidence:
        '2026年12月14日，服务级别经理黄敏展示的2026年顾客满意度调查结果（2026年上半年，31份回复）：结果报告对全体顾客的每个问题只给出一个总体得分。' +
        '调查问卷记录了每位回复者使用的是范围内三项服务（云主机托管、7×24小时服务台、数据备份）中的哪一项。',
      notFulfilled: '满意度结果按全部服务合并分析，某一项服务满意度的下降只有在影响总体得分时才能被发现。',
      auditeeRepresentative: '黄敏，服务级别经理',
      entries: ['满意度：[[2026年顾客满意度调查结果]]'],
    },
    {
      by: 'LW',
      grade: 'good-practice',
      source: 'notebook',
      from: '@张建国，总经理：组织环境',
      clauses: ['4.1'],
      requirement: 'ISO/IEC 20000-1:2018/Amd 1:2024，4.1：组织应确定气候变化是否为与其服务管理体系和服务相关的议题。',
      evidence:
        '2026年12月14日，总经理张建国展示的服务管理体系组织环境和相关方清单第2.3版（最近一次评审日期为2026年9月21日）：已将气候变化记录为影响苏州数据中心（SZ-DC1）的议题，' +
        '具体列出夏季高温下的制冷负荷和对单路市电供电的依赖，每项均有负责人和评审日期。',
      notFulfilled: '对2024年第1号修正案所要求的气候变化的确定针对范围内的服务并落实到负责人，而不是一般性的表述。',
      auditeeRepresentative: '张建国，总经理',
    },
    {
      by: 'LW',
      grade: 'major',
      source: 'record',
      from: 'CHG-2026-0412',
      clauses: ['8.2.6'],
      requirement:
        'ISO/IEC 20000-1:2018，8.2.6：应确定配置项的类型；配置信息应以适于服务管理的详细程度记录并保持准确；对配置项的变更应可追溯和可审核，以确保配置信息的完整性。' +
        '云帆《配置管理程序》（SMS-PR-11 第2.0版）第5.3条规定：变更实施后5个工作日内更新配置管理数据库（CMDB）。',
      evidence:
        '2026年12月14日，体系专员刘洋在ITSM平台配置管理模块导出CMDB服务器配置项清单，共登记服务器282台，最近一次更新日期为2026年5月31日。' +
        '变更单CHG-2026-0412（将顾客主机迁移至苏州数据中心二期，2026年6月28日实施完成）所附迁移清单列出128台顾客主机，逐一在CMDB中检索，均无记录。' +
        '2026年7月至11月针对上述主机批准实施的37项变更，变更单“影响评估”栏均填写“CMDB无记录，按经验评估”。',
      notFulfilled:
        '迁移至苏州数据中心二期的128台顾客主机自2026年6月起未作为配置项记录在CMDB中，针对这些主机的37项变更均未更新配置信息；' +
        '占托管服务器总数约三分之一的配置信息处于未受控状态，不满足8.2.6条款和《配置管理程序》第5.3条的要求。',
      auditeeRepresentative: '刘洋，体系专员',
      records: ['CHG-2026-0412'],
      entries: ['配置管理：'],
      rationale:
        '严重不符合：配置管理未能实现其预期结果——约三分之一托管顾客主机的配置信息六个月来未受控，变更影响评估和事件处理所依据的信息缺失，属于过程的系统性失效，' +
        '影响服务管理体系实现预期结果的能力。',
    },
  ],
};
