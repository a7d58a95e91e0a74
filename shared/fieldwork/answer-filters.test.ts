import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDWORK_PACK as pack, planSession } from '../../tests/helpers/fieldwork-pack.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { NO_FILTER, answerFacts, filterGroups, filtersSet, passes, questionCount, searchTerms, type AnswerFilter, type FactsInput, type FilteredAnswer } from './answer-filters.ts';
import { answerGroups, placedQuestions, plannedSessions, type AnswerOrder, type PlanOutline } from './answer-order.ts';
import { ANSWER_RESULTS } from './answer-results.ts';

const ME = 'member-me';
const LEE = 'member-lee';
const RAJ = 'member-raj';
const QUESTIONS = placedQuestions(pack);
const QUESTION_IDS = QUESTIONS.map((placed) => placed.question.id);
const plan: PlanOutline = {
  sessions: [planSession('s-change', '2026-12-07', '09:00', '12:30', 'site-dc'), planSession('s-incident', '2026-12-07', '13:00', '17:00', 'site-leeds'), planSession('s-remote', '2026-12-08', '09:00', '12:30')],
  topics: [
    { session_id: 's-change', kind: 'process', topic: 'change' },
    { session_id: 's-incident', kind: 'process', topic: 'incident' },
    { session_id: 's-remote', kind: 'clause', topic: '9' },
  ],
};
const MEMBERS = new Map([
  ['s-change', [ME]],
  ['s-incident', [LEE]],
  ['s-remote', [RAJ, ME]],
]);
const SITES = new Map([
  ['s-change', 'site-dc'],
  ['s-incident', 'site-leeds'],
  ['s-remote', null],
]);

function input(answers: readonly FilteredAnswer[], language = 'en'): FactsInput {
  return {
    questions: QUESTIONS,
    answers,
    memberId: ME,
    planned: plannedSessions(pack, plan),
    sessions: new Map(plan.sessions.map((session) => [session.id, { siteId: SITES.get(session.id) ?? null, memberIds: MEMBERS.get(session.id) ?? [] }])),
    language,
    defaultLanguage: pack.defaultLanguage,
  };
}

const answer = (question_id: string, team_member_id: string, result: FilteredAnswer['result'], extra: Partial<FilteredAnswer> = {}): FilteredAnswer => ({
  question_id,
  team_member_id,
  result,
  notes: '',
  na_reason: '',
  session_id: null,
  ...extra,
});

const shown = (groups: ReturnType<typeof filterGroups>) => groups.flatMap((group) => group.questions.map((placed) => placed.question.id));
const filter = (patch: Partial<AnswerFilter>): AnswerFilter => ({ ...NO_FILTER, ...patch });

describe('filters over the team’s answers', () => {
  const answers = [
    answer('4.1-q01', ME, 'conforming', { notes: 'SWOT dated 2026-09 seen; 管理评审输入已覆盖' }),
    answer('4.1-q02', LEE, 'not_audited'),
    answer('8.5.1-q01', LEE, 'nonconformity', { notes: 'CHG-10422 approved after implementation', session_id: 's-change' }),
    answer('8.5.1-q01', RAJ, 'observation'),
    answer('10.1-q01', RAJ, 'not_applicable', { na_reason: 'Kein Fall im Zeitraum', session_id: 's-incident' }),
  ];
  const facts = answerFacts(input(answers));
  const groups = answerGroups(pack, 'process');

  it('unanswered: nothing but "not audited" from anyone in the team', () => {
    const ids = shown(filterGroups(groups, facts, filter({ unanswered: true })));
    expect(ids).toContain('4.1-q02');
    expect(ids).not.toContain('4.1-q01');
    expect(ids).not.toContain('8.5.1-q01');
    expect(ids).toHaveLength(QUESTION_IDS.length - 3);
  });

  it('mine: the sessions I am planned in and what I answered; with unanswered, what is left for me', () => {
    expect(shown(filterGroups(groups, facts, filter({ mine: true })))).toEqual(['4.1-q01', '8.5.1-q01', '8.5.1-q02', '8.5.1.1-q01', '9.2-q01', '9.2-q02']);
    expect(shown(filterGroups(groups, facts, filter({ mine: true, unanswered: true })))).toEqual(['8.5.1-q02', '8.5.1.1-q01', '9.2-q01', '9.2-q02']);
  });

  it('by result, process, site and session', () => {
    expect(shown(filterGroups(groups, facts, filter({ results: ['observation', 'not_applicable'] })))).toEqual(['8.5.1-q01', '10.1-q01']);
    expect(shown(filterGroups(groups, facts, filter({ units: ['change', '10'] })))).toEqual(['8.5.1-q01', '8.5.1-q02', '8.5.1.1-q01', '10.1-q01']);
    // Leeds: incident is planned there, and an answer on 10.1 was given in the Leeds session.
    expect(shown(filterGroups(groups, facts, filter({ sites: ['site-leeds'] })))).toEqual(['8.6.1-q01', '8.6.1-q02', '10.1-q01']);
    expect(shown(filterGroups(groups, facts, filter({ sessions: ['s-remote'] })))).toEqual(['9.2-q01', '9.2-q02']);
  });

  it('search: clause numbers, question text, guidance, the team’s notes and n/a reasons; Chinese as a substring; every word must match', () => {
    const search = (query: string, language = 'en') => shown(filterGroups(groups, answerFacts(input(answers, language)), filter({ query })));
    expect(search('8.5.1')).toEqual(['8.5.1-q01', '8.5.1-q02', '8.5.1.1-q01']);
    expect(search('chg-10422')).toEqual(['8.5.1-q01']);
    expect(search('release deployment')).toEqual(['8.5.1.1-q01']);
    expect(search('release nothing')).toEqual([]);
    expect(search('kein fall')).toEqual(['10.1-q01']);
    // Chinese: the question's zh-Hans text when the interface is Chinese, and notes in any language.
    expect(search('紧急变更', 'zh-CN')).toEqual(['8.5.1-q01']);
    expect(search('紧急变更', 'en')).toEqual([]);
    expect(search('评审输入')).toEqual(['4.1-q01']);
    // The pack's default language is searched in a Chinese interface too; full-width forms fold.
    expect(search('emergency', 'zh-CN')).toEqual(['8.5.1-q01']);
    expect(search('ＳＷＯＴ')).toEqual(['4.1-q01']);
    expect(searchTerms('  Change\u3000policy ')).toEqual(['change', 'policy']);
  });

  it('counts different questions (the plan’s order can show one twice) and filters set', () => {
    const twice = answerGroups(pack, 'plan', { ...plan, topics: [...plan.topics, { session_id: 's-remote', kind: 'process', topic: 'change' }] });
    expect(questionCount(twice)).toBe(QUESTION_IDS.length);
    expect(shown(twice).length).toBeGreaterThan(QUESTION_IDS.length);
    expect(filtersSet(NO_FILTER)).toBe(0);
    expect(filtersSet(filter({ mine: true, query: '  ', results: ['conforming'] }))).toBe(2);
  });
});

