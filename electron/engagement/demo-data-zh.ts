import { REPORT_FIELDS } from '../../shared/cb-profile/profile.ts';
import { DEMO_FINDINGS_ZH } from '../findings/index.ts';
import { DEMO_SAMPLING_ZH } from '../sampling/index.ts';
import { declaredBy, type DemoData } from './demo-data.ts';
import { DEMO_FIELDWORK_ZH } from './demo-fieldwork-zh.ts';
import { demoBreak, type DemoPlan } from './demo-plan.ts';

/*
 * The Chinese demo, the English demo's twin: a fictional IT service provider in Suzhou (云帆) audited by a
 * fictional Chinese certification body (青岚认证) at a stage 2 audit, at the end of day 1 — the same
 * story (a four-day plan over four sites, the notebook, the answers, an on-screen SLA sample, an
 * incident sample, the findings) as a Chinese audit team records it, with what a Chinese report
 * carries: the unified social credit code and the business-licence check, the CNCA categories of the
 * services, the CB's CNCA approval and CNAS accreditation numbers, the auditors' CCAA registration
 * numbers, auditor-days with start and end times, the scope in Chinese and English, the no-penalties
 * statement. Names, numbers and addresses are invented (example.* domains, 555 telephone numbers).
 */

const CLIENT = '苏州云帆信息技术服务有限公司';
const CB = '青岚认证有限公司';

const DECLARED_ON = '2026-11-20';

const WANG = ['王丽', '服务管理部经理（服务管理体系负责人）'] as const;
const ZHANG = ['张建国', '总经理'] as const;
const ZHOU = ['周婷', '数据中心运维主管'] as const;
const WU = ['吴强', '服务台经理'] as const;
const GAO = ['高翔', '问题经理'] as const;
const ALL = ['LW', 'CJ', 'ZM', 'SY'];

/**
 * Four days over the four sites, every process and clause covered; the document review and the
 * relationship processes remote on day 1 (陈静 takes a short lunch, so the remote day is a full one),
 * the morning in Shanghai after the early train on day 4: the CB's allocation planned to the hour.
 */
