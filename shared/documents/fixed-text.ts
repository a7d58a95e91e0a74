/**
 * Every fixed text of the document engine and of the documents it writes, in English and Simplified
 * Chinese, by key. `{name}` marks a value filled in at writing time. The Chinese follows
 * docs/terminology.json (审核计划 not 审核方案, 不符合 never 不合格, 受审核方, 审核组长, 人日 …);
 * tests/rules/documents/fixed-text-terms.test.ts checks it against that list.
 */
import type { DocumentLanguage } from './plan-input.ts';

const EN = {
  // The engine: running header and footer, contents, signatures.
  'engine.pageNumber': 'Page {page} of {pages}',
  'engine.revision': 'Revision {revision}',
  'engine.issued': 'Issued {date} by {name}',
  'engine.contents': 'Contents',
  'engine.confidential': 'Confidential',
  'engine.signature.role': 'Role',
  'engine.signature.name': 'Name',
  'engine.signature.signature': 'Signature',
  'engine.signature.date': 'Date',
  'engine.none': '—',
  'engine.listSeparator': ', ',

  // Dates and durations.
  'time.range': '{start}–{end}',
  'time.hours': '{hours} h',
  'time.minutes': '{minutes} min',
  'time.hoursMinutes': '{hours} h {minutes} min',

  // The audit plan.
  'plan.title': 'Audit plan',
  'plan.subtitle': '{client} — {auditType}',
  'plan.section.parties': 'Client and certification body',
  'plan.section.audit': 'Audit details',
  'plan.section.sites': 'Sites',
  'plan.section.services': 'Services in scope',
  'plan.section.team': 'Audit team',
  'plan.section.accompanying': 'Observers, interpreters and guides',
  'plan.section.schedule': 'Audit schedule',
  'plan.section.auditTime': 'Audit time',
  'plan.section.confidentiality': 'Confidentiality',
  'plan.section.notes': 'Notes for the client',

  'plan.client': 'Client',
  'plan.clientAddress': 'Address',
  'plan.clientRepresentative': 'Client representative',
  'plan.clientContact': 'Contact',
  'plan.creditCode': 'Unified social credit code',
  'plan.certificationBody': 'Certification body',
  'plan.bodyAddress': 'Address of the certification body',
  'plan.accreditation': 'Accreditation',
  'plan.cncaApproval': 'CNCA approval number',
  'plan.cnasAccreditation': 'CNAS accreditation number',
  'plan.reference': 'Audit reference',

  'plan.auditType': 'Audit type',
  'plan.standard': 'Standard',
  'plan.criteria': 'Audit criteria',
  'plan.objectives': 'Audit objectives',
  'plan.scope': 'Audit scope',
  'plan.dates': 'Audit dates',
  'plan.datesOneDay': '{start} (1 audit day)',
  'plan.datesRange': '{start} to {end} ({days} audit days)',
  'plan.timeZone': 'Time zone',
  'plan.timeZoneValue': '{timeZone}: every time in this plan is local time there',
  'plan.language': 'Audit language',
  'plan.combination': 'Combined audit',

  'plan.site': 'Site',
  'plan.siteAddress': 'Address',
  'plan.siteKind': 'Type',
  'plan.siteVisit': 'Why it is visited',
  'plan.sitesNotVisited': 'Sites in scope not visited at this audit: {sites}.',
  'plan.noSites': 'No site is visited: the audit is carried out remotely.',

  'plan.service': 'Service',
  'plan.serviceDescription': 'Description',
  'plan.noServices': 'No service is listed.',

  'plan.memberName': 'Name',
  'plan.memberRole': 'Role',
  'plan.memberRegistration': 'Registration number',
  'plan.memberShort': 'In the schedule',
  'plan.accompanyingNote': 'Accompanying persons do not audit: they observe, interpret or guide, and do not influence the audit.',

  'plan.scheduleIntro': 'Times are local times ({timeZone}). The audit team may adjust the order of sessions with the client representative during the audit.',
  'plan.day': 'Day {number} — {date}',
  'plan.col.time': 'Time',
  'plan.col.activity': 'Activity, processes and clauses',
  'plan.col.place': 'Place',
  'plan.col.auditees': 'Auditees',
  'plan.col.team': 'Team',
  'plan.processes': 'Processes: {list}',
  'plan.clauses': 'Clauses: {list}',
  'plan.services': 'Services: {list}',
  'plan.remote': 'Remote ({tool})',
  'plan.remoteIdentity': 'Identity check: {text}',
  'plan.remoteFallback': 'Fallback: {text}',
  'plan.wholeTeam': 'Whole team',
  'plan.auditee': '{name}, {role}',
  'plan.dayTotals': 'Audit activities this day: on site {onSite}, remote {remote}.',
  'plan.noSessions': 'No session is planned yet.',

  'plan.days.row': 'Auditor-days',
  'plan.days.allocated': 'Allocated by the certification body',
  'plan.days.planned': 'Planned in this plan',
  'plan.days.onSite': 'On site',
  'plan.days.remote': 'Remote',
  'plan.days.total': 'Total',
  'plan.days.notStated': 'not stated',
  'plan.days.value': '{days} auditor-days',
  'plan.days.valueOne': '1 auditor-day',
  'plan.days.justification': 'Justification: {text}',
  'plan.days.note': 'Auditor-days count the audit team leader and the auditors; technical experts, auditors in training and accompanying persons are not counted.',

  'plan.confidentialityDefault':
    'The certification body and every member of the audit team keep confidential all information obtained during the audit, and disclose none of it without the client’s written consent, except where the law requires it.',
  'plan.objection':
    'The client may object to the appointment of any member of the audit team or any accompanying person, giving reasons. Please tell the audit team leader before the audit, so that the certification body can reconsider the team.',
  'plan.changes': 'Changes to this plan are agreed between the audit team leader and the client representative.',
  'plan.preparedBy': 'Prepared by (audit team leader)',
  'plan.acknowledgedBy': 'Acknowledged by (client representative)',

  // The sign-in sheet of an opening or closing meeting.
  'signIn.title': 'Sign-in sheet',
  'signIn.subtitle': '{meeting} — {client}',
  'signIn.client': 'Client',
  'signIn.audit': 'Audit',
  'signIn.auditValue': '{auditType}, {standard}',
  'signIn.meeting': 'Meeting',
  'signIn.date': 'Date and time',
  'signIn.dateValue': '{date}, {start}–{end} local time ({timeZone})',
  'signIn.place': 'Place',
  'signIn.remote': 'Remote, by {tool}',
  'signIn.remoteNoTool': 'Remote',
  'signIn.intro': 'Everyone attending the meeting signs below. If your name is not printed, please write your name, role and organization in a free row.',
  'signIn.col.number': 'No.',
  'signIn.col.name': 'Name',
  'signIn.col.role': 'Position or role',
  'signIn.col.organization': 'Organization',
  'signIn.col.signature': 'Signature',
  'signIn.col.time': 'Time',
  'signIn.attendedRemotely': 'Attends remotely',
  'signIn.note': 'The signed sheet is kept with the audit records as evidence of attendance. Attendees who join remotely are recorded by the audit team leader.',
} as const;

