// The terminology list (docs/terminology.json): valid data, the generated table in step with it, the
// facts of Chinese certification practice present, and no wrong variant in the Chinese UI strings.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from '../../renderer/src/i18n/en/index.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN/index.ts';
import { flattenTexts } from '../../renderer/src/i18n/keys.ts';
import {
  DATA_FILE,
  TABLE_FILE,
  TerminologySchema,
  formatViolation,
  mentions,
  renderTerminology,
  wrongTerms,
  wrongTermsIn,
  type Term,
  type Terminology,
} from '../../scripts/terminology.ts';

const raw: unknown = JSON.parse(fs.readFileSync(DATA_FILE, 'utf8'));
const parsed = TerminologySchema.safeParse(raw);
const data: Terminology = parsed.success ? parsed.data : { about: '', terms: [] };
const HAN = /\p{Script=Han}/u;

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

function term(id: string): Term {
  const found = data.terms.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`docs/terminology.json has no term "${id}"`);
  return found;
}

describe('docs/terminology.json', () => {
  it('parses and validates against the schema', () => {
    expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
  });

  it('has unique ids, English terms and approved Chinese', () => {
    expect(duplicates(data.terms.map((t) => t.id)), 'duplicate ids').toEqual([]);
    expect(duplicates(data.terms.map((t) => t.en.toLowerCase())), 'duplicate English terms').toEqual([]);
    expect(duplicates(data.terms.map((t) => t.zh)), 'two terms with the same approved Chinese').toEqual([]);
  });

  it('gives every term English and Chinese (in Chinese characters)', () => {
    const problems = data.terms.flatMap((t) => [
      ...(t.en.trim() ? [] : [`${t.id}: empty en`]),
      ...(HAN.test(t.zh) ? [] : [`${t.id}: zh "${t.zh}" has no Chinese characters`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('never lists the approved term (or the same variant twice) as wrong', () => {
    const problems = data.terms.flatMap((t) => [
      ...t.wrong.filter((w) => w.zh === t.zh).map((w) => `${t.id}: wrong variant ${w.zh} is its approved zh`),
      ...duplicates(t.wrong.map((w) => w.zh)).map((zh) => `${t.id}: wrong variant ${zh} listed twice`),
    ]);
    expect(problems).toEqual([]);
  });

  it('is what docs/TERMINOLOGY.md shows (regenerate with `npm run terminology`)', () => {
    const table = fs.readFileSync(TABLE_FILE, 'utf8').replace(/\r\n/g, '\n');
    expect(table === renderTerminology(data), `${path.basename(TABLE_FILE)} is out of date: run \`npm run terminology\``).toBe(true);
  });
});

describe('the facts of Chinese certification practice (shared/reference/certification-audit-facts.md)', () => {
  it.each([
    // id, English, approved Chinese, variants that must be marked wrong
    ['nonconformity', 'nonconformity', '不符合', ['不合格']],
    ['other-party', 'other party', '其他方', ['相关方']],
    ['interested-party', 'interested party', '相关方', []],
    ['audit-plan', 'audit plan', '审核计划', ['审核方案']],
    ['audit-programme', 'audit programme', '审核方案', ['审核计划']],
    ['major-nonconformity', 'major nonconformity', '严重不符合', []],
    ['minor-nonconformity', 'minor nonconformity', '轻微不符合', []],
    ['correction', 'correction', '纠正', ['纠正措施']],
    ['corrective-action', 'corrective action', '纠正措施', []],
    ['auditor-day', 'auditor-day', '人日', []],
    ['audit-team-leader', 'audit team leader', '审核组长', []],
    ['auditee', 'auditee', '受审核方', []],
    ['opening-meeting', 'opening meeting', '首次会议', []],
    ['closing-meeting', 'closing meeting', '末次会议', []],
    ['observation', 'observation', '观察项', []],
    ['opportunity-for-improvement', 'opportunity for improvement', '改进机会', []],
    ['certification-body', 'certification body', '认证机构', []],
    ['objective-evidence', 'objective evidence', '客观证据', []],
    ['root-cause-analysis', 'root cause analysis', '原因分析', []],
    ['stage-1', 'stage 1', '第一阶段审核', []],
    ['stage-2', 'stage 2', '第二阶段审核', []],
    ['surveillance-audit', 'surveillance audit', '监督审核', []],
    ['recertification-audit', 'recertification audit', '再认证审核', []],
    ['multi-site', 'multi-site', '多场所', []],
    ['temporary-site', 'temporary site', '临时场所', []],
    ['technical-expert', 'technical expert', '技术专家', []],
    ['auditor-in-training', 'auditor in training', '实习审核员', []],
    ['recommendation-for-certification', 'recommendation for certification', '推荐认证', []],
    ['suspension', 'suspension', '暂停', []],
    ['withdrawal', 'withdrawal', '撤销', []],
    ['service-management-system', 'service management system', '服务管理体系', []],
    ['it-service-management-system', 'IT service management system', '信息技术服务管理体系', []],
  ] as const)('%s: %s → %s', (id, english, chinese, wrong) => {
    const t = term(id);
    expect(t.en).toBe(english);
    expect(t.zh).toBe(chinese);
    expect(t.wrong.map((w) => w.zh)).toEqual(expect.arrayContaining([...wrong]));
  });

  it('keeps 一般不符合 a CB profile label for a minor nonconformity, not a wrong variant', () => {
    const minor = term('minor-nonconformity');
    expect(minor.note).toContain('一般不符合');
    expect(minor.wrong.map((w) => w.zh)).not.toContain('一般不符合');
  });

  it('never uses 不合格 for a management-system nonconformity', () => {
    for (const id of ['nonconformity', 'major-nonconformity', 'minor-nonconformity', 'nonconformity-report']) {
      expect(term(id).zh, id).not.toContain('不合格');
    }
    expect(term('nonconformity').wrong.map((w) => w.zh)).toContain('不合格');
  });
});

describe('the UI check (wrong variants in Chinese strings)', () => {
  it('matches English whole words, plurals and aliases', () => {
    expect(mentions('Two nonconformities were raised', term('nonconformity'))).toBe(true);
    expect(mentions('Other parties (8.2.3)', term('other-party'))).toBe(true);
    expect(mentions('the lead auditor', term('audit-team-leader'))).toBe(true);
    expect(mentions('The auditor writes', term('audit'))).toBe(false);
    expect(mentions('ISO/IEC 20000-1:2011 (withdrawn)', term('withdrawal'))).toBe(false);
    expect(mentions('3 NCs', term('nonconformity'))).toBe(true);
    expect(mentions('sync client', term('certification-body'))).toBe(false);
  });

  it('reports a wrong variant with key, both texts and the approved term', () => {
    const found = wrongTermsIn('x.y', 'Record the nonconformity', '记录该不合格项', data.terms);
    expect(found).toHaveLength(1);
    expect(formatViolation(found[0]!)).toContain('x.y: “Record the nonconformity” → “记录该不合格项”: 不合格 is wrong for “nonconformity”');
    expect(found[0]!.approved).toBe('不符合');
    expect(wrongTermsIn('x', 'Other parties', '相关方', data.terms).map((v) => v.wrong)).toEqual(['相关方']);
    expect(wrongTermsIn('x', 'Audit days', '3 人日', data.terms).map((v) => v.wrong)).toEqual(['人日']);
  });

  it('lets approved terms shield the wrong variants inside them', () => {
    // 纠正措施 is approved for corrective action and contains 纠正 (wrong for corrective action itself).
    expect(wrongTermsIn('x', 'Plan the corrective action', '制定纠正措施', data.terms)).toEqual([]);
    // A string about both interested parties and other parties may say 相关方 and 其他方.
    expect(wrongTermsIn('x', 'Interested parties (4.2) are not other parties (8.2.3)', '相关方（4.2）不是其他方（8.2.3）', data.terms)).toEqual([]);
    // 扩大认证范围 (scope extension) contains 认证范围, wrong for audit scope.
    expect(wrongTermsIn('x', 'The audit scope of a scope extension', '扩大认证范围时的审核范围', data.terms)).toEqual([]);
    // …but a shield equal to the variant counts only when the English uses its term.
    expect(wrongTermsIn('x', 'The audit scope', '认证范围', data.terms).map((v) => v.wrong)).toEqual(['认证范围']);
  });

  it('finds no wrong variant in the Chinese UI strings (renderer/src/i18n/zh-CN)', () => {
    const english = flattenTexts(en);
    const chinese = flattenTexts(zhCN);
    expect([...chinese.keys()].filter((key) => english.has(key)).length, 'keys in both languages').toBeGreaterThan(0);
    const violations = wrongTerms(english, chinese, data.terms).map(formatViolation);
    expect(violations, `\n${violations.join('\n')}\n`).toEqual([]);
  });
});
