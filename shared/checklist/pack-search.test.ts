import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACK_FORMAT, PACK_FORMAT_VERSION, textIn, type ChecklistClause, type ChecklistPack } from './pack.ts';
import { PackIndex } from './pack-index.ts';
import { clauseNumberIn, packSearch } from './pack-search.ts';

function packOf(clauses: ChecklistClause[]): ChecklistPack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: 'test.bilingual',
    version: '1.0.0',
    title: { en: 'Bilingual test pack', 'zh-Hans': '双语测试检查表' },
    standard: { designation: 'ISO/IEC 20000-1', edition: '2018', criteria: 'ISO/IEC 20000-1:2018' },
    languages: ['en', 'zh-Hans'],
    defaultLanguage: 'en',
    processes: [],
    clauses,
  };
}

const pack = packOf([
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
]);

const ids = (hits: readonly { id: string }[]): string[] => hits.map((hit) => hit.id).sort();

describe('pack texts in the interface language', () => {
  it('finds zh-Hans texts for the zh-CN interface, and falls back to the pack default', () => {
    expect(textIn(pack.title, 'zh-CN', 'en')).toBe('双语测试检查表');
    expect(textIn(pack.title, 'en', 'en')).toBe('Bilingual test pack');
    expect(textIn({ en: 'Only English' }, 'zh-CN', 'en')).toBe('Only English');
    expect(textIn({ zh: '只有中文' }, 'zh-CN', 'en')).toBe('只有中文');
  });
});

