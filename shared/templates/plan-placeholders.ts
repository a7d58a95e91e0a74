/**
 * The placeholders a certification body's audit plan template may use: the one list the template
 * check, the fill (plan-template-data.ts builds exactly these names), docs/template-placeholders.md and
 * the app's own list follow. A test holds the data, the catalogue and the document equal.
 *
 * Syntax (easy-template-x, no code ever runs): `{client.name}` a text; `{#sessions}…{/sessions}` a
 * repeating section (a table row, a list item or a paragraph run once per session); `{#audit.isRemote}…
 * {/audit.isRemote}` a condition: the content appears when the value is true or a non-empty text.
 * Inside a section its fields are plain names (`{start}`); outer names stay usable (`{client.name}`).
 * Names of the top level carry a group prefix (`audit.`, `client.` …); names are never renamed once
 * released — CB templates out there use them.
 */

export type PlaceholderKind = 'text' | 'flag' | 'list';

/** A description in the two languages the app ships (the template's own language can be any). */
export interface PlaceholderAbout {
  readonly en: string;
  readonly 'zh-Hans': string;
}

export interface Placeholder {
  readonly name: string;
  readonly kind: PlaceholderKind;
  readonly about: PlaceholderAbout;
  /** A list's fields (kind 'list' only). */
  readonly fields?: readonly Placeholder[];
}

const text = (name: string, en: string, zh: string): Placeholder => ({ name, kind: 'text', about: { en, 'zh-Hans': zh } });
const flag = (name: string, en: string, zh: string): Placeholder => ({ name, kind: 'flag', about: { en, 'zh-Hans': zh } });
const list = (name: string, en: string, zh: string, fields: readonly Placeholder[]): Placeholder => ({ name, kind: 'list', about: { en, 'zh-Hans': zh }, fields });

const DAY_FIELDS: readonly Placeholder[] = [
  text('day', 'The date, written in the template’s language (15 March 2027; 2027年3月15日)', '日期，按模板语言书写（2027年3月15日）'),
  text('dayIso', 'The date as YYYY-MM-DD', '日期，格式 YYYY-MM-DD'),
  text('weekday', 'The day of the week (Monday; 星期一)', '星期几（星期一）'),
  text('dayNumber', 'Which audit day: 1 for the first day with sessions, 2 for the next …', '第几个审核日：有活动的第一天为 1，依此类推'),
];

const SESSION_FIELDS: readonly Placeholder[] = [
  ...DAY_FIELDS,
  text('start', 'Start time, local (09:00)', '开始时间，当地时间（09:00）'),
  text('end', 'End time, local (10:30)', '结束时间，当地时间（10:30）'),
  text('time', 'Start and end (09:00–10:30)', '起止时间（09:00–10:30）'),
  text('title', 'The session’s title', '活动名称'),
  text('kind', 'opening, closing, audit, break or other (a stable code, for the template’s own wording)', 'opening、closing、audit、break 或 other（固定代码）'),
  text('site', 'The site’s name; empty for a remote session', '场所名称；远程活动为空'),
  text('processes', 'The processes audited, listed', '审核的过程，逐项列出'),
  text('clauses', 'The clauses covered, listed', '涉及的条款，逐项列出'),
  text('services', 'The services, listed', '涉及的服务，逐项列出'),
  text('auditees', 'The auditees with their roles: Name (Role), listed', '受审核方人员及其职务：姓名（职务），逐项列出'),
  text('auditors', 'The lead auditor, auditors and trainees in the session, listed', '参加该活动的审核组长、审核员和实习审核员，逐项列出'),
  text('experts', 'The technical experts in the session, listed', '参加该活动的技术专家，逐项列出'),
  text('accompanying', 'Observers, interpreters and guides in the session, listed', '参加该活动的观察员、翻译和向导，逐项列出'),
  text('people', 'Everyone of the team in the session: Name (Role), listed', '参加该活动的全部审核组人员：姓名（角色），逐项列出'),
  text('remoteTool', 'Remote sessions: the tool (IAF MD 4)', '远程活动：使用的工具（IAF MD 4）'),
  text('remoteIdentityCheck', 'Remote sessions: how identities are checked', '远程活动：身份核实方式'),
  text('remoteFallback', 'Remote sessions: what happens if the connection fails', '远程活动：连接失败时的替代安排'),
  text('notes', 'The session’s notes', '活动备注'),
  flag('isRemote', 'True for a remote session', '远程活动时为真'),
  flag('isOnSite', 'True for a session at a site', '现场活动时为真'),
  flag('isOpening', 'True for the opening meeting', '首次会议时为真'),
  flag('isClosing', 'True for the closing meeting', '末次会议时为真'),
  flag('isBreak', 'True for a break', '休息时为真'),
];

