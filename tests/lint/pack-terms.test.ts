// The shipped checklist pack's Simplified Chinese (issue 21) against the terminology list
// (docs/terminology.json) and the house rules for Chinese text: every text translated, no wrong
// variant of a term its English uses, clause numbers and acronyms kept, Chinese punctuation.
import { describe, expect, it } from 'vitest';
import pack from '../../resources/checklists/iso20000-1-2018-amd1-2024.json' with { type: 'json' };
import { formatViolation, loadTerminology, wrongTerms } from '../../scripts/terminology.ts';

/** Every language map of the pack by its JSON path: path → { en, zh-Hans }. */
function texts(): Map<string, { en: string; zh: string | undefined }> {
  const found = new Map<string, { en: string; zh: string | undefined }>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.en === 'string' && Object.keys(record).every((key) => key === 'en' || key === 'zh-Hans')) {
        found.set(path, { en: record.en, zh: record['zh-Hans'] as string | undefined });
      } else for (const [key, item] of Object.entries(record)) walk(item, `${path}/${key}`);
    }
  };
  walk(pack, '');
  return found;
}

const all = texts();
const HAN = /[\u4e00-\u9fff]/;

describe('the shipped pack in Simplified Chinese', () => {
  it('declares zh-Hans and translates every text (Chinese characters, not a copy of the English)', () => {
    expect(pack.languages).toContain('zh-Hans');
    expect(all.size).toBeGreaterThan(2000);
    const untranslated = [...all].filter(([, text]) => !text.zh?.trim() || !HAN.test(text.zh)).map(([path]) => path);
    expect(untranslated).toEqual([]);
  });

  it('uses no wrong variant of a term its English uses (其他方 vs 相关方, 审核 not 审计 …)', () => {
    const english = new Map([...all].map(([path, text]) => [path, text.en]));
    const chinese = new Map([...all].map(([path, text]) => [path, text.zh ?? '']));
    expect(wrongTerms(english, chinese, loadTerminology().terms).map(formatViolation)).toEqual([]);
  });

  it('never calls a nonconformity 不合格, anywhere', () => {
    expect([...all].filter(([, text]) => text.zh?.includes('不合格')).map(([path]) => path)).toEqual([]);
  });

  it('keeps the clause numbers and acronyms of the English', () => {
    const lost: string[] = [];
    for (const [path, text] of all) {
      for (const token of text.en.match(/\b\d+(?:\.\d+)+\b|\b[A-Z]{2,}s?\b/g) ?? []) {
        const bare = token.replace(/s$/, '');
        if (!text.zh?.includes(bare)) lost.push(`${path}: ${token}`);
      }
    }
    // A written-out acronym is allowed where the English spells it (SMS → 服务管理体系): a handful at most.
    expect(lost.length, lost.join('\n')).toBeLessThan(all.size / 50);
  });

  it('writes Chinese punctuation between Chinese words (no ASCII comma, semicolon or colon between Han characters)', () => {
    const latin = [...all].filter(([, text]) => /[\u4e00-\u9fff][,;:][\u4e00-\u9fff]/.test(text.zh ?? '')).map(([path]) => path);
    expect(latin).toEqual([]);
  });
});
