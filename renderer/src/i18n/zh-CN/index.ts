import type { Translation, Strings } from '../en/index.ts';
import { ZH_APP } from './app.ts';
import { ZH_CHECKLISTS } from './checklists.ts';
import { ZH_ENGAGEMENT } from './engagement.ts';
import { ZH_ERRORS, ZH_ERROR_DETAILS } from './errors.ts';
import { ZH_HOME } from './home.ts';
import { ZH_OTHER_PARTIES } from './other-parties.ts';
import { ZH_CONCLUSIONS } from './conclusions.ts';
import { ZH_FIELDWORK } from './fieldwork.ts';
import { ZH_NOTEBOOK } from './notebook.ts';
import { ZH_EVIDENCE_FILES } from './evidence-files.ts';
import { ZH_RECORDS } from './records.ts';
import { ZH_PLAN } from './plan.ts';
import { ZH_PROFILES } from './profiles.ts';
import { ZH_AUDIT_TIME } from './audit-time.ts';
import { ZH_SAMPLE } from './sample.ts';
import { ZH_SAMPLING } from './sampling.ts';
import { ZH_SETTINGS } from './settings.ts';
import { ZH_SITES } from './sites.ts';
import { ZH_TEAM } from './team.ts';
import { ZH_TEMPLATES } from './templates.ts';
import { ZH_FINDINGS } from './findings.ts';
import { ZH_SAMPLE_TESTING } from './sample-testing.ts';
import { ZH_CLOSING } from './closing.ts';
import { ZH_FOLLOW_UP } from './follow-up.ts';
import { ZH_NC_DOCUMENTS } from './nc-documents.ts';
import { ZH_REPORT } from './report.ts';
import { ZH_SIGNING } from './signing.ts';

/**
 * 简体中文 (zh-CN), complete: the key-parity test fails on any key English has and Chinese lacks.
 * Only real translations live here — never copies of English. Terms follow docs/terminology.json,
 * one term per concept: the client is the 受审核方, a CB profile a 认证机构配置, a fingerprint a 指纹,
 * the notebook's entries 笔记, checklist notes 审核记录, test attributes 检查要点 (pass 通过 / fail 未通过).
 */
export const zhCN: Translation<Strings> = {
  ...ZH_APP,
  ...ZH_SETTINGS,
  ...ZH_HOME,
  ...ZH_ENGAGEMENT,
  undo: { button: '撤销' },
  ...ZH_SITES,
  ...ZH_TEAM,
  ...ZH_OTHER_PARTIES,
  ...ZH_PROFILES,
  ...ZH_PLAN,
  ...ZH_FIELDWORK,
  ...ZH_NOTEBOOK,
  ...ZH_EVIDENCE_FILES,
  ...ZH_RECORDS,
  ...ZH_CONCLUSIONS,
  ...ZH_TEMPLATES,
  ...ZH_FINDINGS,
  ...ZH_SAMPLE_TESTING,
  ...ZH_CLOSING,
  ...ZH_FOLLOW_UP,
  ...ZH_NC_DOCUMENTS,
  ...ZH_REPORT,
  ...ZH_SIGNING,
  ...ZH_SAMPLE,
  ...ZH_SAMPLING,
  ...ZH_AUDIT_TIME,
  checklists: ZH_CHECKLISTS,
  errorDetails: ZH_ERROR_DETAILS,
  errors: ZH_ERRORS,
};
