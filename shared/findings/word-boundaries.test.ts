import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordBoundaries, wordBoundariesAfresh } from './word-boundaries.ts';

const FRAGMENTS = [
  '部分', '变更', '未经', 'CAB', '批准', '等级', '有时', '记录', '原因', '事件', '服务级别', '协议', '评审', '建议', '应当建立',
  'Change', ' CHG-10422', ' was', ' approved', ' some', ' of', ' the', ' tests', " can't", ' 3.14', ' e.g.', ' etc.', ' 2026-03-05',
  '，', '。', '、', '；', '：', '！', '？', ',', '.', ';', ':', ' ', '  ', '\n', '（', '）', '“', '”', 'v2.1', '1,000',
];

const text = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 0, maxLength: 120 }).map((parts) => parts.join(''));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 3 }).map((parts) => parts.join('')) });

describe('word boundaries remembered between keystrokes', () => {
  it('equal a fresh segmentation after any sequence of edits (typing, deleting, pasting)', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 25 }), (start, edits) => {
        let current = start;
        expect([...wordBoundaries(current)]).toEqual([...wordBoundariesAfresh(current)]);
        for (const { at, remove, insert } of edits) {
          const where = current.length ? at % (current.length + 1) : 0;
          current = current.slice(0, where) + insert + current.slice(where + remove);
          expect([...wordBoundaries(current)]).toEqual([...wordBoundariesAfresh(current)]);
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('type a long Chinese statement character by character, as the editor does', () => {
    const statement = '部分变更未经CAB批准，包括紧急变更等，有时未记录原因，事件按等级分类。'.repeat(20);
    for (let n = 1; n <= statement.length; n += 7) {
      const typed = statement.slice(0, n);
      expect([...wordBoundaries(typed)]).toEqual([...wordBoundariesAfresh(typed)]);
    }
  });
});
