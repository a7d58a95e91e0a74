// Every item the completeness check can list is worded in both languages from its code and params,
// with the params the gate writes (shared/report/completeness.ts), and grouped as the lead reads it.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_GATE_CODES, type ReportGateCode, type ReportGateItemView } from '../../../../shared/contract/report-views.ts';
import { en } from '../../i18n/en/index.ts';
import { zhCN } from '../../i18n/zh-CN/index.ts';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { AuditType } from '../../../../shared/engagement.ts';
import { gateItemText, gateLineText, groupItems, groupOf, type GateWording } from './gate-words.ts';

/** The two units of a pack the words name: a process and a clause group. */
const PACK = {
  defaultLanguage: 'en',
  processes: [{ key: 'change', clause: 'c-8.5.1' }],
  clauses: [
    { id: 'c-8.5.1', number: '8.5.1', title: { en: 'Change management', 'zh-Hans': '变更管理' } },
    { id: 'c-4', number: '4', title: { en: 'Context of the organization', 'zh-Hans': '组织环境' } },
  ],
} as unknown as ChecklistPack;
const wording = (auditType: AuditType, language = 'en'): GateWording => ({ auditType, pack: PACK, language });

/** The params the gate gives each code (one example each, the app's own codes where it uses them). */
const PARAMS: Record<ReportGateCode, Record<string, string | number>> = {
  'cb-identity': {},
  'client-details': { field: 'address' },
  'credit-code': { problem: 'check' },
  'licence-check': {},
  criteria: {},
  objectives: {},
  scope: { field: 'other-language' },
  'service-category': { service: 'Managed hosting' },
  'deviation-reason': { session: 'Change management' },
  statement: { item: 'marks_control', gap: 'text_needed' },
  lead: {},
  'registration-number': { member: 'Rajesh Iyer' },
  dates: {},
  'actual-times': { session: 'Incident management' },
  conclusion: { topic: 'change' },
  'finding-statement': { finding: 'MIN-02', part: 'not_fulfilled' },
  'findings-unnumbered': { count: 3 },
  'earlier-nc': { number: 'NC-2025-04' },
  recommendation: {},
  readiness: { area: 'operating_period' },
  'document-review': {},
  'nc-unacknowledged': { finding: 'MAJ-01' },
  'merge-conflicts': { count: 2 },
  'surveillance-item': { item: 'use_of_marks' },
  'unresolved-opinion': { finding: 'MIN-01' },
};

const view = (code: ReportGateCode, params = PARAMS[code], item: number | null = 2, blocking = true): ReportGateItemView => ({ code, item, blocking, params, fix: { section: 'setup', tab: null } });

let english: TFunction;
let chinese: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  english = i18n.getFixedT('en');
  chinese = i18n.getFixedT('zh-CN');
});

