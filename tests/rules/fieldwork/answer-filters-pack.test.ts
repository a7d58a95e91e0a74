import { describe, expect, it } from 'vitest';
import { NO_FILTER, answerFacts, filterGroups, questionCount, type AnswerFilter } from '../../../shared/fieldwork/answer-filters.ts';
import { fullyAnswered } from '../../helpers/full-pack-answers.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('filtering the full pack answered by three auditors', () => {
  it('filters ~660 answers: every filter and the search (timings reported, not asserted)', () => {
    const { questions, answers, groups, input } = fullyAnswered();
    expect(answers).toHaveLength(questions.length * 3);
    const factsTimes: number[] = [];
    let facts = answerFacts(input);
    for (let run = 0; run < 20; run++) {
      const began = performance.now();
      facts = answerFacts(input);
      factsTimes.push(performance.now() - began);
    }
    const cases: [string, AnswerFilter][] = [
      ['unanswered + mine', { ...NO_FILTER, unanswered: true, mine: true }],
      ['result + process + site', { ...NO_FILTER, results: ['nonconformity', 'observation'], units: ['change', 'incident', '9'], sites: ['site1', 'site2'] }],
      ['session', { ...NO_FILTER, sessions: ['s3'] }],
      ['search "change"', { ...NO_FILTER, query: 'change' }],
      ['search "抽样第42号"', { ...NO_FILTER, query: '抽样第42号' }],
      ['search "chg-10422" + mine', { ...NO_FILTER, query: 'chg-10422', mine: true }],
    ];
    const counts = new Map<string, number>();
    const lines = [`answers ${answers.length}, questions ${questions.length}; facts (once per change of filter) median ${median(factsTimes).toFixed(2)} ms`];
    for (const [name, filter] of cases) {
      const times: number[] = [];
      let shown = 0;
      for (let run = 0; run < 50; run++) {
        const began = performance.now();
        shown = questionCount(filterGroups(groups, facts, filter));
        times.push(performance.now() - began);
      }
      lines.push(`${name}: ${shown} questions, median ${median(times).toFixed(3)} ms, worst ${Math.max(...times).toFixed(3)} ms`);
      counts.set(name, shown);
    }
    console.log(`[filter timing]\n${lines.join('\n')}`);
    expect(counts.get('unanswered + mine')).toBeGreaterThan(0);
    // Helen answered everything ("not audited" is an answer of hers), so her part is every question still unanswered.
    expect(counts.get('unanswered + mine')).toBe(Math.ceil(questions.length / 7));
    expect(counts.get('search "抽样第42号"')).toBe(1);
    expect(counts.get('search "chg-10422" + mine')).toBe(1);
    for (const count of counts.values()) expect(count).toBeLessThan(questions.length);
    expect(questionCount(filterGroups(groups, facts, NO_FILTER))).toBe(questions.length);
  });
});
