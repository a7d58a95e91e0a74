import type { DocumentLanguage } from '../documents/plan-input.ts';
import type {
  ConclusionStatus,
  DocumentAdequacy,
  EffectivenessRating,
  GridPoint,
  ReadinessArea,
  ReadinessStatus,
  RecordResult,
  ScopeCheckStatus,
  SurveillanceItem,
  SurveillanceStatus,
} from '../fieldwork/fieldwork-kinds.ts';
import type { StatementItem } from '../findings/audit-statements.ts';
import type { VerificationMethod, VerificationResult } from '../findings/finding-kinds.ts';
import type { ServiceCategory } from '../scope/service-categories.ts';

/**
 * Every coded value the audit report words, in the report's language (not the interface's: a Chinese
 * lead may issue an English report). Verdicts read as the lead auditor's own statement ("Effectively
 * controlled", "No significant changes"), never as a form's yes/no. The engagement's other codes
 * (audit type, role, site kind, session kind) come from `DOCUMENT_LABELS`, the engine's texts from
 * `fixed-text.ts`. Chinese in the terms of docs/terminology.json (不符合, never 不合格; 其他方 is not 相关方).
 */

/** How a session ran differently from the plan (the report's deviations, 17021-1 9.4.8 item 7). */
export type SessionChange = 'moved' | 'shortened' | 'extended' | 'cancelled' | 'added' | 'heldRemotely' | 'heldOnSite' | 'heldOffSite';

export interface ReportLabels {
  readonly conclusionStatus: Readonly<Record<ConclusionStatus, string>>;
  readonly rating: Readonly<Record<EffectivenessRating, string>>;
  /** The five points of process control, as the reference states them. */
  readonly gridPoint: Readonly<Record<GridPoint, string>>;
  readonly recordResult: Readonly<Record<RecordResult, string>>;
  readonly scopeCheck: Readonly<Record<ScopeCheckStatus, string>>;
  readonly surveillanceItem: Readonly<Record<SurveillanceItem, string>>;
  readonly surveillanceStatus: Readonly<Record<SurveillanceStatus, string>>;
  readonly sessionChange: Readonly<Record<SessionChange, string>>;
  /** Joins a session's change of time and of place ("Shortened; held remotely"). */
  readonly changeSeparator: string;
  /** Between the sessions of one deviation row. */
  readonly sessionSeparator: string;
  /** How a site was audited, from the sessions held there. */
  readonly visitMode: Readonly<Record<'onSite' | 'remote' | 'both', string>>;
  /** Why a site in scope was not visited: it is not in this audit's sample. */
  readonly notVisited: string;
  /** A session's place when held remotely: "Remote — {tool}", or without a tool. */
  readonly remotePlace: string;
  readonly remotePlaceNoTool: string;
  readonly verificationMethod: Readonly<Record<VerificationMethod, string>>;
  readonly verificationResult: Readonly<Record<VerificationResult, string>>;
  readonly adequacy: Readonly<Record<DocumentAdequacy, string>>;
  readonly readinessArea: Readonly<Record<ReadinessArea, string>>;
  readonly readinessStatus: Readonly<Record<ReadinessStatus, string>>;
  /** The overall stage 1 verdict ('open' has none: the report leaves it empty). */
  readonly readinessOverall: { readonly ready: string; readonly readyFrom: string; readonly notReady: string };
  /** The CB's readiness rules as checked, said beside their area. */
  readonly readinessRule: {
    readonly monthsHold: string;
    readonly monthsHoldFrom: string;
    readonly monthsUnconfirmed: string;
    readonly internalAuditHolds: string;
    readonly internalAuditFails: string;
    readonly internalAuditUnconfirmed: string;
    readonly managementReviewHolds: string;
    readonly managementReviewFails: string;
    readonly managementReviewUnconfirmed: string;
  };
  readonly statementTitle: Readonly<Record<StatementItem, string>>;
  /** At stage 2 the significant changes are those since stage 1. */
  readonly significantChangesSinceStage1: string;
  readonly statementVerdict: { readonly [Item in StatementItem]: Readonly<Record<string, string>> };
  /** A clause group's title: "Clause {number} {title}". */
  readonly clauseGroup: string;
  /** An evidence reference: "{title} {version}" (a version number) or "{title}, {version}" (a description), then " ({date})" when it has a date. */
  readonly evidenceVersion: string;
  readonly evidenceDescribed: string;
  readonly evidenceDate: string;
  /** A population shown on screen: "{query} — {details}" with the details joined by `detailSeparator`. */
  readonly query: string;
  readonly queryRecords: string;
  readonly detailSeparator: string;
  /** A period of dates: "{from} – {to}". */
  readonly period: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  /** The business-licence check as recorded (Chinese CBs). */
  readonly licence: { readonly covers: string; readonly doesNotCover: string };
  /** Between a service's categories (their names have commas of their own). */
  readonly categorySeparator: string;
  /** The eight IT-service categories (in China the CNCA business categories). */
  readonly serviceCategory: Readonly<Record<ServiceCategory, string>>;
  /** A photo's place of use and caption: "{title}: {caption}". */
  readonly photoCaption: string;
  /** A photo's capture time with its UTC offset. */
  readonly takenAtZone: string;
  /** Record sampling from the client's exports (issue 20): sizing, method, selection and results, worded. */
  readonly sampling: SamplingLabels;
}