describe('the words of the completeness check', () => {
  it('words every code in English and Chinese, with its params and never a key or a placeholder', () => {
    for (const code of REPORT_GATE_CODES) {
      for (const [language, t] of [['en', english], ['zh-CN', chinese]] as const) {
        const words = gateItemText(t, view(code), wording('surveillance1', language));
        expect(words, `${code} in ${language}`).not.toMatch(/report\.gate|\{\{|undefined/);
        for (const value of Object.values(PARAMS[code])) {
          // The app's own codes are named, never printed; the engagement's text and counts are printed as they are.
          if (typeof value === 'number' || /[A-Z ]/.test(value)) expect(words, `${code} in ${language}`).toContain(String(value));
        }
      }
    }
  });

  it('names the app’s own codes as the screens that fix them name them', () => {
    expect(gateItemText(english, view('conclusion'), wording('stage2'))).toBe('No conclusion is written for 8.5.1 Change management.');
    expect(gateItemText(chinese, view('conclusion', { topic: '4' }), wording('stage2', 'zh-CN'))).toBe('4 组织环境 尚未写审核结论。');
    expect(gateItemText(english, view('actual-times', { session: '' }), wording('stage2'))).toContain('Session “Untitled session”');
    expect(gateItemText(english, view('readiness'), wording('stage1'))).toBe('Readiness for stage 2 is not assessed for Operating period.');
    expect(gateItemText(english, view('finding-statement'), wording('stage2'))).toBe('Finding MIN-02: “What is not fulfilled” is empty.');
    expect(gateItemText(english, view('credit-code'), wording('stage2'))).toBe('The client’s unified social credit code is not valid: check it against the business licence.');
    expect(gateItemText(english, view('credit-code', { problem: 'missing' }), wording('stage2'))).toBe('The client’s unified social credit code is missing.');
    expect(gateItemText(chinese, view('surveillance-item'), wording('surveillance1', 'zh-CN'))).toBe('监督审核必查项“认证证书和标志的使用”尚未覆盖。');
    expect(gateItemText(chinese, view('statement'), wording('surveillance1', 'zh-CN'))).toBe('审核结论“认证证书和认证标志的使用控制”：该结论须附文字说明。');
    // At stage 2 "significant changes" are those since stage 1; at a surveillance, since the last audit.
    expect(gateItemText(english, view('statement', { item: 'significant_changes', gap: 'no_verdict' }), wording('stage2'))).toContain('since stage 1');
    expect(gateItemText(english, view('statement', { item: 'significant_changes', gap: 'no_verdict' }), wording('surveillance1'))).toContain('since the last audit');
  });

  it('counts in the plural forms of each language', () => {
    expect(gateItemText(english, view('findings-unnumbered', { count: 1 }), wording('stage2'))).toBe('1 finding still has a provisional number.');
    expect(gateItemText(english, view('merge-conflicts', { count: 2 }), wording('stage2'))).toBe('2 conflicts between team members’ copies are still open.');
    expect(gateItemText(chinese, view('merge-conflicts', { count: 1 }), wording('stage2', 'zh-CN'))).toBe('审核组成员副本之间还有 1 处冲突待决定。');
  });
});

describe('the groups and lines of the completeness check', () => {
  it('puts 9.4.8 contents by number, stage 1 conclusions, open decisions, then the warnings', () => {
    const items = [
      view('merge-conflicts', undefined, null),
      view('recommendation', {}, 16),
      view('unresolved-opinion', undefined, null, false),
      view('readiness', undefined, null),
      view('client-details', undefined, 2),
      view('scope', undefined, 6),
      view('client-details', { field: 'name' }, 2),
    ];
    expect(items.map(groupOf)).toEqual(['decisions', 'items', 'warnings', 'stage1', 'items', 'items', 'items']);
    const grouped = groupItems(items);
    expect(grouped.map((entry) => [entry.group, entry.count])).toEqual([
      ['items', 4],
      ['stage1', 1],
      ['decisions', 1],
      ['warnings', 1],
    ]);
    // By number; within one number the gate's order stays; the client's fields each keep a line of their own.
    expect(grouped[0]!.lines.map((line) => [line.item, line.items.map((entry) => entry.params.field ?? null)])).toEqual([
      [2, ['address']],
      [2, ['name']],
      [6, ['other-language']],
      [16, [null]],
    ]);
  });

  it('names items of one kind on one line, the many counted', () => {
    const topics = ['4', 'change', ...Array.from({ length: 10 }, (_, index) => `p-${index + 1}`)];
    const [contents] = groupItems([...topics.map((topic) => view('conclusion', { topic }, 11)), view('statement', { item: 'internal_audit', gap: 'no_verdict' }, 11), view('statement', { item: 'management_review', gap: 'no_verdict' }, 11), view('statement', { item: 'objectives_met', gap: 'text_needed' }, 11)]);
    expect(contents!.count).toBe(15);
    expect(contents!.lines.map((line) => [line.code, line.items.length])).toEqual([
      ['conclusion', 12],
      ['statement', 2],
      ['statement', 1],
    ]);
    expect(gateLineText(english, contents!.lines[0]!, wording('stage2'))).toBe(
      'No conclusion is written for 12 processes and clause groups: 4 Context of the organization, 8.5.1 Change management, p-1, p-2, p-3, p-4, p-5 and 5 more.',
    );
    expect(gateLineText(english, contents!.lines[1]!, wording('stage2'))).toBe('2 audit conclusions are not recorded: Internal audit and Management review.');
    // (The names are joined as the interface language joins a list: 内部审核和管理评审 in a Chinese window.)
    expect(gateLineText(chinese, contents!.lines[1]!, wording('stage2', 'zh-CN'))).toMatch(/^尚有 2 项审核结论未填写：内部审核.+管理评审。$/);
  });
});
