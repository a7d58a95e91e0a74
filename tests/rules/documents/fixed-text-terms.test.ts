// The document engine's Chinese fixed texts against the terminology list (docs/terminology.json):
// no wrong variant of a term the English text uses (审核方案 for an audit plan, 不合格 …).
import { describe, expect, it } from 'vitest';
import { FIXED_TEXTS } from '../../../shared/documents/fixed-text.ts';
import { formatViolation, loadTerminology, wrongTerms } from '../../../scripts/terminology.ts';

describe('document fixed texts use the project’s Chinese terms', () => {
  it('has no wrong variant of a term its English uses', () => {
    const violations = wrongTerms(new Map(Object.entries(FIXED_TEXTS.en)), new Map(Object.entries(FIXED_TEXTS['zh-Hans'])), loadTerminology().terms);
    expect(violations.map(formatViolation)).toEqual([]);
  });
});
