import type { Translation } from '../en/index.ts';
import type { EN_NC_DOCUMENTS } from '../en/nc-documents.ts';

/** 简体中文（issue 17）。 */
export const ZH_NC_DOCUMENTS: Translation<typeof EN_NC_DOCUMENTS> = {
  ncDocuments: {
    title: '不符合报告和末次会议记录',
  },
};
