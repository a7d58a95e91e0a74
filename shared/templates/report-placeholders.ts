/**
 * The placeholders a certification body's audit report template (profile template kind
 * 'audit-report') may use: the one list the template check, the fill (report-template-data.ts builds
 * exactly these names), docs/template-placeholders.md and the app's own list follow. A test holds
 * them equal. Every item of ISO/IEC 17021-1 9.4.8 has a name: a text for each fact and statement, a
 * repeating section for each list (findings, results, team, sites, services, days, deviations,
 * earlier nonconformities, diverging opinions …). Syntax and conventions as plan-placeholders.ts.
 */
import { AUDIT_STATEMENT_ITEMS, type AuditStatementItem } from '../findings/finding-kinds.ts';
import type { Placeholder } from './plan-placeholders.ts';

const text = (name: string, en: string, zh: string): Placeholder => ({ name, kind: 'text', about: { en, 'zh-Hans': zh } });
const flag = (name: string, en: string, zh: string): Placeholder => ({ name, kind: 'flag', about: { en, 'zh-Hans': zh } });
const list = (name: string, en: string, zh: string, fields: readonly Placeholder[]): Placeholder => ({ name, kind: 'list', about: { en, 'zh-Hans': zh }, fields });

/** The audit statements a report states (the recommendation has names of its own). */
export const REPORT_STATEMENT_ITEMS = AUDIT_STATEMENT_ITEMS.filter((item): item is Exclude<AuditStatementItem, 'recommendation'> => item !== 'recommendation');