export type FixedTextKey = keyof typeof EN;

const ZH_HANS: Record<FixedTextKey, string> = {
  'engine.pageNumber': '第 {page} 页，共 {pages} 页',
  'engine.revision': '第 {revision} 版',
  'engine.issued': '{name} 于 {date} 发布',
  'engine.contents': '目录',
  'engine.confidential': '保密',
  'engine.signature.role': '职责',
  'engine.signature.name': '姓名',
  'engine.signature.signature': '签字',
  'engine.signature.date': '日期',
  'engine.none': '—',
  'engine.listSeparator': '、',

  'time.range': '{start}–{end}',
  'time.hours': '{hours}小时',
  'time.minutes': '{minutes}分钟',
  'time.hoursMinutes': '{hours}小时{minutes}分钟',

  'plan.title': '审核计划',
  'plan.subtitle': '{client} — {auditType}',
  'plan.section.parties': '受审核方与认证机构',
  'plan.section.audit': '审核概况',
  'plan.section.sites': '审核场所',
  'plan.section.services': '范围内的服务',
  'plan.section.team': '审核组',
  'plan.section.accompanying': '观察员、翻译和向导',
  'plan.section.schedule': '审核日程安排',
  'plan.section.auditTime': '审核时间',
  'plan.section.confidentiality': '保密',
  'plan.section.notes': '致受审核方的说明',

  'plan.client': '受审核方',
  'plan.clientAddress': '地址',
  'plan.clientRepresentative': '受审核方代表',
  'plan.clientContact': '联系方式',
  'plan.creditCode': '统一社会信用代码',
  'plan.certificationBody': '认证机构',
  'plan.bodyAddress': '认证机构地址',
  'plan.accreditation': '认可',
  'plan.cncaApproval': '国家认监委批准号',
  'plan.cnasAccreditation': 'CNAS 认可注册号',
  'plan.reference': '审核项目编号',

  'plan.auditType': '审核类型',
  'plan.standard': '标准',
  'plan.criteria': '审核准则',
  'plan.objectives': '审核目的',
  'plan.scope': '审核范围',
  'plan.dates': '审核日期',
  'plan.datesOneDay': '{start}（共 1 个审核日）',
  'plan.datesRange': '{start}至{end}（共 {days} 个审核日）',
  'plan.timeZone': '时区',
  'plan.timeZoneValue': '{timeZone}：本计划中的时间均为该时区的当地时间',
  'plan.language': '审核语言',
  'plan.combination': '结合审核',

  'plan.site': '场所',
  'plan.siteAddress': '地址',
  'plan.siteKind': '类型',
  'plan.siteVisit': '访问理由',
  'plan.sitesNotVisited': '本次审核不访问的范围内场所：{sites}。',
  'plan.noSites': '本次审核不访问任何场所，以远程方式实施。',

  'plan.service': '服务',
  'plan.serviceDescription': '说明',
  'plan.noServices': '未列出服务。',

  'plan.memberName': '姓名',
  'plan.memberRole': '审核组职责',
  'plan.memberRegistration': '注册号',
  'plan.memberShort': '日程中简称',
  'plan.accompanyingNote': '随行人员不实施审核：他们观察、翻译或引导，不影响审核。',

  'plan.scheduleIntro': '时间均为当地时间（{timeZone}）。审核期间，审核组可与受审核方代表商定调整各项活动的顺序。',
  'plan.day': '第 {number} 天 — {date}',
  'plan.col.time': '时间',
  'plan.col.activity': '审核活动、过程和条款',
  'plan.col.place': '地点',
  'plan.col.auditees': '受访人员',
  'plan.col.team': '审核组成员',
  'plan.processes': '过程：{list}',
  'plan.clauses': '条款：{list}',
  'plan.services': '服务：{list}',
  'plan.remote': '远程（{tool}）',
  'plan.remoteIdentity': '身份核实：{text}',
  'plan.remoteFallback': '备用方式：{text}',
  'plan.wholeTeam': '全体审核组成员',
  'plan.auditee': '{name}，{role}',
  'plan.dayTotals': '当日审核活动：现场 {onSite}，远程 {remote}。',
  'plan.noSessions': '尚未安排审核活动。',

  'plan.days.row': '人日',
  'plan.days.allocated': '认证机构确定的审核时间',
  'plan.days.planned': '本计划安排的审核时间',
  'plan.days.onSite': '现场审核',
  'plan.days.remote': '远程审核',
  'plan.days.total': '合计',
  'plan.days.notStated': '未说明',
  'plan.days.value': '{days} 人日',
  'plan.days.valueOne': '1 人日',
  'plan.days.justification': '确定依据：{text}',
  'plan.days.note': '人日只计审核组长和审核员；技术专家、实习审核员和随行人员不计入。',

  'plan.confidentialityDefault': '认证机构和审核组全体成员对审核中获得的全部信息保密，未经受审核方书面同意不予披露，法律另有规定的除外。',
  'plan.objection': '受审核方如对审核组任何成员或随行人员的委派有异议，可说明理由提出。请在审核前告知审核组长，以便认证机构重新考虑审核组的安排。',
  'plan.changes': '本计划的变更由审核组长与受审核方代表协商确定。',
  'plan.preparedBy': '编制（审核组长）',
  'plan.acknowledgedBy': '确认（受审核方代表）',

  'signIn.title': '签到表',
  'signIn.subtitle': '{meeting} — {client}',
  'signIn.client': '受审核方',
  'signIn.audit': '审核',
  'signIn.auditValue': '{auditType}，{standard}',
  'signIn.meeting': '会议',
  'signIn.date': '日期和时间',
  'signIn.dateValue': '{date} {start}–{end}（当地时间，{timeZone}）',
  'signIn.place': '地点',
  'signIn.remote': '远程，通过{tool}',
  'signIn.remoteNoTool': '远程',
  'signIn.intro': '请全体与会人员在下表签字。名单中没有您的姓名的，请在空行中填写姓名、职务和单位。',
  'signIn.col.number': '序号',
  'signIn.col.name': '姓名',
  'signIn.col.role': '职务/职责',
  'signIn.col.organization': '单位/部门',
  'signIn.col.signature': '签字',
  'signIn.col.time': '签到时间',
  'signIn.attendedRemotely': '远程参加',
  'signIn.note': '签字后的签到表随审核记录保存，作为出席会议的证据。远程参会人员由审核组长记录。',
};

export const FIXED_TEXTS: Readonly<Record<DocumentLanguage, Readonly<Record<FixedTextKey, string>>>> = { en: EN, 'zh-Hans': ZH_HANS };

export type TextParams = Readonly<Record<string, string | number>>;

/** The names of the values a text takes (`{name}`), in order: both languages must take the same. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/** Fills a text's `{name}` placeholders; a missing value is a programming error and throws. */
export function fillText(text: string, params: TextParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} in "${text}"`);
    return String(value);
  });
}

export type FixedText = (key: FixedTextKey, params?: TextParams) => string;

export function fixedText(language: DocumentLanguage): FixedText {
  const texts = FIXED_TEXTS[language];
  return (key, params) => fillText(texts[key], params);
}