/**
 * How the report words a sample. Never "supports reliance": the results say what was tested and
 * what deviated; in statistical mode the upper deviation limit is set against the tolerable rate as
 * a number, nothing more. Chinese in the project's terms: 总体, 样本, 抽样, 偏差, 偏差率, 置信度,
 * 可容忍偏差率, 偏差上限, 随机种子; technical names (the algorithm, the specification's file) are values.
 */
export interface SamplingLabels {
  readonly sizingJudgment: string;
  /** {confidence} {tolerable} {expected} as percentages, {model} from `model`. */
  readonly sizingStatistical: string;
  readonly model: { readonly binomial: string; readonly hypergeometric: string };
  readonly methodRandom: string;
  readonly methodSystematic: string;
  readonly methodSystematicNoInterval: string;
  /** {column} {strata} {allocation}. */
  readonly methodStratified: string;
  readonly allocationProportional: string;
  readonly allocationMinimum: string;
  readonly methodJudgmental: string;
  /** The source of a population: "{file}, sheet {sheet}". */
  readonly sourceSheet: string;
  /** {algorithm} {spec}: the selection's inputs are printed beside it. */
  readonly recompute: string;
  readonly recomputeJudgmental: string;
  /** {tested} {size}. */
  readonly resultsTested: string;
  readonly resultsNoDeviation: string;
  readonly resultsOneDeviation: string;
  /** {deviations} {rate}. */
  readonly resultsDeviations: string;
  readonly resultsNotEvaluated: string;
  readonly resultsSeparator: string;
  /** {confidence} {limit} {tolerable}. */
  readonly upperLimitAbove: string;
  readonly upperLimitNotAbove: string;
  readonly upperLimitNone: string;
  readonly itemSelection: { readonly random: string; readonly systematic: string; readonly stratified: string; readonly judgmental: string; readonly extension: string };
  readonly itemResult: { readonly deviation: string; readonly no_deviation: string; readonly not_tested: string };
}

const EN_SAMPLING: SamplingLabels = {
  sizingJudgment: 'By judgment',
  sizingStatistical: 'Statistical attribute sampling: {confidence} confidence, tolerable deviation rate {tolerable}, expected deviation rate {expected} ({model})',
  model: { binomial: 'binomial model', hypergeometric: 'hypergeometric model' },
  methodRandom: 'Simple random selection',
  methodSystematic: 'Systematic selection: a random start, then one record in every {interval}',
  methodSystematicNoInterval: 'Systematic selection from a random start',
  methodStratified: 'Stratified by “{column}” ({strata} strata), {allocation}',
  allocationProportional: 'allocated in proportion to each stratum’s size',
  allocationMinimum: 'at least {minimum} from each stratum, the rest in proportion',
  methodJudgmental: 'Selected by judgment: records picked by the auditor, each with a reason',
  sourceSheet: '{file}, sheet “{sheet}”',
  recompute: 'Anyone can recompute the selection from the population’s record ids, the seed and the population hash with {algorithm}, as {spec} describes.',
  recomputeJudgmental: 'No random selection: the auditor picked each record and recorded why.',
  resultsTested: '{tested} of {size} records tested',
  resultsNoDeviation: 'no deviation found',
  resultsOneDeviation: '1 deviation (deviation rate {rate})',
  resultsDeviations: '{deviations} deviations (deviation rate {rate})',
  resultsNotEvaluated: 'no record evaluated yet',
  resultsSeparator: '; ',
  upperLimitAbove: 'Upper deviation limit at {confidence} confidence: {limit}, above the tolerable deviation rate of {tolerable}.',
  upperLimitNotAbove: 'Upper deviation limit at {confidence} confidence: {limit}, not above the tolerable deviation rate of {tolerable}.',
  upperLimitNone: 'The upper deviation limit is not computed until a record is evaluated.',
  itemSelection: { random: 'Random', systematic: 'Systematic', stratified: 'Stratified', judgmental: 'Picked by judgment', extension: 'Added by extension' },
  itemResult: { deviation: 'Deviation', no_deviation: 'No deviation', not_tested: 'Not tested' },
};

