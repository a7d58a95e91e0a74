// The draft narrative as the screen words it, in English and in Chinese: times in the engagement's
// time zone, lists joined as each language joins them, Chinese sentences without spaces between them.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftNarrative, type NarrativeInput } from '../../../../shared/fieldwork/narrative.ts';
import { en } from '../../i18n/en/index.ts';
import { zhCN } from '../../i18n/zh-CN/index.ts';
import { narrativePhrases } from './narrative-phrases.ts';

const INPUT: NarrativeInput = {
  entries: [
    { id: 'b', writtenAt: '2026-07-08T03:40:00.000Z', author: '张伟', body: '抽查了 #CHG-10422 和 #CHG-10431' },
    { id: 'a', writtenAt: '2026-07-08T02:20:00.000Z', author: '王海伦', body: '与@李娜，变更经理；走查变更过程，依据[[变更管理程序 V3.2]]' },
  ],
  answers: [
    { questionId: 'q1', clauseNumber: '8.5.1.1', author: '王海伦', result: 'conforming', notes: '程序已批准' },
    { questionId: 'q2', clauseNumber: '8.5.1.1', author: '王海伦', result: 'nonconformity', notes: '紧急变更 CHG-10431 无实施后评审' },
    { questionId: 'q2', clauseNumber: '8.5.1.1', author: '张伟', result: 'observation', notes: '' },
  ],
  questionCount: 9,
};

beforeAll(async () => {
  await i18next.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
});
afterAll(async () => {
  await i18next.changeLanguage('en');
});

describe('narrativePhrases', () => {
  it('writes the Chinese draft as a Chinese auditor writes it', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(draftNarrative(INPUT, narrativePhrases(i18next.t, 'Asia/Shanghai'))).toBe(
      [
        '访谈人员：李娜（变更经理）。',
        '2026年7月8日 10:20，王海伦记录：与李娜（变更经理）；走查变更过程，依据《变更管理程序 V3.2》。\n2026年7月8日 11:40，张伟记录：抽查了 CHG-10422 和 CHG-10431。',
        '查阅文件：《变更管理程序 V3.2》。在受审核方屏幕上查看的记录：CHG-10422和CHG-10431。',
        '8.5.1.1（符合，王海伦）：程序已批准。\n8.5.1.1（发现不符合，王海伦）：紧急变更 CHG-10431 无实施后评审。',
        '审核组已回答 2 / 9 个问题：符合 1 项、发现不符合 1 项和观察项 1 项。有 1 条回答发现不符合，需据此提出审核发现。',
      ].join('\n\n'),
    );
  });

  it('writes English times in the engagement’s zone, results in lower case', async () => {
    await i18next.changeLanguage('en');
    const draft = draftNarrative(INPUT, narrativePhrases(i18next.t, 'Europe/London'));
    expect(draft).toContain('On 8 Jul 2026 at 03:20, 王海伦 noted: ');
    expect(draft).toContain('8.5.1.1 (nonconformity found, 王海伦): ');
    expect(draft).toContain('2 of 9 questions answered by the team: 1 conforming, 1 nonconformity found and 1 observation. An answer found a nonconformity: a finding is to be raised.');
  });
});
