import type { Translation } from '../en/index.ts';
import type { EN_EVIDENCE_FILES } from '../en/evidence-files.ts';

/** 简体中文：附加到证据的文件和照片（issue 16）。 */
export const ZH_EVIDENCE_FILES: Translation<typeof EN_EVIDENCE_FILES> = {
  evidenceFiles: {
    title: '文件',
  },
};
