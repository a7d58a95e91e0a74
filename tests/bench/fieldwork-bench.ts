/**
 * Issue 15: filtering the checklist answered in full by three team members (~660 answers) under
 * 5 ms. The filter pass over precomputed facts (what a filter change costs once the facts exist),
 * and the facts themselves (rebuilt when the answers change). Floor: one pass over the answers
 * reading each one's result, measured in the same run.
 */
import { NO_FILTER, answerFacts, filterGroups, questionCount } from '../../shared/fieldwork/answer-filters.ts';
import { fullyAnswered } from '../helpers/full-pack-answers.ts';
import { median, spread } from './measure.ts';
import type { BenchRow } from './report.ts';

export function runFieldworkBench(runs: number): BenchRow[] {
  const { answers, groups, input } = fullyAnswered();
  const facts = answerFacts(input);
  const filter = { ...NO_FILTER, unanswered: true, mine: true, query: 'change' };
  const filtering: number[] = [];
  const building: number[] = [];
  const floors: number[] = [];
  let sink = 0;
  for (let i = 0; i < Math.max(runs, 50); i++) {
    let start = performance.now();
    sink += questionCount(filterGroups(groups, facts, filter));
    filtering.push(performance.now() - start);
    start = performance.now();
    answerFacts(input);
    building.push(performance.now() - start);
    start = performance.now();
    for (const answer of answers) if (answer.result === 'nonconformity') sink += 1;
    floors.push(performance.now() - start);
  }
  if (sink < 0) console.log(sink); // keeps the loops from being optimised away
  const floor = median(floors);
  return [
    { name: `filter ${answers.length} answers (unanswered + mine + search)`, value: median(filtering), unit: 'ms', goal: '< 5 ms', floor, kind: 'time', note: spread(filtering) },
    { name: `the answers' facts, rebuilt after an answer (${answers.length})`, value: median(building), unit: 'ms', goal: '-', floor, kind: 'time', note: spread(building) },
  ];
}
