import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { PROFILE_ISSUE_CODES } from '../../../shared/cb-profile/profile-issues.ts';
import { PROFILE_LIBRARY_ISSUE_CODES } from '../../../shared/contract/profile-views.ts';
import { TEMPLATE_ISSUE_CODES } from '../../../shared/templates/template-issues.ts';
import { en } from './en/index.ts';
import { zhCN } from './zh-CN/index.ts';

// Every code the template check and the profile import return has its words, and a refused template
// inside a profile is worded with the template check's own sentence (i18next nesting).
describe('the words for template and profile issues', () => {
  it('cover every template issue code and every profile issue code', () => {
    expect(TEMPLATE_ISSUE_CODES.filter((code) => !(code in en.templates.issues))).toEqual([]);
    expect([...PROFILE_ISSUE_CODES, ...PROFILE_LIBRARY_ISSUE_CODES].filter((code) => code !== 'CHECK_FAILED' && !(code in en.profiles.issues))).toEqual([]);
  });

  it.each([
    ['en', en, 'The Word template “plan.docx” cannot be used: The document contains macros (word/vbaProject.bin). Save it in Word as “Word Document (*.docx)”, which leaves them out.'],
    ['zh-CN', zhCN, 'Word 模板“plan.docx”无法使用：该文档含有宏（word/vbaProject.bin）。请在 Word 中另存为“Word 文档 (*.docx)”，宏将被去除。'],
  ] as const)('a template refused inside a profile says why (%s)', async (lng, texts, expected) => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng, resources: { [lng]: { translation: texts } }, interpolation: { escapeValue: false } });
    const text = i18n.t('profiles.issues.TEMPLATE_UNUSABLE', { reason: 'MACRO_ENABLED', part: 'word/vbaProject.bin', fileName: 'plan.docx' });
    expect(text).toBe(expected);
    expect(i18n.t('templates.issues.NOT_DOCX', { found: 'pdf' })).not.toContain('$t(');
  });
});