const resultArb = fc.constantFrom(...ANSWER_RESULTS);
const answerArb: fc.Arbitrary<FilteredAnswer> = fc.record({
  question_id: fc.constantFrom(...QUESTION_IDS),
  team_member_id: fc.constantFrom(ME, LEE, RAJ),
  result: resultArb,
  notes: fc.constantFrom('', 'CHG-1 seen', '变更已批准', 'policy v3'),
  na_reason: fc.constantFrom('', 'outsourced'),
  session_id: fc.constantFrom(null, 's-change', 's-incident', 's-remote'),
});
const filterArb: fc.Arbitrary<AnswerFilter> = fc.record({
  unanswered: fc.boolean(),
  mine: fc.boolean(),
  results: fc.subarray([...ANSWER_RESULTS]),
  units: fc.subarray(['4', '5', '8', 'change', 'incident', '9', '10']),
  sites: fc.subarray(['site-dc', 'site-leeds']),
  sessions: fc.subarray(['s-change', 's-incident', 's-remote']),
  query: fc.constantFrom('', 'change', '变更', '8.5', 'policy v3', 'chg-1', 'zzz'),
});
const orderArb = fc.constantFrom<AnswerOrder>('process', 'clause', 'plan');
/** Pairs each shown question with its group, to compare orders and subsets. */
const placements = (groups: ReturnType<typeof filterGroups>) => groups.flatMap((group) => group.questions.map((placed) => `${group.key}/${placed.question.id}`));

describe('filter properties', () => {
  it('no filter returns everything, in order', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 40 }), orderArb, (answers, order) => {
        const groups = answerGroups(pack, order, plan);
        expect(filterGroups(groups, answerFacts(input(answers)), NO_FILTER)).toBe(groups);
      }),
      propertyRuns('no filter: everything in order', 100),
    );
  });

  it('each filter returns exactly the questions that pass it, a subsequence of the unfiltered walk; filters combine as an intersection', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 40 }), filterArb, orderArb, (answers, wanted, order) => {
        const groups = answerGroups(pack, order, plan);
        const facts = answerFacts(input(answers));
        const all = placements(groups);
        const kept = placements(filterGroups(groups, facts, wanted));
        // A subsequence: the same placements, in the same order.
        let at = 0;
        for (const placement of kept) {
          at = all.indexOf(placement, at);
          expect(at, placement).toBeGreaterThanOrEqual(0);
          at += 1;
        }
        // Exactly those that pass, and no empty group.
        const terms = searchTerms(wanted.query);
        const mask = wanted.results.reduce((bits, result) => bits | (1 << ANSWER_RESULTS.indexOf(result)), 0);
        expect(kept).toEqual(all.filter((placement) => passes(facts.get(placement.split('/').at(-1)!)!, wanted, terms, mask)));
        expect(filterGroups(groups, facts, wanted).every((group) => group.questions.length > 0)).toBe(true);
        // Each filter alone is a superset of the combination.
        const alone: Partial<AnswerFilter>[] = [
          { unanswered: wanted.unanswered },
          { mine: wanted.mine },
          { results: wanted.results },
          { units: wanted.units },
          { sites: wanted.sites },
          { sessions: wanted.sessions },
          { query: wanted.query },
        ];
        const intersection = alone.reduce<string[]>((left, part) => {
          const one = new Set(placements(filterGroups(groups, facts, filter(part))));
          return left.filter((placement) => one.has(placement));
        }, all);
        expect(kept).toEqual(intersection);
      }),
      propertyRuns('filters: exact subsequence, intersection', 150),
    );
  });
});
