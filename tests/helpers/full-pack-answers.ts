import fs from 'node:fs';
import path from 'node:path';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import type { FilteredAnswer } from '../../shared/fieldwork/answer-filters.ts';
import { answerGroups, placedQuestions, plannedSessions } from '../../shared/fieldwork/answer-order.ts';
import { ANSWER_RESULTS } from '../../shared/fieldwork/answer-results.ts';
import { planSession } from './fieldwork-pack.ts';

const pack = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/checklists/iso20000-1-2018-amd1-2024.json'), 'utf8')) as ChecklistPack;
const MEMBERS = ['helen', 'raj', 'tom'];

/** The shipped pack answered in full by three team members (issue 15's speed case: ~660 answers) over a 12-session plan. */
export function fullyAnswered() {
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