/** The audit plan's placeholders, in the order docs/template-placeholders.md lists them. */
export const PLAN_PLACEHOLDERS: readonly Placeholder[] = [
  text('document.reference', 'The engagement’s reference (KDS-S1-2027)', '审核项目编号（KDS-S1-2027）'),
  text('document.revision', 'The plan’s revision: 1, 2 …', '计划的版次：1、2 …'),
  text('document.issuedOn', 'The date of this export, in the audit’s time zone', '本次导出日期（审核所在时区）'),
  text('document.issuedBy', 'Who exported it', '导出人'),

  text('cb.name', 'The certification body’s name (from its profile)', '认证机构名称（来自其配置）'),
  text('cb.address', 'The certification body’s address', '认证机构地址'),
  text('cb.accreditations', 'Its accreditations (UKAS 1234; CNAS C123-M), listed', '其认可信息（UKAS 1234；CNAS C123-M），逐项列出'),
  text('cb.cncaApprovalNumber', 'CNCA approval number (批准号); empty when none', 'CNCA 批准号；无则为空'),
  text('cb.cnasAccreditationNumber', 'CNAS accreditation number (认可注册号); empty when none', 'CNAS 认可注册号；无则为空'),

  text('client.name', 'The client’s name', '客户名称'),
  text('client.address', 'The client’s address', '客户地址'),
  text('client.representative', 'The client’s management representative', '客户管理者代表'),
  text('client.contact', 'The client’s contact (name, telephone, e-mail)', '客户联系人（姓名、电话、电子邮件）'),
  text('client.creditCode', 'Unified social credit code; empty when the CB’s reports do not need it', '统一社会信用代码；认证机构报告不要求时为空'),

  text('audit.type', 'The audit type in the template’s language (Surveillance 1; 第一次监督审核)', '审核类型，按模板语言书写（第一次监督审核）'),
  text('audit.typeCode', 'The audit type as a stable code: stage1, stage2, surveillance1, surveillance2, recertification, scope_extension, short_notice', '审核类型的固定代码：stage1、stage2、surveillance1、surveillance2、recertification、scope_extension、short_notice'),
  text('audit.standard', 'The standard and edition (ISO/IEC 20000-1:2018)', '标准及版本（ISO/IEC 20000-1:2018）'),
  text('audit.criteria', 'The audit criteria', '审核准则'),
  text('audit.objectives', 'The audit objectives', '审核目的'),
  text('audit.scope', 'The audit scope', '审核范围'),
  text('audit.startDate', 'The first audit day, written in the template’s language', '审核首日，按模板语言书写'),
  text('audit.endDate', 'The last audit day, written in the template’s language', '审核末日，按模板语言书写'),
  text('audit.dates', 'The audit dates as a range (15–17 March 2027; 2027年3月15日至17日)', '审核日期区间（2027年3月15日至17日）'),
  text('audit.startDateIso', 'The first audit day as YYYY-MM-DD', '审核首日，格式 YYYY-MM-DD'),
  text('audit.endDateIso', 'The last audit day as YYYY-MM-DD', '审核末日，格式 YYYY-MM-DD'),
  text('audit.timeZone', 'The time zone of the plan’s times (Europe/London)', '计划时间所用时区（Asia/Shanghai）'),
  text('audit.language', 'The audit language (English; 中文)', '审核语言（中文）'),
  text('audit.combination', 'A combined, joint or integrated audit, said in words; empty for a single audit', '结合、联合或一体化审核的说明；单一审核为空'),
  flag('audit.isStage1', 'True for a stage 1 audit', '第一阶段审核时为真'),
  flag('audit.isStage2', 'True for a stage 2 audit', '第二阶段审核时为真'),
  flag('audit.isSurveillance', 'True for a surveillance audit (first or second)', '监督审核（第一次或第二次）时为真'),
  flag('audit.isRecertification', 'True for a recertification audit', '再认证审核时为真'),
  flag('audit.isSpecial', 'True for a scope extension or a short-notice audit', '扩大范围审核或提前较短时间通知的审核时为真'),
  flag('audit.isCombined', 'True for a combined, joint or integrated audit', '结合、联合或一体化审核时为真'),
  flag('audit.isRemote', 'True when every session (breaks aside) is remote', '除休息外全部活动均为远程时为真'),
  flag('audit.hasRemoteSessions', 'True when at least one session is remote', '至少有一项远程活动时为真'),
  flag('audit.hasOnSiteSessions', 'True when at least one session is at a site', '至少有一项现场活动时为真'),

  text('lead.name', 'The lead auditor’s name', '审核组长姓名'),
  text('lead.registrationNumber', 'The lead auditor’s registration number (CCAA)', '审核组长注册号（CCAA）'),

  text('auditorDays.allocatedOnSite', 'Auditor-days the CB allocated on-site; empty when not recorded', '认证机构分配的现场审核人日；未记录则为空'),
  text('auditorDays.allocatedRemote', 'Auditor-days the CB allocated remote; empty when not recorded', '认证机构分配的远程审核人日；未记录则为空'),
  text('auditorDays.allocatedTotal', 'Allocated auditor-days in all; empty when not recorded', '分配的审核人日合计；未记录则为空'),
  text('auditorDays.plannedOnSite', 'Auditor-days the plan schedules on-site (lead and auditors)', '计划安排的现场审核人日（审核组长和审核员）'),
  text('auditorDays.plannedRemote', 'Auditor-days the plan schedules remote', '计划安排的远程审核人日'),
  text('auditorDays.plannedTotal', 'Planned auditor-days in all', '计划审核人日合计'),
  text('auditorDays.justification', 'Why the allocation differs from the table, if it does', '分配与审核时间表不同的理由（如有）'),

  text('confidentiality', 'The confidentiality statement', '保密声明'),

  list('sessions', 'Every session of the plan, by day and start time', '计划中的全部活动，按日期和开始时间排序', SESSION_FIELDS),
  list('days', 'Every audit day with sessions; inside, {#sessions} lists that day’s sessions', '每个有活动的审核日；其中 {#sessions} 列出当天的活动', [
    ...DAY_FIELDS,
    list('sessions', 'That day’s sessions (same fields as the plan’s sessions)', '当天的活动（字段同上）', SESSION_FIELDS),
  ]),
  list('team', 'The audit team and accompanying persons', '审核组及随行人员', [
    text('name', 'Name', '姓名'),
    text('role', 'Role in the template’s language (Lead auditor; 审核组长)', '角色，按模板语言书写（审核组长）'),
    text('roleCode', 'Role as a stable code: lead, auditor, technical_expert, observer, trainee, interpreter, guide', '角色的固定代码：lead、auditor、technical_expert、observer、trainee、interpreter、guide'),
    text('registrationNumber', 'Registration number (CCAA); empty when none', '注册号（CCAA）；无则为空'),
    flag('isLead', 'True for the lead auditor', '审核组长时为真'),
  ]),
  list('sites', 'The client’s sites', '客户的场所', [
    text('name', 'Name', '名称'),
    text('address', 'Address', '地址'),
    text('kind', 'Kind of site, in the template’s language', '场所类型，按模板语言书写'),
    text('visit', 'Why it is visited (central function, drawn at random, chosen: reason); empty when not visited', '访问理由（中心职能、随机抽取、选定：理由）；不访问则为空'),
    flag('isVisited', 'True when the site is visited in this audit', '本次审核访问该场所时为真'),
  ]),
  list('services', 'The services in scope', '范围内的服务', [text('name', 'Name', '名称'), text('description', 'Description', '描述')]),
];

/** The list whose field `name` is, anywhere in the catalogue (to say "use it inside {#sessions}"). */
export function listOfField(catalogue: readonly Placeholder[], name: string): string | undefined {
  for (const placeholder of catalogue) {
    if (placeholder.kind !== 'list') continue;
    if (placeholder.fields?.some((field) => field.name === name)) return placeholder.name;
    const nested = listOfField(placeholder.fields ?? [], name);
    if (nested) return nested;
  }
  return undefined;
}
