import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChecklistPack } from '../../../shared/checklist/pack.ts';
import { NO_FILTER, answerFacts, filterGroups, questionCount, type AnswerFilter, type FilteredAnswer } from '../../../shared/fieldwork/answer-filters.ts';
import { answerGroups, placedQuestions, plannedSessions } from '../../../shared/fieldwork/answer-order.ts';
import { ANSWER_RESULTS } from '../../../shared/fieldwork/answer-results.ts';
import { planSession } from '../../helpers/fieldwork-pack.ts';

const pack = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/checklists/iso20000-1-2018-amd1-2024.json'), 'utf8')) as ChecklistPack;
const MEMBERS = ['helen', 'raj', 'tom'];

/** The shipped pack answered in full by three team members (issue 15's speed case: ~660 answers) over a 12-session plan. */
function fullyAnswered() {
  const questions = placedQuestions(pack);
  const units = [...new Set(questions.map((placed) => placed.unit))];
  const sessions = units.slice(0, 12).map((_, index) => planSession(`s${index}`, `2026-12-0${7 + (index % 3)}`, index % 2 ? '13:15' : '09:00', index % 2 ? '17:00' : '12:30', `site${index % 4}`));
  const topics = units.map((unit, index) => ({ session_id: `s${index % 12}`, kind: /^\d/.test(unit) ? ('clause' as const) : ('process' as const), topic: unit }));
  const answers: FilteredAnswer[] = questions.flatMap((placed, index) =>
    MEMBERS.map((member, m) => ({
      question_id: placed.question.id,
      team_member_id: member,
      // Every seventh question only "not audited" so far; the rest a result of each kind.
      result: index % 7 === 0 ? 'not_audited' : ANSWER_RESULTS[(index + m) % 4]!,
      notes: `Seen CHG-${10_000 + index * 3 + m}; interviewed the process owner; 抽样第${index}号记录已查看`,
      na_reason: '',
      session_id: `s${index % 12}`,
    })),
  );
  const planned = plannedSessions(pack, { sessions, topics }, questions);
  const input = {
    questions,
    answers,
    memberId: 'helen',
    planned,
    sessions: new Map(sessions.map((session, index) => [session.id, { siteId: session.site_id, memberIds: [MEMBERS[index % 3]!] }])),
    language: 'zh-CN',
    defaultLanguage: pack.defaultLanguage,
  };
  return { questions, answers, groups: answerGroups(pack, 'plan', { sessions, topics }), input };
}

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
