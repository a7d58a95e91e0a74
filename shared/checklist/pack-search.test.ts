import { describe, expect, it } from 'vitest';
import { PACK_FORMAT, PACK_FORMAT_VERSION, textIn, type ChecklistPack } from './pack.ts';
import { PackIndex } from './pack-index.ts';
import { packSearch } from './pack-search.ts';

const pack: ChecklistPack = {
  format: PACK_FORMAT,
  formatVersion: PACK_FORMAT_VERSION,
  id: 'test.bilingual',
  version: '1.0.0',
  title: { en: 'Bilingual test pack', 'zh-Hans': '双语测试检查表' },
  standard: { designation: 'ISO/IEC 20000-1', edition: '2018', criteria: 'ISO/IEC 20000-1:2018' },
  languages: ['en', 'zh-Hans'],
  defaultLanguage: 'en',
  processes: [],
  clauses: [
    {
      id: '8.5.1',
      number: '8.5.1',
      parent: null,
      title: { en: 'Change management', 'zh-Hans': '变更管理' },
      questions: [
        { id: 'q1', text: { en: 'Are emergency changes reviewed after implementation?', 'zh-Hans': '紧急变更实施后是否经过评审？' } },
        { id: 'q2', text: { en: 'Is the change schedule communicated to interested parties?', 'zh-Hans': '变更计划是否传达给相关方？' } },
      ],
    },
    {
      id: '8.6.1',
      number: '8.6.1',
      parent: null,
      title: { en: 'Incident management', 'zh-Hans': '事件管理' },
      questions: [{ id: 'q3', text: { en: 'Are incidents prioritized by impact and urgency?', 'zh-Hans': '事件是否按影响和紧急程度确定优先级？' } }],
    },
  ],
};

describe('pack texts in the interface language', () => {
  it('finds zh-Hans texts for the zh-CN interface, and falls back to the pack default', () => {
    expect(textIn(pack.title, 'zh-CN', 'en')).toBe('双语测试检查表');
    expect(textIn(pack.title, 'en', 'en')).toBe('Bilingual test pack');
    expect(textIn({ en: 'Only English' }, 'zh-CN', 'en')).toBe('Only English');
    expect(textIn({ zh: '只有中文' }, 'zh-CN', 'en')).toBe('只有中文');
  });
});

describe('searching a pack', () => {
  const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id).sort();

  it('finds English words by prefix, all words required', () => {
    const search = packSearch(new PackIndex(pack), 'en');
    expect(ids(search('emergency'))).toEqual(['q1']);
    expect(ids(search('chang sched'))).toEqual(['q2']);
    expect(ids(search('8.6.1'))).toEqual(['q3']);
  });

  it('finds Chinese words inside sentences without spaces', () => {
    const search = packSearch(new PackIndex(pack), 'zh-CN');
    expect(ids(search('紧急'))).toEqual(['q1', 'q3']); // 紧急变更, 紧急程度
    expect(ids(search('相关方'))).toEqual(['q2']);
    expect(ids(search('变更'))).toEqual(['q1', 'q2']);
    expect(ids(search('变更 评审'))).toEqual(['q1']);
    expect(ids(search('优先级'))).toEqual(['q3']);
  });
});
