import type { Translation } from '../en/index.ts';
import type { EN_REPORT } from '../en/report.ts';

/** 简体中文：审核报告、完整性检查和技术评审资料包（issue 18）。 */
export const ZH_REPORT: Translation<typeof EN_REPORT> = {
  report: {
    title: '审核报告',
  },
};
