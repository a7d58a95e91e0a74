/**
 * The placeholders a certification body's NC-form template (profile template kind 'nc-form') may use:
 * the one list the template check, the fill (nc-form-template-data.ts builds exactly these names),
 * docs/template-placeholders.md and the app's own list follow. A test holds them equal.
 *
 * Two shapes of template, both checked and filled:
 * - every nonconformity in one document: `{#ncs}…{/ncs}` around the form (end the section with a page
 *   break inside it to start each form on a new page), its fields as plain names inside (`{number}`);
 * - one document per nonconformity: the form uses `{nc.number}`, `{nc.evidence}` … and no `{#ncs}`;
 *   the export then writes one file per nonconformity, named by its number.
 * Signatures are not images in a CB template (the filler loads no image plugin, by design): the
 * template prints the names and dates, and the signed form is our own layout's.
 */
import type { Placeholder } from './plan-placeholders.ts';

const text = (name: string, en: string, zh: string): Placeholder => ({ name, kind: 'text', about: { en, 'zh-Hans': zh } });
const flag = (name: string, en: string, zh: string): Placeholder => ({ name, kind: 'flag', about: { en, 'zh-Hans': zh } });
const list = (name: string, en: string, zh: string, fields: readonly Placeholder[]): Placeholder => ({ name, kind: 'list', about: { en, 'zh-Hans': zh }, fields });

/** A nonconformity's fields: inside `{#ncs}` as plain names, at the top level as `nc.<name>`. */
export const NC_FIELDS: readonly Placeholder[] = [
  text('number', 'The nonconformity’s number (MAJ-01)', '不符合编号（MAJ-01）'),
  text('grade', 'The grade in the template’s language (Major nonconformity; 严重不符合)', '不符合等级，按模板语言书写（严重不符合）'),
  text('gradeCode', 'The grade’s short code from the CB profile (MAJ)', 'CB 配置中的等级代码（MAJ）'),
  flag('isMajor', 'True for a major nonconformity (the most severe grade)', '严重不符合时为真'),
  text('clauses', 'The clauses of the standard, listed (8.5.1.3、9.1)', '标准条款，逐项列出'),
  text('procedure', 'The auditee’s own procedure breached; empty when none', '受审核方违反的文件；无则为空'),
  text('process', 'The process or area', '过程/部门'),
  text('requirement', 'The requirement', '要求'),
  text('evidence', 'The objective evidence', '客观证据'),
  text('notFulfilled', 'What is not fulfilled', '不符合之处'),
  text('raisedOn', 'The date it was raised', '开具日期'),
  text('raisedBy', 'The auditor who raised it', '开具的审核员'),
  text('auditeeRepresentative', 'The auditee’s representative', '受审核方代表'),
  text('responseDue', 'The auditee’s response due (correction, cause, corrective action plan); empty when the CB sets none', '受审核方回复期限；认证机构未规定则为空'),
  text('verificationDue', 'Verification due; empty when none applies', '验证期限；不适用则为空'),
  text('verificationRule', 'Which rule set the verification date (the CB’s limit, 6 months after stage 2, before expiry)', '验证期限的依据（认证机构期限、第二阶段后 6 个月、证书到期前）'),
  flag('isSigned', 'True when the auditee signed the acknowledgement', '受审核方已签字确认时为真'),
  flag('isDeclined', 'True when the auditee declined to sign', '受审核方拒绝签字时为真'),
  text('acknowledgedBy', 'Who signed or declined', '签字或拒绝签字的人'),
  text('acknowledgedRole', 'Their position', '其职务'),
  text('acknowledgedOn', 'The date of the acknowledgement', '确认日期'),
  text('declinedReason', 'The reason given for declining to sign', '拒绝签字的理由'),
  text('correction', 'The correction, when the client’s response is recorded', '纠正（已记录受审核方回复时）'),
  text('rootCause', 'The root cause analysis', '原因分析'),
  text('correctiveAction', 'The corrective action', '纠正措施'),
  text('correctionDue', 'The correction’s planned date', '纠正计划完成日期'),
  text('actionDue', 'The corrective action’s planned date', '纠正措施计划完成日期'),
  text('owner', 'The person responsible', '责任人'),
  text('verificationMethod', 'How it was verified, once verified', '验证方式（已验证时）'),
  text('verificationEvidence', 'The evidence of verification', '验证证据'),
  text('effectiveness', 'Effective or not effective, once verified', '有效或无效（已验证时）'),
  text('verifiedBy', 'Who verified it', '验证人'),
  text('verifiedOn', 'The date of verification', '验证日期'),
];

export const NC_FORM_PLACEHOLDERS: readonly Placeholder[] = [
  text('document.reference', 'The audit reference printed on the forms', '表单上的审核编号'),
  text('document.revision', 'The revision of this issue of the forms', '本次发布的版本号'),
  text('document.issuedOn', 'The date of issue, in the template’s language', '发布日期，按模板语言书写'),
  text('document.issuedBy', 'Who issued it', '发布人'),
  text('cb.name', 'The certification body', '认证机构名称'),
  text('client.name', 'The auditee', '受审核方名称'),
  text('client.address', 'The auditee’s address', '受审核方地址'),
  text('audit.type', 'The audit type in the template’s language', '审核类型，按模板语言书写'),
  text('audit.typeCode', 'The audit type as a stable code (stage2, surveillance1 …)', '审核类型的固定代码（stage2、surveillance1 …）'),
  text('audit.standard', 'The standard and its edition', '审核标准及版本'),
  text('audit.dates', 'The audit’s dates, first to last', '审核日期，起止'),
  text('audit.startDate', 'The first day of the audit', '审核第一天'),
  text('audit.endDate', 'The last day of the audit', '审核最后一天'),
  text('lead.name', 'The audit team leader', '审核组长'),
  text('ncCount', 'How many nonconformities', '不符合数量'),
  list('ncs', 'Every nonconformity, in number order: put the whole form inside (one document)', '全部不符合，按编号排序：整张表单置于其中（一个文件）', NC_FIELDS),
  // One document per nonconformity: the same fields at the top level.
  ...NC_FIELDS.map((field): Placeholder => ({ ...field, name: `nc.${field.name}`, about: { en: `One document per nonconformity: ${field.about.en}`, 'zh-Hans': `每个不符合一个文件：${field.about['zh-Hans']}` } })),
];
