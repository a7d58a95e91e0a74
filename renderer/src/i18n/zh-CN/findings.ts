import type { Translation } from '../en/index.ts';
import type { EN_FINDINGS } from '../en/findings.ts';

/** 简体中文（issue 17）。 */
export const ZH_FINDINGS: Translation<typeof EN_FINDINGS> = {
  findings: {
    title: '审核发现',
  },
  findingsTabs: { findings: '审核发现', closing: '末次会议', 'follow-up': '跟踪验证' },
};
