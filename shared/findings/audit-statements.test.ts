import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_TYPES } from '../engagement.ts';
import { STATEMENT_VERDICTS, statementGaps, statementItems, verdictNeedsText } from './audit-statements.ts';
import { AUDIT_STATEMENT_ITEMS } from './finding-kinds.ts';

describe('the audit conclusions an audit type has', () => {
  it('asks every report item at stage 2, surveillance and recertification; the no-penalties statement only for a CB that requires it', () => {
    const all = AUDIT_STATEMENT_ITEMS.filter((item) => item !== 'recommendation' && item !== 'no_penalties');
    for (const type of ['stage2', 'surveillance1', 'surveillance2', 'recertification'] as const) {
      expect(statementItems(type, [])).toEqual(all);
      expect(statementItems(type, ['no-penalties-statement'])).toEqual([...all, 'no_penalties']);
    }
  });

  it('leaves out at stage 1 what only a certified system or a full report has', () => {
    expect(statementItems('stage1', [])).toEqual(['significant_issues', 'unresolved_issues', 'scope_appropriate', 'objectives_met', 'remote_auditing']);
  });

  it('offers verdicts for exactly the items of the vocabulary, each with a favourable one first that needs no text', () => {
    expect(Object.keys(STATEMENT_VERDICTS).sort()).toEqual(AUDIT_STATEMENT_ITEMS.filter((item) => item !== 'recommendation').sort());
    for (const verdicts of Object.values(STATEMENT_VERDICTS)) expect(verdictNeedsText(verdicts[0]!)).toBe(false);
  });

  it('names what is still empty: no verdict, or a verdict that needs a text without one', () => {
    const items = statementItems('surveillance1', []);
    expect(statementGaps(items, [])).toHaveLength(items.length);
    const rows = [
      { item: 'significant_issues', verdict: 'none', text: '' },
      { item: 'significant_changes', verdict: 'changes', text: '  ' },
      { item: 'unresolved_issues', verdict: 'identified', text: 'Diverging opinion on NC 2 stays open.' },
      { item: 'marks_control', verdict: 'maybe', text: 'a verdict this item does not offer' },
    ];
    const gaps = statementGaps(items, rows);
    expect(gaps.slice(0, 2)).toEqual([
      { item: 'significant_changes', gap: 'text_needed' },
      { item: 'marks_control', gap: 'no_verdict' },
    ]);
  });

  it('is complete exactly when every item has an offered verdict and the text its verdict needs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AUDIT_TYPES), fc.boolean(), fc.infiniteStream(fc.tuple(fc.nat(5), fc.boolean())), (type, chinese, choices) => {
        const items = statementItems(type, chinese ? ['no-penalties-statement'] : []);
        const rows = items.map((item) => {
          const [pick, withText] = choices.next().value as [number, boolean];
          const verdicts = STATEMENT_VERDICTS[item];
          return { item, verdict: verdicts[pick % verdicts.length]!, text: withText ? 'Seen.' : '' };
        });
        const complete = rows.every((row) => !verdictNeedsText(row.verdict) || row.text !== '');
        expect(statementGaps(items, rows).length === 0).toBe(complete);
      }),
    );
  });
});
