import type { Translation } from '../en/index.ts';
import type { EN_CONCLUSIONS } from '../en/conclusions.ts';

/** 简体中文：各过程的审核结论、范围验证、监督审核必查项、第一阶段（issue 15）。 */
export const ZH_CONCLUSIONS: Translation<typeof EN_CONCLUSIONS> = {
  conclusions: {
    title: '审核结论',
  },
};
