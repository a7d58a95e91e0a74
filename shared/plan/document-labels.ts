import type { DocumentLanguage } from '../documents/plan-input.ts';
import type { AuditType, SiteKind, SiteSampleBasis, TeamRole } from '../engagement.ts';
import type { PlanSessionKind } from './plan-kinds.ts';

/**
 * The engagement's coded values as a document names them, in the document's language (not the
 * interface's: a Chinese auditor may send an English plan). Terms follow docs/terminology.json.
 */
interface Labels {
  readonly auditType: Readonly<Record<AuditType, string>>;
  readonly role: Readonly<Record<TeamRole, string>>;
  readonly siteKind: Readonly<Record<SiteKind, string>>;
  readonly visit: Readonly<Record<Exclude<SiteSampleBasis, 'none'>, string>>;
  /** What a session without a title is called in the schedule. */
  readonly session: Readonly<Record<PlanSessionKind, string>>;
  readonly combined: string;
  readonly joint: string;
  readonly integrated: string;
}

const EN: Labels = {
  auditType: {
    stage1: 'Stage 1 audit',
    stage2: 'Stage 2 audit (initial certification)',
    surveillance1: 'Surveillance audit 1',
    surveillance2: 'Surveillance audit 2',
    recertification: 'Recertification audit',
    special: 'Special audit',
    scope_extension: 'Special audit: extension of scope',
    short_notice: 'Special audit at short notice',
    transfer: 'Audit after a transfer of certification',
  },
  role: { lead: 'Audit team leader', auditor: 'Auditor', technical_expert: 'Technical expert', observer: 'Observer', trainee: 'Auditor in training', interpreter: 'Interpreter', guide: 'Guide' },
  siteKind: { central: 'Central function', permanent: 'Permanent site', temporary: 'Temporary site', virtual: 'Virtual site' },
  visit: { central: 'Central function: always audited', random: 'Drawn at random (IAF MD 1)', chosen: 'Chosen: {reason}' },
  session: { audit: 'Audit session', opening: 'Opening meeting', closing: 'Closing meeting', break: 'Break', other: 'Other activity' },
  combined: 'Combined audit with {standards}',
  joint: 'Joint audit with {standards}',
  integrated: 'Integrated audit with {standards}',
};

const ZH_HANS: Labels = {
  auditType: {
    stage1: '第一阶段审核',
    stage2: '第二阶段审核（初次认证）',
    surveillance1: '第一次监督审核',
    surveillance2: '第二次监督审核',
    recertification: '再认证审核',
    special: '特殊审核',
    scope_extension: '特殊审核：扩大认证范围',
    short_notice: '提前较短时间通知的特殊审核',
    transfer: '认证转换后的审核',
  },
  role: { lead: '审核组长', auditor: '审核员', technical_expert: '技术专家', observer: '观察员', trainee: '实习审核员', interpreter: '翻译', guide: '向导' },
  siteKind: { central: '中心职能', permanent: '固定场所', temporary: '临时场所', virtual: '虚拟场所' },
  visit: { central: '中心职能：每次审核', random: '随机抽取（IAF MD 1）', chosen: '选定：{reason}' },
  session: { audit: '审核活动', opening: '首次会议', closing: '末次会议', break: '休息', other: '其他活动' },
  combined: '与 {standards} 结合审核',
  joint: '与 {standards} 联合审核',
  integrated: '与 {standards} 一体化审核',
};

export const DOCUMENT_LABELS: Readonly<Record<DocumentLanguage, Labels>> = { en: EN, 'zh-Hans': ZH_HANS };