const PLAN: DemoPlan = {
  places: { hq: '苏州总部', dc: '苏州数据中心', nj: '南京服务台', sh: '上海客户服务处' },
  remote: {
    tool: '腾讯会议，共享受审核方系统的屏幕',
    identityCheck: '开启摄像头，会议开始时出示工牌',
    fallback: '改用电话会议；该场次次日上午改为现场进行',
  },
  sessions: [
    { key: 'opening', day: '2026-12-14', start: '08:30', end: '09:00', kind: 'opening', title: '', where: 'hq', team: ALL, topics: [], auditees: [WANG, ZHANG] },
    { key: 'context', day: '2026-12-14', start: '09:00', end: '12:00', kind: 'audit', title: '服务管理体系的组织环境、领导作用和策划', where: 'hq', team: ['LW', 'SY'], topics: ['4', '5', '6'], auditees: [ZHANG, WANG] },
    { key: 'docs', day: '2026-12-14', start: '09:00', end: '12:00', kind: 'audit', title: '文件评审：服务管理手册和成文信息', where: 'remote', team: ['CJ'], topics: ['7'], auditees: [['刘洋', '体系专员']] },
    demoBreak('2026-12-14', '12:00', '13:00'),
    { key: 'portfolio', day: '2026-12-14', start: '13:00', end: '17:30', kind: 'audit', title: '服务组合：服务交付、服务策划、服务目录、资产和配置', where: 'hq', team: ['LW', 'SY'], topics: ['service-delivery', 'service-planning', 'service-catalogue', 'asset', 'configuration', '8.1'], auditees: [WANG, ['刘洋', '体系专员']] },
    { key: 'relationship', day: '2026-12-14', start: '12:30', end: '17:30', kind: 'audit', title: '关系和协议：业务关系、服务级别、预算和核算、需求', where: 'remote', team: ['CJ'], topics: ['business-relationship', 'service-level', 'budgeting-accounting', 'demand'], auditees: [['黄敏', '服务级别经理']] },
    { day: '2026-12-15', start: '08:30', end: '12:00', kind: 'audit', title: '数据中心的变更管理、服务设计和转换、发布和部署', where: 'dc', team: ['LW', 'ZM'], topics: ['change', 'design-transition', 'release-deployment'], auditees: [['郑浩', '变更经理'], ZHOU] },
    { day: '2026-12-15', start: '08:30', end: '12:00', kind: 'audit', title: '供应商和其他方', where: 'hq', team: ['CJ'], topics: ['supplier', 'other-parties'], auditees: [['何军', '供应商经理']] },
    demoBreak('2026-12-15', '12:00', '13:00'),
    { day: '2026-12-15', start: '13:00', end: '17:30', kind: 'audit', title: '容量、可用性、连续性和信息安全', where: 'dc', team: ['LW', 'ZM'], topics: ['capacity', 'availability', 'continuity', 'information-security'], auditees: [ZHOU, ['马骏', '信息安全经理']] },
    { day: '2026-12-15', start: '13:00', end: '17:30', kind: 'audit', title: '能力、意识和沟通', where: 'hq', team: ['CJ'], topics: ['7'], auditees: [['林芳', '人力资源主管']] },
    { day: '2026-12-16', start: '08:30', end: '12:00', kind: 'audit', title: '南京服务台的事件管理和服务请求管理', where: 'nj', team: ['CJ', 'SY'], topics: ['incident', 'service-request'], auditees: [WU] },
    { day: '2026-12-16', start: '08:30', end: '12:00', kind: 'audit', title: '问题管理', where: 'nj', team: ['LW'], topics: ['problem'], auditees: [GAO] },
    demoBreak('2026-12-16', '12:00', '13:00'),
    { day: '2026-12-16', start: '13:00', end: '17:30', kind: 'audit', title: '审核路径：从重大事件到问题、变更和发布', where: 'nj', team: ['LW', 'CJ'], topics: ['incident', 'problem', 'change'], auditees: [WU, GAO] },
    { day: '2026-12-17', start: '08:30', end: '12:00', kind: 'audit', title: '绩效评价和改进：监视测量、内部审核、管理评审、纠正措施', where: 'hq', team: ['LW'], topics: ['9', '10'], auditees: [WANG, ['罗娜', '质量与改进主管']] },
    { day: '2026-12-17', start: '09:00', end: '12:00', kind: 'audit', title: '上海地区顾客的业务关系和服务报告', where: 'sh', team: ['CJ'], topics: ['business-relationship', 'service-level'], auditees: [['谢磊', '上海客户经理']] },
    demoBreak('2026-12-17', '12:00', '13:00'),
    // 陈静 is back from Shanghai by train (half an hour) for the team review: the CB's eight auditor-days are planned in full.
    { day: '2026-12-17', start: '13:00', end: '16:30', kind: 'other', title: '审核组内部会议：审核结论和审核发现', where: 'hq', team: ALL, topics: [], auditees: [] },
    { day: '2026-12-17', start: '16:30', end: '17:30', kind: 'closing', title: '', where: 'hq', team: ALL, topics: [], auditees: [WANG, ZHANG] },
  ],
};

