// The report's labels in both languages: the same keys and placeholders, and the Chinese in the
// project's terms (docs/terminology.json: 不符合 never 不合格, 审核 never 审计 …).
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../../shared/documents/fixed-text.ts';
import { REPORT_LABELS } from '../../../shared/report/report-labels.ts';
import { formatViolation, loadTerminology, wrongTerms } from '../../../scripts/terminology.ts';

/** Every label as "path" → text. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') return out.set(prefix, value);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) for (const [path, text] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  return out;
}

describe('the report’s labels', () => {
  const en = flatten(REPORT_LABELS.en);
  const zh = flatten(REPORT_LABELS['zh-Hans']);

  it('word the same things in English and Chinese, with the same placeholders, none empty', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, english] of en) {
      expect(placeholdersOf(zh.get(key)!).sort(), key).toEqual(placeholdersOf(english).sort());
      if (!/Separator$/.test(key)) expect(english.trim(), key).not.toBe('');
    }
  });

  it('use the project’s Chinese terms', () => {
    expect(wrongTerms(en, zh, loadTerminology().terms).map(formatViolation)).toEqual([]);
    for (const [key, text] of zh) expect(text, key).not.toMatch(/不合格|审计|相关方/);
  });

  it('word every verdict as the lead’s statement, not a bare yes or no', () => {
    for (const language of ['en', 'zh-Hans'] as const) {
      for (const [item, verdicts] of Object.entries(REPORT_LABELS[language].statementVerdict)) {
        for (const [key, text] of Object.entries(verdicts)) expect(text, `${language} ${item}.${key}`).not.toMatch(/^(Yes|No|是|否|有|无)$/);
      }
    }
  });
});