const ZH_SAMPLING: SamplingLabels = {
  sizingJudgment: '按职业判断确定',
  sizingStatistical: '统计属性抽样：置信度 {confidence}，可容忍偏差率 {tolerable}，预期偏差率 {expected}（{model}）',
  model: { binomial: '二项分布模型', hypergeometric: '超几何分布模型' },
  methodRandom: '简单随机抽样',
  methodSystematic: '系统抽样：随机起点，此后每 {interval} 条记录抽取一条',
  methodSystematicNoInterval: '系统抽样：随机起点',
  methodStratified: '按“{column}”分层抽样（{strata} 层），{allocation}',
  allocationProportional: '按各层规模比例分配',
  allocationMinimum: '每层至少 {minimum} 条，其余按比例分配',
  methodJudgmental: '判断抽样：由审核员逐条选取并记录理由',
  sourceSheet: '{file}，工作表“{sheet}”',
  recompute: '任何人均可依据总体的记录编号、随机种子和总体哈希值，按 {spec} 所述的 {algorithm} 重新计算样本。',
  recomputeJudgmental: '未随机抽取：每条记录均由审核员选取并记录理由。',
  resultsTested: '样本 {size} 条记录中已检查 {tested} 条',
  resultsNoDeviation: '未发现偏差',
  resultsOneDeviation: '发现 1 项偏差（偏差率 {rate}）',
  resultsDeviations: '发现 {deviations} 项偏差（偏差率 {rate}）',
  resultsNotEvaluated: '尚未评价任何记录',
  resultsSeparator: '；',
  upperLimitAbove: '置信度 {confidence} 下的偏差上限为 {limit}，高于可容忍偏差率 {tolerable}。',
  upperLimitNotAbove: '置信度 {confidence} 下的偏差上限为 {limit}，未高于可容忍偏差率 {tolerable}。',
  upperLimitNone: '评价记录后才计算偏差上限。',
  itemSelection: { random: '随机抽取', systematic: '系统抽取', stratified: '分层抽取', judgmental: '判断选取', extension: '扩大样本时增加' },
  itemResult: { deviation: '偏差', no_deviation: '无偏差', not_tested: '未检查' },
};