describe('searching a pack', () => {
  it('finds English words by prefix and slightly misspelt, all words required', () => {
    const search = packSearch(new PackIndex(pack), 'en');
    expect(ids(search('emergency'))).toEqual(['q1']);
    expect(ids(search('emergncy'))).toEqual(['q1']);
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

/**
 * Chinese as auditors search it. Node 22's ICU segments 供方管理 as 供|方|管理, 评审委员会 as
 * 评审委员|会 and 配置项 as 配置|项: none of 供方, 委员会, 配置项 is a word of those texts to it.
 */
const zhPack = packOf([
  { id: '8.2', number: '8.2', parent: null, title: { en: 'Service portfolio', 'zh-Hans': '服务组合' } },
  {
    id: '8.2.3',
    number: '8.2.3',
    parent: '8.2',
    title: { en: 'Supplier management', 'zh-Hans': '供方管理' },
    questions: [
      { id: 'supplier', text: { en: 'Does supplier management cover every external supplier?', 'zh-Hans': '供方管理是否覆盖所有外部供方？' } },
    ],
    sampling: [
      {
        id: 'contracts',
        record: { en: 'Supplier contracts', 'zh-Hans': '供方合同' },
        attributes: [{ id: 'signed', text: { en: 'Signed before the service starts', 'zh-Hans': '服务开始前已签署' } }],
      },
    ],
  },
  {
    id: '8.2.3.1',
    number: '8.2.3.1',
    parent: '8.2.3',
    title: { en: 'Contracts with external suppliers', 'zh-Hans': '与外部供方的合同' },
    questions: [{ id: 'contract', text: { en: 'Do contracts state service levels?', 'zh-Hans': '合同是否规定了服务级别？' } }],
  },
  {
    id: '8.2.30',
    number: '8.2.30',
    parent: '8.2',
    title: { en: 'A clause numbered like 8.2.3 but not below it', 'zh-Hans': '编号相近的条款' },
    questions: [{ id: 'near', text: { en: 'Is the number compared whole?', 'zh-Hans': '编号是否整体比较？' } }],
  },
  {
    id: '8.5.1',
    number: '8.5.1',
    parent: null,
    title: { en: 'Change management', 'zh-Hans': '变更管理' },
    questions: [
      { id: 'process', text: { en: 'Is a change management process established and maintained?', 'zh-Hans': '是否建立并保持变更管理流程？' } },
      { id: 'cab', text: { en: 'Does the change advisory board include customer representatives?', 'zh-Hans': '变更评审委员会是否包括客户代表？' } },
      {
        id: 'approved',
        text: { en: 'Are changes approved before they are deployed?', 'zh-Hans': '变更已经批准。管理评审每年进行。' },
        guidance: { en: 'Approval is recorded in the tool.', 'zh-Hans': '批准记录在工具中。' },
      },
    ],
  },
  {
    id: '8.6.1',
    number: '8.6.1',
    parent: null,
    title: { en: 'Incident management', 'zh-Hans': '事件管理' },
    questions: [
      { id: 'major', text: { en: 'Are major incidents handled by a documented procedure?', 'zh-Hans': '重大事件是否按规定的程序处理？' } },
      {
        id: 'capacity',
        text: { en: 'Is the capacity plan updated every year?', 'zh-Hans': '服务容量计划是否每年更新？' },
        guidance: { en: 'Shortfalls raise an incident.', 'zh-Hans': '容量不足时记录事件。' },
      },
    ],
  },
  {
    id: '8.7.1',
    number: '8.7.1',
    parent: null,
    title: { en: 'Configuration management', 'zh-Hans': '配置管理' },
    questions: [
      { id: 'cmdb', text: { en: 'Are the configuration items in the CMDB accurate?', 'zh-Hans': 'CMDB中的配置项是否准确？' } },
      { id: 'items', text: { en: 'Is each configuration item owned?', 'zh-Hans': '每个配置项是否有责任人？' } },
      { id: 'backup', text: { en: 'Is the CMDB backed up?', 'zh-Hans': 'CMDB是否定期备份？' } },
    ],
  },
]);

describe('searching a pack in Chinese', () => {
  const zh = packSearch(new PackIndex(zhPack), 'zh-CN');
  const en = packSearch(new PackIndex(zhPack), 'en');

  it('finds a two-character word inside a longer compound', () => {
    expect(ids(zh('变更'))).toEqual(['approved', 'cab', 'process']); // 变更管理流程, 变更评审委员会, 变更已经批准
    expect(ids(zh('事件'))).toEqual(['capacity', 'major']); // 重大事件; 记录事件 in guidance
    expect(ids(zh('容量'))).toEqual(['capacity']);
    expect(ids(zh('流程'))).toEqual(['process']);
  });

  it('finds words the segmenter cuts differently', () => {
    expect(ids(zh('供方'))).toEqual(['contract', 'contracts', 'supplier']); // 供|方 to the segmenter
    expect(ids(zh('委员会'))).toEqual(['cab']); // 评审委员|会
    expect(ids(zh('配置项'))).toEqual(['cmdb', 'items']); // 配置|项
  });

  it('finds what a query begins, as typed so far', () => {
    expect(ids(zh('重大事'))).toEqual(['major']);
    expect(ids(zh('变更评审委'))).toEqual(['cab']);
    expect(ids(zh('变更管'))).toEqual(['approved', 'cab', 'process']); // the clause title 变更管理 is searched too
  });

  it('finds a single character wherever it stands, the last of a run too', () => {
    expect(ids(zh('程'))).toEqual(['major', 'process']); // 程序; 流程 ends its run
    expect(ids(zh('审'))).toEqual(['approved', 'cab']);
    expect(ids(zh('审 批'))).toEqual(['approved']);
  });

  it('pairs no characters across punctuation, and reads longer runs whole', () => {
    expect(zh('准管')).toEqual([]); // 批准。管理
    expect(zh('批准管理')).toEqual([]);
    expect(ids(zh('批准'))).toEqual(['approved']);
    // Every pair of 变更管理评审 is in 'approved' (变更 管理 评审, and 更管 理评 nowhere), but not the run.
    expect(zh('变更管理评审')).toEqual([]);
  });

  it('matches Chinese exactly: one character off is another word', () => {
    expect(zh('变化管理')).toEqual([]);
    expect(zh('供应')).toEqual([]);
  });

  it('requires Latin words and Chinese alike, with or without a space, full-width or not', () => {
    expect(ids(zh('CMDB'))).toEqual(['backup', 'cmdb']);
    expect(ids(zh('CMDB 配置项'))).toEqual(['cmdb']);
    expect(ids(zh('cmdb配置项'))).toEqual(['cmdb']);
    expect(ids(zh('ＣＭＤＢ　配置项'))).toEqual(['cmdb']);
    expect(ids(zh('CMD 配置项'))).toEqual(['cmdb']); // a Latin prefix, as in English
    expect(ids(zh('CMDB 配置'))).toEqual(['backup', 'cmdb']); // 配置管理, the clause title
    expect(zh('CMDB 容量')).toEqual([]);
  });

  it('ranks a question whose own text holds the word above one whose guidance does', () => {
    expect(zh('事件').map((hit) => hit.id)).toEqual(['major', 'capacity']);
  });

  it('leaves English as it was in a pack that also has Chinese', () => {
    expect(ids(en('supplier'))).toEqual(['contract', 'contracts', 'supplier']);
    expect(ids(en('configuration item'))).toEqual(['cmdb', 'items']);
    expect(en('供方')).toEqual([]);
  });

  const clause823 = ['contract', 'contracts', 'supplier'];
  const forms = ['8.2.3', '8.2.3.', '第8.2.3条', '第 8.2.3 条', '条款 8.2.3', '条款8.2.3', 'clause 8.2.3', 'Clause 8.2.3', '§8.2.3', '§ 8.2.3', '８．２．３'];

  it.each(forms)('lists clause 8.2.3 and everything below it for "%s", in either interface language', (form) => {
    expect(ids(zh(form))).toEqual(clause823);
    expect(ids(en(form))).toEqual(clause823);
  });

  it('reads clause numbers in either language and finds nothing for a clause the pack lacks', () => {
    for (const form of forms) expect(clauseNumberIn(form)).toBe('8.2.3');
    expect(clauseNumberIn('8.2.3 变更')).toBeNull();
    expect(clauseNumberIn('2018')).toBe('2018');
    expect(zh('9.9.9')).toEqual([]);
    expect(zh('第9.9条')).toEqual([]);
    expect(ids(zh('8.2'))).toEqual(['contract', 'contracts', 'near', 'supplier']);
  });
});

describe('any piece of a Chinese text finds it (property)', () => {
  // A small alphabet, so pieces recur across texts and across punctuation.
  const han = fc.constantFrom(...'变更管理流程供方事件容量评审');
  const other = fc.constantFrom('。', '，', '？', ' ', 'IT', '2');
  const text = fc.array(fc.oneof({ arbitrary: han, weight: 5 }, { arbitrary: other, weight: 1 }), { minLength: 2, maxLength: 40 }).map((parts) => parts.join(''));
  const packOfTexts = (texts: readonly string[]): ChecklistPack =>
    packOf([{ id: '1', number: '1', parent: null, title: { en: 'All', 'zh-Hans': '全部' }, questions: texts.map((zh, i) => ({ id: `q${i}`, text: { en: `Question ${i}`, 'zh-Hans': zh } })) }]);
  const runsOf = (s: string): string[] => s.match(/[\u4e00-\u9fff]+/g) ?? [];

  it('finds a question by every two-character piece of its text, and every hit holds the piece', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (texts, pick, at) => {
        const which = pick % texts.length;
        const pairs = runsOf(texts[which]!).flatMap((run) => [...run].slice(1).map((c, i) => run[i]! + c));
        fc.pre(pairs.length > 0);
        const piece = pairs[at % pairs.length]!;
        const hits = packSearch(new PackIndex(packOfTexts(texts)), 'zh-CN')(piece);
        expect(hits.map((hit) => hit.id)).toContain(`q${which}`);
        for (const hit of hits) expect(texts[Number(hit.id.slice(1))]).toContain(piece);
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly the questions holding any piece of one to five characters', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 }), (texts, pick, at, length) => {
        const runs = runsOf(texts[pick % texts.length]!).filter((run) => run.length >= length);
        fc.pre(runs.length > 0);
        const run = runs[at % runs.length]!;
        const piece = run.slice(at % (run.length - length + 1), (at % (run.length - length + 1)) + length);
        const hits = packSearch(new PackIndex(packOfTexts(texts)), 'zh-CN')(piece);
        const expected = texts.flatMap((t, i) => (t.includes(piece) ? [`q${i}`] : [])).sort();
        expect(ids(hits)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