export const DEMO_ZH: DemoData = {
  language: 'zh-CN',
  fileName: '演示 - 苏州云帆信息技术服务.iso20k',
  engagement: {
    client_name: CLIENT,
    client_address: '江苏省苏州市工业园区云帆路66号云帆大厦，邮编215021',
    audit_type: 'stage2',
    standard_edition: '20000-1:2018+A1:2024',
    certification_body: CB,
    criteria: 'ISO/IEC 20000-1:2018 + Amd 1:2024；云帆服务管理手册第4.2版及其引用的成文信息；范围内的顾客服务协议；适用的法律法规和合同要求',
    objectives: '评价服务管理体系的实施情况和有效性，包括4.1和4.2条款关于气候变化的确定；确认服务管理体系满足ISO/IEC 20000-1的全部要求；确定能否推荐认证。',
    scope: '支持向江苏、上海地区企业顾客提供云主机托管、7×24小时服务台和数据备份服务的服务管理体系，涉及苏州总部及苏州数据中心、南京服务台和上海客户服务处。',
    time_zone: 'Asia/Shanghai',
    start_date: '2026-12-14',
    end_date: '2026-12-17',
    client_representative: '王丽，服务管理部经理（服务管理体系负责人）',
    client_contact: 'wangli@yunfan-it.example · 0512-6555 0142',
    audit_language: 'zh-CN',
    transferred_from: '',
    combination: 'combined',
    other_standards: 'ISO/IEC 27001:2022',
    team_notified_on: '2026-11-23',
  },
  sites: [
    { name: '苏州总部', address: '江苏省苏州市工业园区云帆路66号云帆大厦', country: '中国', kind: 'central', in_scope: 1, headcount: 96, activities: '服务管理体系管理，服务级别管理和业务关系管理，变更咨询委员会，供应商管理' },
    { name: '苏州数据中心（SZ-DC1）', address: '江苏省苏州市相城区富元路18号', country: '中国', kind: 'permanent', in_scope: 1, headcount: 28, activities: '托管运维，容量管理和可用性管理，发布和部署，备份运维' },
    { name: '南京服务台', address: '江苏省南京市建邺区庐山路158号9楼', country: '中国', kind: 'permanent', in_scope: 1, headcount: 45, activities: '7×24小时服务台：事件管理和服务请求管理，一线问题登记' },
    { name: '上海客户服务处', address: '上海市徐汇区漕溪北路88号12楼', country: '中国', kind: 'permanent', in_scope: 1, headcount: 8, activities: '上海地区顾客的业务关系管理和服务报告' },
  ],
  team: [
    { actor_id: null, name: '李伟', initials: 'LW', role: 'lead', email: 'liwei@qinglan-cert.example', ...declaredBy('李伟', 'CCAA 2018-N1ITSM-1204871', DECLARED_ON) },
    { actor_id: null, name: '陈静', initials: 'CJ', role: 'auditor', email: 'chenjing@qinglan-cert.example', ...declaredBy('陈静', 'CCAA 2020-N1ITSM-1311592', DECLARED_ON) },
    { actor_id: null, name: '赵明', initials: 'ZM', role: 'technical_expert', email: 'zhaoming@qinglan-cert.example', ...declaredBy('赵明', '', DECLARED_ON) },
    { actor_id: null, name: '孙悦', initials: 'SY', role: 'observer', email: 'sunyue@qinglan-cert.example', ...declaredBy('孙悦', '', DECLARED_ON) },
  ],
  profile: {
    id: 'demo.qinglan',
    version: '2026.1.0',
    title: { en: 'Qinglan Certification — ISO/IEC 20000-1 (demo)', 'zh-Hans': '青岚认证 — ISO/IEC 20000-1（演示）' },
    description: {
      en:
        'The fictional Chinese certification body of the Chinese demo engagement. Major nonconformities: a correction and corrective-action plan within 15 days, verified within 60 days; ' +
        'minor nonconformities (一般不符合): within 30 days, verified within 90 days. Its reports carry what CNCA requires. No audit-time table: import your own certification body’s profile for real audits.',
      'zh-Hans':
        '中文演示审核项目中虚构的认证机构。严重不符合：15天内提交纠正和纠正措施计划，60天内完成验证；一般不符合：30天内提交，90天内完成验证。' +
        '其报告包含认监委要求的内容。不含审核时间表：实际审核请导入您所在认证机构的配置。',
    },
    releasedOn: '2026-09-01',
    defaultLanguage: 'zh-Hans',
    // A Chinese CB reports in Chinese; the certificate's scope is printed in English too.
    reportLanguages: ['zh-Hans', 'en'],
    certificationBody: {
      name: { 'zh-Hans': CB, en: 'Qinglan Certification Co., Ltd.' },
      address: { 'zh-Hans': '江苏省南京市鼓楼区青岚路9号', en: '9 Qinglan Road, Gulou District, Nanjing, Jiangsu, China' },
      website: 'qinglan-cert.example',
      cncaApprovalNumber: 'CNCA-R-2019-517',
      cnasAccreditationNumber: 'CNAS C317',
    },
    // Many Chinese CBs print 一般不符合 for the minor grade: the profile's own label.
    gradeNames: { minor: { en: 'Minor nonconformity', 'zh-Hans': '一般不符合' } },
    deadlines: {
      major: { responseDays: 15, verificationDays: 60 },
      minor: { responseDays: 30, verificationDays: 90 },
    },
    findingNumbering: { pattern: '{audit}-{grade}-{seq:2}', sequence: 'per-grade', appliesTo: 'all-grades' },
    fivePointProcessGrid: true,
    photoPolicy: 'keep-capture-time-and-location',
    // Every optional report field: all of them are what CNCA rules and CCAA registration put on a Chinese report.
    requiredReportFields: REPORT_FIELDS,
  },
  preparation: {
    engagement: {
      sms_scope: '苏州云帆信息技术服务有限公司面向江苏、上海地区企业顾客的云主机托管、7×24小时服务台和数据备份服务的设计、转换、交付和改进所涉及的服务管理体系。',
      certificate_wording: '向企业顾客提供的云主机托管运维、7×24小时服务台和数据备份服务所涉及的信息技术服务管理活动。',
      certificate_wording_second: 'IT service management activities for the provision of managed cloud hosting, 24x7 service desk and data backup services to business customers.',
      certificate_second_language: 'en',
      // From the business licence (营业执照); its business scope (经营范围) covers the certified services.
      client_credit_code: '91320594MA27YF3Q8P',
      licence_covers_scope: 1,
      // 青岚's audit (project) number: its finding numbers begin with it ({audit}-{grade}-{seq:2}).
      cb_audit_number: 'QL-ITSM-2026-0318',
      md1_one_system: 1,
      md1_central_control: 1,
      md1_internal_audits: 1,
      // The auditor-days as 青岚's application review fixed them (its table is its own data).
      effective_personnel: 177,
      allocated_onsite_days: 7,
      allocated_remote_days: 1,
      allocation_justification:
        '由青岚认证于2026年10月21日申请评审时，依据本机构审核时间表按有效人数177人确定，并因与ISO/IEC 27001结合审核（同一管理体系、共用过程）予以减少；第1天的文件评审以远程方式进行。',
    },
    earlierAudits: [
      {
        audit_type: 'stage1',
        start_date: '2026-10-26',
        end_date: '2026-10-27',
        covered_clauses: '4—10（成文信息、准备情况）',
        covered_processes: '文件评审；内部审核和管理评审记录',
        covered_sites: '苏州总部',
        notes: '具备第二阶段审核条件。关注点：容量计划最近一次更新为2025年；对数据中心机房租赁方的供应商评审已逾期。',
      },
    ],
    services: [
      {
        name: '云主机托管',
        description: '在苏州数据中心（SZ-DC1）托管顾客系统，可用性承诺99.95%',
        customers: '江苏、上海地区企业顾客',
        locations: '苏州数据中心',
        categories: 'operation-maintenance; 云主机托管',
        processes: ['capacity', 'availability', 'change', 'release-deployment', 'configuration'],
      },
      {
        name: '7×24小时服务台',
        description: '事件和服务请求的单一联络点',
        customers: '企业顾客及其最终用户',
        locations: '南京服务台',
        categories: 'call-centre-service-desk',
        processes: ['incident', 'service-request', 'problem', 'service-level'],
      },
      {
        name: '数据备份',
        description: '每日备份，保留35天，按需恢复',
        customers: '江苏、上海地区企业顾客',
        locations: '苏州数据中心',
        categories: 'operation-maintenance; data-processing',
        processes: ['continuity', 'information-security', 'supplier'],
      },
    ],
    otherParties: [
      {
        name: '苏州恒电数据机房服务有限公司',
        kind: 'external_supplier',
        operates_element: 'component',
        operates: '苏州数据中心的供电、制冷和物理安全',
        service: '云主机托管',
        control: '签订含服务级别的合同；每月服务回顾；年度供应商评审（已逾期，第一阶段审核时提出）',
      },
      {
        name: '云帆集团信息安全部',
        kind: 'internal_supplier',
        operates_element: 'process',
        operates: '信息安全管理（集团职能）',
        service: null,
        control: '签订含运营级别协议的内部协议；每季度向服务管理体系负责人提交信息安全报告',
      },
    ],
    // Fixed, so every demo draws the same site (as a report would let anyone check).
    md1: {
      seed: 'yunfan-stage2-2026',
      chosen: [
        { site: '苏州', reason: '托管运维风险最高，且第一阶段审核提出了容量方面的关注点' },
        { site: '南京', reason: '7×24小时服务台：事件和服务请求量最大，第3天从重大事件开始的审核路径在此进行' },
      ],
    },
  },
  plan: PLAN,
  fieldwork: DEMO_FIELDWORK_ZH,
  findings: DEMO_FINDINGS_ZH,
  sampling: DEMO_SAMPLING_ZH,
};