const EN: ReportLabels = {
  conclusionStatus: { not_concluded: 'Not concluded', conforming: 'Conforming', not_conforming: 'Not conforming' },
  rating: { not_assessed: 'Not assessed', effective: 'Effective', partly_effective: 'Partly effective', not_effective: 'Not effective' },
  gridPoint: {
    outputs: 'The process output is understood, used and explained',
    inputs: 'The process input is understood and controlled',
    efficiency: 'A way of measuring the process’s efficiency is defined and applied',
    improvement: 'An improvement plan exists; its results are measured and reviewed',
    objective_evidence: 'Objective evidence shows that the process owner fulfils the process’s function so that it meets the standard’s requirements',
  },
  recordResult: { not_tested: 'Not tested', pass: 'Pass', fail: 'Fail', not_applicable: 'Not applicable' },
  scopeCheck: { not_checked: 'Not verified', confirmed: 'Delivered as stated', not_confirmed: 'Not delivered as stated' },
  surveillanceItem: {
    internal_audit: 'Internal audit',
    management_review: 'Management review',
    complaints: 'Complaints',
    changes: 'Changes since the last audit',
    use_of_marks: 'Use of the certificate and marks',
    earlier_nonconformities: 'Nonconformities of the last audit',
  },
  surveillanceStatus: { not_covered: 'Not covered', satisfactory: 'Satisfactory', concern: 'Concern raised' },
  sessionChange: {
    moved: 'Moved',
    shortened: 'Shortened',
    extended: 'Extended',
    cancelled: 'Cancelled',
    added: 'Added on the day',
    heldRemotely: 'Held remotely',
    heldOnSite: 'Held on site',
    heldOffSite: 'Held off site',
  },
  changeSeparator: '; ',
  sessionSeparator: '; ',
  visitMode: { onSite: 'On site', remote: 'Remote', both: 'On site and remote' },
  notVisited: 'Not in the sample of this audit',
  remotePlace: 'Remote — {tool}',
  remotePlaceNoTool: 'Remote',
  verificationMethod: { document_review: 'Document review', on_site: 'On site', remote: 'Remote', next_audit: 'At the next audit' },
  verificationResult: { not_assessed: 'Not assessed', effective: 'Effective', not_effective: 'Not effective' },
  adequacy: { not_reviewed: 'Not reviewed', adequate: 'Adequate', inadequate: 'Inadequate' },
  readinessArea: {
    sms_documentation: 'SMS documentation',
    operating_period: 'Operating period',
    internal_audit: 'Internal audit',
    management_review: 'Management review',
    scope_and_services: 'Scope and services',
    sites_and_resources: 'Sites and resources',
    service_records: 'Service records',
  },
  readinessStatus: { not_assessed: 'Not assessed', ready: 'Ready', ready_with_concerns: 'Ready, with concerns', not_ready: 'Not ready' },
  readinessOverall: { ready: 'Ready for stage 2', readyFrom: 'Ready for stage 2 from {date}', notReady: 'Not ready for stage 2' },
  readinessRule: {
    monthsHold: 'The SMS has operated since {since}: {operated} months by {asOf}, against the {required} months the certification body requires.',
    monthsHoldFrom: 'The SMS has operated since {since}: {operated} months by {asOf}; the certification body requires {required} months, so stage 2 cannot start before {earliest}.',
    monthsUnconfirmed: 'The certification body requires the SMS to have operated for {required} months before stage 2; when it began operating is not recorded.',
    internalAuditHolds: 'An internal audit has been completed, as the certification body requires before stage 2.',
    internalAuditFails: 'No internal audit has been completed yet; the certification body requires one before stage 2.',
    internalAuditUnconfirmed: 'The certification body requires an internal audit before stage 2; not yet confirmed.',
    managementReviewHolds: 'A management review has been held, as the certification body requires before stage 2.',
    managementReviewFails: 'No management review has been held yet; the certification body requires one before stage 2.',
    managementReviewUnconfirmed: 'The certification body requires a management review before stage 2; not yet confirmed.',
  },
  statementTitle: {
    significant_issues: 'Significant issues affecting the audit programme',
    significant_changes: 'Significant changes affecting the client’s management system since the last audit',
    unresolved_issues: 'Unresolved issues',
    marks_control: 'Use of certification documents and marks',
    conformity_effectiveness: 'Conformity and effectiveness of the service management system',
    internal_audit: 'Internal audit',
    management_review: 'Management review',
    scope_appropriate: 'Appropriateness of the certification scope',
    objectives_met: 'Fulfilment of the audit objectives',
    remote_auditing: 'Extent and effectiveness of remote auditing (IAF MD 4)',
    no_penalties: 'Administrative penalties, major incidents and complaints since the last audit',
  },
  significantChangesSinceStage1: 'Significant changes affecting the client’s management system since stage 1',
  statementVerdict: {
    significant_issues: { none: 'No significant issues', identified: 'Significant issues identified' },
    significant_changes: { none: 'No significant changes', changes: 'Significant changes identified' },
    unresolved_issues: { none: 'No unresolved issues', identified: 'Unresolved issues remain' },
    marks_control: { yes: 'Effectively controlled', no: 'Not effectively controlled', not_applicable: 'Not applicable' },
    conformity_effectiveness: { effective: 'Conforming and effective', effective_with_ncs: 'Effective, except for the nonconformities raised', not_effective: 'Not effective' },
    internal_audit: { effective: 'Effectively implemented', effective_with_ncs: 'Implemented, except for the nonconformities raised', not_effective: 'Not effectively implemented' },
    management_review: { effective: 'Effectively implemented', effective_with_ncs: 'Implemented, except for the nonconformities raised', not_effective: 'Not effectively implemented' },
    scope_appropriate: { yes: 'Appropriate', change_needed: 'A change is needed' },
    objectives_met: { yes: 'Met', partly: 'Partly met', no: 'Not met' },
    remote_auditing: { none: 'No remote auditing', effective: 'Effective', limited: 'Of limited effectiveness' },
    no_penalties: { confirmed: 'None since the last audit', reported: 'Occurred since the last audit' },
  },
  clauseGroup: 'Clause {number} {title}',
  evidenceVersion: '{title} {version}',
  evidenceDescribed: '{title}, {version}',
  evidenceDate: '{reference} ({date})',
  query: '{query} — {details}',
  queryRecords: '{count} records',
  detailSeparator: ', ',
  period: '{from} – {to}',
  periodFrom: 'from {from}',
  periodTo: 'until {to}',
  categorySeparator: '; ',
  licence: { covers: 'The business licence covers the certified scope', doesNotCover: 'The business licence does not cover the certified scope' },
  serviceCategory: {
    'consulting-planning': 'IT consulting and planning of information systems',
    'software-development': 'Software design and development',
    testing: 'Information system testing and software product testing',
    'engineering-supervision': 'Information system / software engineering supervision',
    'operation-maintenance': 'Operation and maintenance of basic infrastructure, hardware and software',
    'e-commerce-support': 'E-commerce support',
    'data-processing': 'Data processing',
    'call-centre-service-desk': 'Call centre / service desk',
  },
  photoCaption: '{title} — {caption}',
  takenAtZone: '{when} ({offset})',
  sampling: EN_SAMPLING,
};

