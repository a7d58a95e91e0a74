import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStatement, type FindingNature, type StatementWarningCode } from './statement-check.ts';

interface Case {
  readonly nature: FindingNature;
  readonly evidence: string;
  readonly notFulfilled?: string;
  /** The words each warning must point at, by code. */
  readonly expect: readonly (readonly [StatementWarningCode, string])[];
}

/** Statements as auditors write them, with what the check must raise — and, by omission, must not. */
const CASES: readonly Case[] = [
  {
    nature: 'nonconformity',
    evidence: 'Change CHG-10422 (firewall rule, 3 March 2026) was implemented without CAB approval; the change record shows no approver.',
    notFulfilled: 'The documented change management procedure CM-01 v4 section 5.2 requires CAB approval before implementation.',
    expect: [],
  },
  {
    nature: 'nonconformity',
    evidence: 'Some changes were implemented without approval, sometimes before the CAB met, etc.',
    expect: [
      ['vague', 'Some'],
      ['vague', 'sometimes'],
      ['vague', 'etc.'],
    ],
  },
  {
    // "handsome" and "somewhat" hold "some"; "certainly" holds "certain": not vague words.
    nature: 'nonconformity',
    evidence: 'The handsome dashboard was somewhat out of date; it certainly showed 3 of 40 SLAs without a review date.',
    expect: [],
  },
  {
    nature: 'nonconformity',
    evidence: 'Three of the five changes sampled had no post-implementation review.',
    notFulfilled: 'The organization should implement a review step; we recommend using the ServiceNow workflow. The root cause is a lack of training.',
    expect: [
      ['cause_or_solution', 'should implement'],
      ['cause_or_solution', 'we recommend'],
      ['cause_or_solution', 'root cause'],
    ],
  },
  {
    nature: 'nonconformity',
    evidence: '部分变更未经CAB批准，包括紧急变更等。',
    notFulfilled: '组织应当建立变更评审机制，建议采用自动化工具。',
    expect: [
      ['vague', '部分'],
      ['vague', '等'],
      ['cause_or_solution', '应当建立'],
      ['cause_or_solution', '建议'],
    ],
  },
  {
    // 等级 (grade), 等待 (waiting), 部门 (department): not 等 or 部分; a dated, counted statement.
    nature: 'nonconformity',
    evidence: '抽查的5个P1等级事件中，2个（INC0042、INC0057）在等待供应商时未暂停计时，与SLA-NWR-2023第4.2条不一致。服务台部门未记录原因。',
    expect: [],
  },
  {
    nature: 'improvement',
    evidence: 'Capacity reports are produced monthly but trends are reviewed only at the annual management review.',
    notFulfilled: 'The organization must buy a capacity planning tool and should use it weekly.',
    expect: [
      ['prescriptive_improvement', 'must'],
      ['prescriptive_improvement', 'should use'],
    ],
  },
  {
    nature: 'improvement',
    evidence: 'Capacity trends are reviewed once a year, at the management review (minutes of 12 Feb 2026).',
    notFulfilled: 'Reviewing the trends each quarter could give earlier warning of saturation.',
    expect: [],
  },
  {
    nature: 'improvement',
    evidence: '容量趋势仅在年度管理评审时分析。',
    notFulfilled: '组织必须购买容量管理工具。',
    expect: [['prescriptive_improvement', '必须']],
  },
  {
    // A good practice may say "some": it praises, it does not charge.
    nature: 'good_practice',
    evidence: 'Some of the best knowledge articles are reviewed weekly by the service desk manager.',
    expect: [],
  },
  {
    // "Should" belongs to a nonconformity's quoted requirement, not its evidence: the check only reads the evidence and not-fulfilled parts.
    nature: 'nonconformity',
    evidence: 'The SLA with Northwind Retail (SLA-NWR-2023) was last reviewed on 14 March 2023.',
    notFulfilled: 'The SLA states a review every 12 months; no review since March 2023.',
    expect: [],
  },
];

describe('the statement check', () => {
  it.each(CASES.map((c, i) => [i, c] as const))('case %i: raises exactly the warnings an auditor would expect', (_index, c) => {
    const warnings = checkStatement({ nature: c.nature, evidence: c.evidence, notFulfilled: c.notFulfilled ?? '' });
    expect(warnings.map((w) => [w.code, w.text])).toEqual(c.expect);
    for (const warning of warnings) {
      const text = warning.part === 'evidence' ? c.evidence : (c.notFulfilled ?? '');
      expect(text.slice(warning.start, warning.end)).toBe(warning.text);
    }
  });

  it('warns when an answer marked "nonconformity found" is raised as an observation or improvement, not as a nonconformity', () => {
    const code = (nature: FindingNature) =>
      checkStatement({ nature, evidence: 'Three of five changes lacked approval.', notFulfilled: '', answerResults: ['nonconformity'] }).map((w) => w.code);
    expect(code('observation')).toEqual(['answer_says_nonconformity']);
    expect(code('improvement')).toEqual(['answer_says_nonconformity']);
    expect(code('nonconformity')).toEqual([]);
  });

  it('finds the same words whether the text is checked in pieces or whole, and every hit is a whole word of the text', () => {
    const word = fc.constantFrom('some', 'sometimes', 'handsome', 'changes', 'etc.', 'approved', '部分', '部门', '等', '等级', '变更', 'CAB', 'were', '建议');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.constantFrom(' ', '，', ', '), (list, separator) => {
        const text = list.join(separator);
        const warnings = checkStatement({ nature: 'nonconformity', evidence: text, notFulfilled: '' });
        for (const warning of warnings) expect(text.slice(warning.start, warning.end)).toBe(warning.text);
        // A long text goes through the one-pass segmentation, a short one through windows: same answer.
        const doubled = checkStatement({ nature: 'nonconformity', evidence: `${text}${separator}${text}`, notFulfilled: '' });
        expect(doubled.length).toBe(warnings.length * 2);
      }),
      { numRuns: 200 },
    );
  });

  it('survives a 1 MB paste (its speed is the bench’s, not a test’s)', () => {
    const huge = 'Some changes were approved late, etc. '.repeat(28_000);
    expect(checkStatement({ nature: 'nonconformity', evidence: huge, notFulfilled: '' }).length).toBeGreaterThan(1000);
  });
});