/** A statement's name in a template: `statement.<item in camelCase>` (statement.conformityEffectiveness). */
export const statementName = (item: string): string => `statement.${item.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;

const STATEMENT_ABOUT: Record<(typeof REPORT_STATEMENT_ITEMS)[number], readonly [string, string]> = {
  significant_issues: ['significant issues affecting the audit programme', '影响审核方案的重要问题'],
  significant_changes: ['significant changes since the last audit', '自上次审核以来的重大变更'],
  unresolved_issues: ['unresolved issues and diverging opinions', '未解决的问题和分歧意见'],
  marks_control: ['use of certification documents and marks', '认证文件和标志的使用'],
  conformity_effectiveness: ['conformity and effectiveness of the management system', '管理体系的符合性和有效性'],
  internal_audit: ['the internal audit', '内部审核'],
  management_review: ['the management review', '管理评审'],
  scope_appropriate: ['whether the scope is appropriate', '认证范围是否适宜'],
  objectives_met: ['whether the audit objectives were met', '审核目的是否实现'],
  remote_auditing: ['the extent and effectiveness of remote auditing', '远程审核的程度和有效性'],
  no_penalties: ['administrative penalties (Chinese practice)', '行政处罚情况'],
};

const STATEMENT_NAMES: readonly Placeholder[] = REPORT_STATEMENT_ITEMS.flatMap((item) => {
  const [en, zh] = STATEMENT_ABOUT[item];
  const name = statementName(item);
  return [
    text(`${name}.title`, `The heading of the statement on ${en}`, `关于${zh}的结论标题`),
    text(`${name}.verdict`, `The verdict on ${en}; empty when not recorded`, `关于${zh}的结论；未记录则为空`),
    text(`${name}.text`, `What the team wrote on ${en}`, `审核组关于${zh}的说明`),
  ];
});

const FINDING_FIELDS: readonly Placeholder[] = [
  text('number', 'The finding’s number (MAJ-01), or its provisional label before numbering', '审核发现编号（MAJ-01），编号前为临时标记'),
  text('grade', 'The grade in the template’s language (Major nonconformity; 严重不符合)', '等级，按模板语言书写（严重不符合）'),
  text('gradeCode', 'The grade’s key in the CB profile', 'CB 配置中的等级代码'),
  flag('isNonconformity', 'True for a nonconformity (not an observation or opportunity for improvement)', '不符合时为真（非观察项或改进机会）'),
  flag('isMajor', 'True for a major nonconformity', '严重不符合时为真'),
  text('clauses', 'The clauses of the standard, listed', '标准条款，逐项列出'),
  text('process', 'The process or area', '过程/部门'),
  text('procedure', 'The auditee’s own procedure breached; empty when none', '受审核方违反的文件；无则为空'),
  text('sites', 'The sites concerned, listed', '涉及的场所，逐项列出'),
  text('services', 'The services concerned, listed', '涉及的服务，逐项列出'),
  text('requirement', 'The requirement', '要求'),
  text('evidence', 'The objective evidence', '客观证据'),
  text('notFulfilled', 'What is not fulfilled', '不符合之处'),
  text('rationale', 'Why this grade', '定级理由'),
  text('evidenceRefs', 'The evidence references linked to it, listed', '关联的证据，逐项列出'),
  text('records', 'The records linked to it, listed', '关联的记录，逐项列出'),
  text('raisedBy', 'The auditor who raised it', '开具的审核员'),
  text('raisedOn', 'The date it was raised', '开具日期'),
  text('acknowledgement', 'Nonconformities: the auditee’s acknowledgement in words (Signed by …; Declined to sign …); empty for other findings', '不符合：受审核方确认情况（已签字……；拒绝签字……）；其他审核发现为空'),
  text('acknowledgedBy', 'Who signed or declined', '签字或拒绝签字的人'),
  text('acknowledgedOn', 'The date of the acknowledgement', '确认日期'),
  flag('isSigned', 'True when the auditee signed', '受审核方已签字时为真'),
  flag('isDeclined', 'True when the auditee declined to sign', '受审核方拒绝签字时为真'),
  text('declinedReason', 'The reason given for declining', '拒绝签字的理由'),
  text('responseDue', 'The auditee’s response due; empty when none', '受审核方回复期限；无则为空'),
  text('verificationDue', 'Verification due; empty when none', '验证期限；无则为空'),
  text('repeatOf', 'The earlier nonconformity this one repeats; empty when none', '重复出现的以往不符合编号；无则为空'),
];

const ACTIVITY_FIELDS: readonly Placeholder[] = [
  text('start', 'Start time as held (09:00)', '实际开始时间（09:00）'),
  text('end', 'End time as held', '实际结束时间'),
  text('time', 'Start and end (09:00–10:30)', '起止时间（09:00–10:30）'),
  text('title', 'The activity', '审核活动'),
  text('place', 'The site, or the remote tool', '场所或远程工具'),
  flag('isRemote', 'True for a remote activity', '远程活动时为真'),
  text('team', 'The auditors in it, listed', '参加的审核员，逐项列出'),
];

/** The audit report's placeholders, in the order docs/template-placeholders.md lists them. */
export const REPORT_PLACEHOLDERS: readonly Placeholder[] = [
  text('document.reference', 'The engagement’s reference', '审核项目编号'),
  text('document.revision', 'The report’s revision: 1, 2 …', '报告的版次：1、2 …'),
  text('document.issuedOn', 'The date of this export, in the audit’s time zone', '本次导出日期（审核所在时区）'),
  text('document.issuedBy', 'Who exported it', '导出人'),
  flag('document.isDraft', 'True for a draft exported before the completeness check passed', '完整性检查通过前导出的草稿时为真'),

  text('cb.name', 'The certification body’s name', '认证机构名称'),
  text('cb.address', 'The certification body’s address', '认证机构地址'),
  text('cb.accreditations', 'Its accreditations, listed', '其认可信息，逐项列出'),
  text('cb.cncaApprovalNumber', 'CNCA approval number; empty when none', 'CNCA 批准号；无则为空'),
  text('cb.cnasAccreditationNumber', 'CNAS accreditation number; empty when none', 'CNAS 认可注册号；无则为空'),

  text('client.name', 'The client’s name', '客户名称'),
  text('client.address', 'The client’s address', '客户地址'),
  text('client.representative', 'The client’s representative', '客户代表'),
  text('client.contact', 'The client’s contact', '客户联系人'),
  text('client.creditCode', 'Unified social credit code; empty when the CB’s reports do not need it', '统一社会信用代码；认证机构报告不要求时为空'),
  text('client.licenceCheck', 'The business licence check as recorded; empty when the CB does not ask', '营业执照核查情况；认证机构不要求时为空'),

  text('audit.reference', 'The CB’s audit number, or the engagement’s reference', '认证机构的审核编号，或审核项目编号'),
  text('audit.type', 'The audit type in the template’s language', '审核类型，按模板语言书写'),
  text('audit.typeCode', 'The audit type as a stable code (stage1, stage2, surveillance1 …)', '审核类型的固定代码（stage1、stage2、surveillance1 …）'),
  text('audit.standard', 'The standard and edition', '标准及版本'),
  text('audit.criteria', 'The audit criteria', '审核准则'),
  text('audit.objectives', 'The audit objectives', '审核目的'),
  text('audit.scope', 'The audit scope', '审核范围'),
  text('audit.scopeOtherLanguage', 'The scope in the second language, when the CB asks for both; else empty', '第二语言的审核范围（认证机构要求时）；否则为空'),
  text('audit.period', 'The period the records sampled cover; empty when not recorded', '抽样记录覆盖的期间；未记录则为空'),
  text('audit.startDate', 'The first audit day, written in the template’s language', '审核首日，按模板语言书写'),
  text('audit.endDate', 'The last audit day', '审核末日'),
  text('audit.dates', 'The audit dates as a range', '审核日期区间'),
  text('audit.startDateIso', 'The first audit day as YYYY-MM-DD', '审核首日，格式 YYYY-MM-DD'),
  text('audit.endDateIso', 'The last audit day as YYYY-MM-DD', '审核末日，格式 YYYY-MM-DD'),
  text('audit.timeZone', 'The time zone of the times', '时间所用时区'),
  text('audit.language', 'The audit language', '审核语言'),
  text('audit.combination', 'A combined, joint or integrated audit, said in words; empty for a single audit', '结合、联合或一体化审核的说明；单一审核为空'),
  flag('audit.isStage1', 'True for a stage 1 audit', '第一阶段审核时为真'),
  flag('audit.isStage2', 'True for a stage 2 audit', '第二阶段审核时为真'),
  flag('audit.isSurveillance', 'True for a surveillance audit', '监督审核时为真'),
  flag('audit.isRecertification', 'True for a recertification audit', '再认证审核时为真'),
  flag('audit.isSpecial', 'True for a scope extension, short-notice or special audit', '扩大范围、提前较短时间通知或特殊审核时为真'),
  flag('audit.isCombined', 'True for a combined, joint or integrated audit', '结合、联合或一体化审核时为真'),

  text('lead.name', 'The lead auditor’s name', '审核组长姓名'),
  text('lead.registrationNumber', 'The lead auditor’s registration number', '审核组长注册号'),

  text('auditorDays.allocatedOnSite', 'Auditor-days allocated on-site; empty when not recorded', '分配的现场审核人日；未记录则为空'),
  text('auditorDays.allocatedRemote', 'Auditor-days allocated remote; empty when not recorded', '分配的远程审核人日；未记录则为空'),
  text('auditorDays.allocatedTotal', 'Allocated auditor-days in all; empty when not recorded', '分配的审核人日合计；未记录则为空'),
  text('auditorDays.plannedOnSite', 'Auditor-days planned on-site', '计划的现场审核人日'),
  text('auditorDays.plannedRemote', 'Auditor-days planned remote', '计划的远程审核人日'),
  text('auditorDays.plannedTotal', 'Planned auditor-days in all', '计划审核人日合计'),
  text('auditorDays.actualOnSite', 'Auditor-days spent on-site, as held', '实际现场审核人日'),
  text('auditorDays.actualRemote', 'Auditor-days spent remote, as held', '实际远程审核人日'),
  text('auditorDays.actualTotal', 'Auditor-days spent in all', '实际审核人日合计'),
  text('auditorDays.justification', 'Why the allocation differs from the table, if it does', '分配与审核时间表不同的理由（如有）'),

  text('remote.activities', 'How many activities were held', '实际进行的审核活动数'),
  text('remote.remoteActivities', 'How many of them remotely', '其中远程进行的活动数'),
  text('remote.tools', 'The remote tools used, listed', '使用的远程工具，逐项列出'),
  text('remote.notes', 'Notes on remote auditing, one per line', '远程审核说明，每行一条'),
  flag('remote.hasRemote', 'True when at least one activity was remote', '至少有一项远程活动时为真'),

  text('recommendation.text', 'The recommendation as stated (subject to the CB’s decision); empty before it is recorded', '审核组推荐意见（以认证机构决定为准）；未记录则为空'),
  text('recommendation.code', 'The recommendation’s key in the CB profile', 'CB 配置中的推荐意见代码'),
  text('recommendation.overrideReason', 'Why the team recommends otherwise than the findings suggest; empty when not', '推荐意见与审核发现所示不同的理由；无则为空'),
  flag('recommendation.isRecorded', 'True when the recommendation is recorded', '已记录推荐意见时为真'),

  text('summary.findings', 'How many findings', '审核发现总数'),
  text('summary.nonconformities', 'How many nonconformities', '不符合数量'),
  text('summary.majors', 'How many major nonconformities', '严重不符合数量'),
  text('summary.counts', 'The count per grade in words (Major nonconformity: 1, Minor nonconformity: 3)', '各等级数量（严重不符合：1、轻微不符合：3）'),
  flag('summary.hasNonconformities', 'True when at least one nonconformity was raised', '至少有一项不符合时为真'),

  ...STATEMENT_NAMES,
  text('disclaimer', 'The sampling disclaimer: the evidence is based on a sample', '抽样声明：审核证据基于抽样'),

  list('findings', 'Every finding, most severe grade first, in number order', '全部审核发现，按等级从重到轻、编号排序', FINDING_FIELDS),
  list('findingGroups', 'The findings grouped by grade; inside, {#findings} lists the grade’s findings', '按等级分组的审核发现；其中 {#findings} 列出该等级的审核发现', [
    text('grade', 'The grade', '等级'),
    text('gradeCode', 'The grade’s key', '等级代码'),
    text('count', 'How many findings of this grade', '该等级的数量'),
    flag('isNonconformity', 'True for a grade of nonconformity', '不符合等级时为真'),
    flag('isMajor', 'True for the major grade', '严重不符合等级时为真'),
    list('findings', 'The grade’s findings (same fields as {#findings})', '该等级的审核发现（字段同上）', FINDING_FIELDS),
  ]),
  list('statements', 'Every audit statement in the report’s order', '全部审核结论，按报告顺序', [
    text('title', 'The statement’s heading', '结论标题'),
    text('verdict', 'The verdict; empty when not recorded', '结论；未记录则为空'),
    text('verdictCode', 'The verdict’s key', '结论代码'),
    text('text', 'What the team wrote', '审核组的说明'),
  ]),
  list('results', 'The results per process and clause group (4–7, 9, 10)', '各过程及条款组（4–7、9、10）的审核结果', [
    text('title', 'The process or clause group', '过程或条款组'),
    text('kindCode', 'process or clauses', 'process 或 clauses'),
    text('status', 'Conforming, Not conforming or Not concluded, in the template’s language', '符合、不符合或未下结论'),
    text('statusCode', 'not_concluded, conforming or not_conforming', 'not_concluded、conforming 或 not_conforming'),
    text('conclusion', 'The conclusion as the team wrote it', '审核组的结论'),
    text('evidence', 'The evidence references cited, listed', '引用的证据，逐项列出'),
    text('records', 'The records seen with their results, listed', '查阅的记录及结果，逐项列出'),
    text('queries', 'The populations shown on screen, listed', '屏幕上展示的总体，逐项列出'),
    text('questions', 'Checklist questions', '检查表问题数'),
    text('conforming', 'Answered conforming', '符合的问题数'),
    text('nonconforming', 'Answered not conforming', '不符合的问题数'),
    text('notApplicable', 'Not applicable', '不适用的问题数'),
    text('notAnswered', 'Not answered', '未回答的问题数'),
    text('findingNumbers', 'The findings raised on it, listed', '就此提出的审核发现，逐项列出'),
    flag('isConforming', 'True when concluded conforming', '结论为符合时为真'),
    list('grid', 'The five-point process control grid, when the CB uses it', '五点过程控制评价（认证机构采用时）', [
      text('point', 'The point', '评价要点'),
      text('rating', 'The rating', '评价'),
      text('note', 'The note', '说明'),
    ]),
  ]),
  list('trails', 'The audit trails followed across processes', '跨过程的审核追踪', [
    text('title', 'The trail', '追踪名称'),
    text('service', 'The service', '服务'),
    text('steps', 'Its steps (process: record), listed', '各步骤（过程：记录），逐项列出'),
    text('notes', 'Notes', '说明'),
  ]),
  list('samples', 'Records sampled from the client’s exports, one entry per sample, process by process', '从受审核方导出数据中抽取的样本，每个样本一项，按过程排列', [
    text('process', 'The process (8.6.1 Incident management)', '过程（8.6.1 事件管理）'),
    text('population', 'The population’s name as imported', '导入时的总体名称'),
    text('source', 'The export it was imported from', '导入所用的导出文件'),
    text('records', 'Records in the population', '总体中的记录数'),
    text('period', 'The period the population covers', '总体覆盖的期间'),
    text('site', 'The site the population belongs to; empty when none', '总体所属场所；无则为空'),
    text('sizing', 'How the size was set (by judgment, or statistical with confidence and rates)', '样本量的确定方式（判断，或统计抽样及置信度和偏差率）'),
    text('sizingCode', 'judgment or statistical', 'judgment 或 statistical'),
    text('justification', 'The auditor’s justification of the size', '审核员对样本量的说明'),
    text('method', 'How the records were selected', '抽样方法'),
    text('methodCode', 'random, systematic, stratified or judgmental', 'random、systematic、stratified 或 judgmental'),
    text('size', 'Records in the sample', '样本中的记录数'),
    text('extended', 'Records added by extending the sample', '扩大样本时增加的记录数'),
    text('algorithm', 'The selection algorithm; empty for records picked by judgment', '抽样算法；判断抽样为空'),
    text('seed', 'The random seed; empty for records picked by judgment', '随机种子；判断抽样为空'),
    text('populationHash', 'The hash of the population’s record ids the selection was drawn over', '抽样所依据的总体记录编号哈希值'),
    text('recompute', 'How anyone can recompute the selection', '如何重新计算样本'),
    text('tested', 'Records tested', '已检查的记录数'),
    text('deviations', 'Deviations found', '发现的偏差数'),
    text('deviationRate', 'The deviation rate; empty while nothing is evaluated', '偏差率；尚未评价时为空'),
    text('upperLimit', 'Statistical samples: the upper deviation limit against the tolerable rate; empty otherwise', '统计抽样：偏差上限与可容忍偏差率的比较；否则为空'),
    text('results', 'What testing found, in one sentence', '检查结果（一句话）'),
    text('deviatingRecords', 'The records that deviated, listed', '有偏差的记录，逐项列出'),
    text('findingNumbers', 'The findings raised from the sample, listed', '由该样本开具的审核发现，逐项列出'),
    flag('isStatistical', 'True for statistical attribute sampling', '统计属性抽样时为真'),
    flag('hasDeviations', 'True when a deviation was found', '发现偏差时为真'),
  ]),
  list('team', 'The audit team and, marked, accompanying persons', '审核组及随行人员', [
    text('name', 'Name', '姓名'),
    text('role', 'Role in the template’s language', '角色，按模板语言书写'),
    text('roleCode', 'Role as a stable code (lead, auditor, technical_expert, observer, trainee, interpreter, guide)', '角色的固定代码（lead、auditor、technical_expert、observer、trainee、interpreter、guide）'),
    text('registrationNumber', 'Registration number; empty when none', '注册号；无则为空'),
    flag('isLead', 'True for the lead auditor', '审核组长时为真'),
    flag('isAccompanying', 'True for an observer, technical expert, guide or interpreter', '观察员、技术专家、向导或翻译时为真'),
  ]),
  list('sites', 'The sites of the scope, visited or not, and why', '范围内的场所（是否访问及理由）', [
    text('name', 'Name', '名称'),
    text('address', 'Address', '地址'),
    text('kind', 'Kind of site', '场所类型'),
    text('reason', 'Why it was visited or sampled, or why not', '访问或抽样的理由，或未访问的理由'),
    text('mode', 'On site, remote, or both; empty when not visited', '现场、远程或两者；未访问为空'),
    flag('isVisited', 'True when the site was visited', '访问了该场所时为真'),
  ]),
  list('services', 'The services in scope', '范围内的服务', [
    text('name', 'Name', '名称'),
    text('description', 'Description', '描述'),
    text('category', 'Category (the CNCA business category when the CB asks)', '类别（认证机构要求时为 CNCA 业务类别）'),
    text('verification', 'The scope verification', '范围核实'),
    text('verificationNote', 'Its note', '核实说明'),
  ]),
  list('days', 'Every audit day as it ran; inside, {#activities} lists its activities', '每个审核日的实际安排；其中 {#activities} 列出当天的活动', [
    text('day', 'The date, in the template’s language', '日期，按模板语言书写'),
    text('dayIso', 'The date as YYYY-MM-DD', '日期，格式 YYYY-MM-DD'),
    text('weekday', 'The day of the week', '星期几'),
    text('start', 'The day’s first start', '当天开始时间'),
    text('end', 'The day’s last end', '当天结束时间'),
    list('activities', 'The day’s activities', '当天的活动', ACTIVITY_FIELDS),
  ]),
  list('deviations', 'Sessions that did not run as planned, and why', '未按计划进行的活动及原因', [
    text('session', 'The session', '活动'),
    text('planned', 'As planned', '计划安排'),
    text('change', 'What changed (moved, shortened, cancelled …)', '变更内容（调整、缩短、取消……）'),
    text('actual', 'What happened instead; empty when nothing', '实际情况；无则为空'),
    text('reason', 'Why', '原因'),
  ]),
  list('earlierNcs', 'Earlier nonconformities and the verification of their corrective actions', '以往不符合及其纠正措施的验证', [
    text('number', 'Its number', '编号'),
    text('grade', 'Its grade', '等级'),
    text('clause', 'The clause', '条款'),
    text('statement', 'The statement of nonconformity', '不符合描述'),
    text('audit', 'The audit it came from', '所属审核'),
    text('clientAction', 'The client’s corrective action', '客户的纠正措施'),
    text('method', 'How it was verified', '验证方式'),
    text('note', 'The verification note', '验证说明'),
    text('effectiveness', 'Effective, not effective or not assessed', '有效、无效或未评价'),
    text('effectivenessCode', 'not_assessed, effective or not_effective', 'not_assessed、effective 或 not_effective'),
    text('verifiedOn', 'The date verified; empty when not yet', '验证日期；未验证为空'),
    text('verifier', 'Who verified it', '验证人'),
    text('closedOn', 'The date closed; empty when open', '关闭日期；未关闭为空'),
  ]),
  list('opinions', 'Unresolved diverging opinions between the team and the auditee', '审核组与受审核方之间未解决的分歧意见', [
    text('findingNumber', 'The finding concerned', '涉及的审核发现'),
    text('auditeeView', 'The auditee’s view', '受审核方的意见'),
    text('teamResponse', 'The team’s response', '审核组的回应'),
  ]),
  list('surveillance', 'Surveillance audits: the mandatory items, what was found and its status', '监督审核：必查项目、发现及状态', [
    text('item', 'The item', '项目'),
    text('status', 'Its status', '状态'),
    text('statusCode', 'not_covered, satisfactory or concern', 'not_covered、satisfactory 或 concern'),
    text('entry', 'What was found', '发现'),
  ]),
  text('stage1.overall', 'Stage 1: the overall readiness for stage 2; empty when not concluded', '第一阶段：第二阶段审核准备情况的总体结论；未下结论为空'),
  text('stage1.stage2Dates', 'Stage 1: the proposed stage 2 dates; empty when none', '第一阶段：拟定的第二阶段审核日期；无则为空'),
  text('stage1.stage2AuditorDays', 'Stage 1: the auditor-days proposed for stage 2; empty when none', '第一阶段：拟定的第二阶段审核人日；无则为空'),
  text('stage1.stage2Focus', 'Stage 1: what stage 2 focuses on', '第一阶段：第二阶段审核的重点'),
  list('documentReview', 'Stage 1: the documents reviewed and their adequacy', '第一阶段：文件评审及其充分性', [
    text('document', 'The document', '文件'),
    text('version', 'Its version', '版本'),
    text('date', 'Its date; empty when none', '日期；无则为空'),
    text('clause', 'The clause', '条款'),
    text('adequacy', 'Adequate, inadequate or not reviewed', '充分、不充分或未评审'),
    text('adequacyCode', 'not_reviewed, adequate or inadequate', 'not_reviewed、adequate 或 inadequate'),
    text('comment', 'The comment', '评语'),
  ]),
  list('readiness', 'Stage 1: the readiness per area', '第一阶段：各方面的准备情况', [
    text('area', 'The area', '方面'),
    text('status', 'Ready, ready with concerns, not ready or not assessed', '已准备好、有关注点、未准备好或未评价'),
    text('statusCode', 'not_assessed, ready, ready_with_concerns or not_ready', 'not_assessed、ready、ready_with_concerns 或 not_ready'),
    text('note', 'The note', '说明'),
  ]),
  list('signatories', 'Who signs the report', '报告签署人', [
    text('name', 'Name', '姓名'),
    text('role', 'Role', '角色'),
    text('registrationNumber', 'Registration number; empty when none', '注册号；无则为空'),
  ]),
];