const ZH_HANS: ReportLabels = {
  conclusionStatus: { not_concluded: '未下结论', conforming: '符合', not_conforming: '不符合' },
  rating: { not_assessed: '未评价', effective: '有效', partly_effective: '部分有效', not_effective: '无效' },
  gridPoint: {
    outputs: '过程的输出得到理解、使用和说明',
    inputs: '过程的输入得到理解和控制',
    efficiency: '规定并应用了测量过程效率的方法',
    improvement: '有改进计划，其结果得到测量和评审',
    objective_evidence: '客观证据表明过程负责人履行了过程职能，使过程满足标准要求',
  },
  recordResult: { not_tested: '未检查', pass: '符合', fail: '不符合', not_applicable: '不适用' },
  scopeCheck: { not_checked: '未核实', confirmed: '按所述提供', not_confirmed: '与所述不符' },
  surveillanceItem: {
    internal_audit: '内部审核',
    management_review: '管理评审',
    complaints: '投诉',
    changes: '上次审核以来的变化',
    use_of_marks: '认证证书和标志的使用',
    earlier_nonconformities: '上次审核的不符合',
  },
  surveillanceStatus: { not_covered: '未覆盖', satisfactory: '满意', concern: '有关注点' },
  sessionChange: {
    moved: '调整时间',
    shortened: '缩短',
    extended: '延长',
    cancelled: '取消',
    added: '当天增加',
    heldRemotely: '改为远程进行',
    heldOnSite: '改为现场进行',
    heldOffSite: '改为非现场进行',
  },
  changeSeparator: '；',
  sessionSeparator: '；',
  visitMode: { onSite: '现场', remote: '远程', both: '现场和远程' },
  notVisited: '未列入本次审核的抽样',
  remotePlace: '远程：{tool}',
  remotePlaceNoTool: '远程',
  verificationMethod: { document_review: '文件审查', on_site: '现场验证', remote: '远程验证', next_audit: '下次审核时验证' },
  verificationResult: { not_assessed: '未评价', effective: '有效', not_effective: '无效' },
  adequacy: { not_reviewed: '未审查', adequate: '充分', inadequate: '不充分' },
  readinessArea: {
    sms_documentation: '服务管理体系文件',
    operating_period: '运行时间',
    internal_audit: '内部审核',
    management_review: '管理评审',
    scope_and_services: '范围和服务',
    sites_and_resources: '场所和资源',
    service_records: '服务记录',
  },
  readinessStatus: { not_assessed: '未评价', ready: '已准备好', ready_with_concerns: '已准备好，有关注点', not_ready: '未准备好' },
  readinessOverall: { ready: '已具备第二阶段审核条件', readyFrom: '自{date}起具备第二阶段审核条件', notReady: '尚不具备第二阶段审核条件' },
  readinessRule: {
    monthsHold: '服务管理体系自{since}起运行，截至{asOf}已运行 {operated} 个月；认证机构要求 {required} 个月。',
    monthsHoldFrom: '服务管理体系自{since}起运行，截至{asOf}已运行 {operated} 个月；认证机构要求 {required} 个月，因此第二阶段审核不得早于{earliest}。',
    monthsUnconfirmed: '认证机构要求服务管理体系在第二阶段审核前至少运行 {required} 个月；体系开始运行的日期尚未记录。',
    internalAuditHolds: '已按认证机构的要求在第二阶段审核前完成内部审核。',
    internalAuditFails: '尚未完成内部审核；认证机构要求在第二阶段审核前完成。',
    internalAuditUnconfirmed: '认证机构要求在第二阶段审核前完成内部审核；尚待确认。',
    managementReviewHolds: '已按认证机构的要求在第二阶段审核前开展管理评审。',
    managementReviewFails: '尚未开展管理评审；认证机构要求在第二阶段审核前开展。',
    managementReviewUnconfirmed: '认证机构要求在第二阶段审核前开展管理评审；尚待确认。',
  },
  statementTitle: {
    significant_issues: '影响审核方案的重要问题',
    significant_changes: '自上次审核以来影响受审核方管理体系的重大变更',
    unresolved_issues: '未解决的问题',
    marks_control: '认证文件和认证标志的使用',
    conformity_effectiveness: '服务管理体系的符合性和有效性',
    internal_audit: '内部审核',
    management_review: '管理评审',
    scope_appropriate: '认证范围的适宜性',
    objectives_met: '审核目的的实现',
    remote_auditing: '远程审核的范围和有效性（IAF MD 4）',
    no_penalties: '自上次审核以来的行政处罚、重大事件和投诉',
  },
  significantChangesSinceStage1: '自第一阶段审核以来影响受审核方管理体系的重大变更',
  statementVerdict: {
    significant_issues: { none: '无重要问题', identified: '存在重要问题' },
    significant_changes: { none: '无重大变更', changes: '有重大变更' },
    unresolved_issues: { none: '无未解决的问题', identified: '存在未解决的问题' },
    marks_control: { yes: '得到有效控制', no: '未得到有效控制', not_applicable: '不适用' },
    conformity_effectiveness: { effective: '符合且有效', effective_with_ncs: '有效，但存在已提出的不符合', not_effective: '无效' },
    internal_audit: { effective: '有效实施', effective_with_ncs: '已实施，但存在已提出的不符合', not_effective: '未有效实施' },
    management_review: { effective: '有效实施', effective_with_ncs: '已实施，但存在已提出的不符合', not_effective: '未有效实施' },
    scope_appropriate: { yes: '适宜', change_needed: '需要调整' },
    objectives_met: { yes: '已实现', partly: '部分实现', no: '未实现' },
    remote_auditing: { none: '无远程审核', effective: '有效', limited: '有效性有限' },
    no_penalties: { confirmed: '自上次审核以来未发生', reported: '自上次审核以来有发生' },
  },
  clauseGroup: '第{number}章 {title}',
  evidenceVersion: '{title} {version}',
  evidenceDescribed: '{title}，{version}',
  evidenceDate: '{reference}（{date}）',
  query: '{query}——{details}',
  queryRecords: '共 {count} 条记录',
  detailSeparator: '，',
  period: '{from}至{to}',
  periodFrom: '自{from}起',
  periodTo: '截至{to}',
  categorySeparator: '；',
  licence: { covers: '营业执照的经营范围覆盖认证范围', doesNotCover: '营业执照的经营范围未覆盖认证范围' },
  serviceCategory: {
    'consulting-planning': '信息技术咨询规划',
    'software-development': '软件设计开发',
    testing: '信息系统测试和软件产品测试',
    'engineering-supervision': '信息系统/软件工程监理',
    'operation-maintenance': '基础设施及软硬件运行维护',
    'e-commerce-support': '电子商务支持',
    'data-processing': '数据处理',
    'call-centre-service-desk': '呼叫中心/服务台',
  },
  photoCaption: '{title}——{caption}',
  takenAtZone: '{when}（{offset}）',
  sampling: ZH_SAMPLING,
};

export const REPORT_LABELS: Readonly<Record<DocumentLanguage, ReportLabels>> = { en: EN, 'zh-Hans': ZH_HANS };
