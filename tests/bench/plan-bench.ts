/**
 * The plan's checks (issue 14): every check recomputed after an edit, on a plan of 80 sessions with
 * 6 people, against the goal of 5 ms. Floor: building the same sessions' time intervals alone
 * (the local-time conversions every check needs), measured in the same run.
 */
import { instantOf } from '../../shared/plan/local-time.ts';
import { checkPlan, type PlanCheckInput } from '../../shared/plan/plan-checks.ts';
import { median, spread } from './measure.ts';
import type { BenchRow } from './report.ts';

const PROCESSES = ['change', 'incident', 'problem', 'release-deployment', 'capacity', 'availability', 'continuity', 'supplier', 'service-level', 'configuration'];

/** 80 sessions over 5 days (16 a day, 30 minutes each from 08:00), 6 people in turns, topics and auditees. */
export function largePlan(): PlanCheckInput {
  const team = ['lead', 'auditor', 'auditor', 'technical_expert', 'observer', 'trainee'].map((role, index) => ({ id: `m${index}`, name: `Member ${index}`, role: role as PlanCheckInput['team'][number]['role'] }));
  const sessions: PlanCheckInput['sessions'][number][] = [];
  const members: { sessionId: string; memberId: string }[] = [];
  const auditees: { sessionId: string; name: string }[] = [];
  const topics: PlanCheckInput['topics'][number][] = [];
  for (let i = 0; i < 80; i++) {
    const day = `2027-03-${String(25 + Math.floor(i / 16)).padStart(2, '0')}`; // across the daylight-saving change of 28 March
    const minute = 8 * 60 + (i % 16) * 30;
    const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const id = `s${i}`;
    sessions.push({ id, day, start: time(minute), end: time(minute + 30), kind: i % 16 === 0 ? 'opening' : i === 79 ? 'closing' : 'audit', siteId: `site${i % 4}`, remote: i % 10 === 0, remoteTool: 'Teams', identityCheck: 'camera' });
    for (const member of [team[i % 3]!, team[3 + (i % 3)]!]) members.push({ sessionId: id, memberId: member.id });
    auditees.push({ sessionId: id, name: `Auditee ${i % 12}` });
    topics.push({ sessionId: id, kind: 'process', topic: PROCESSES[i % PROCESSES.length]! }, { sessionId: id, kind: 'clause', topic: `${4 + (i % 7)}.${1 + (i % 3)}` });
  }
  return {
    auditType: 'stage2',
    startDate: '2027-03-25',
    endDate: '2027-03-29',
    timeZone: 'Europe/London',
    sessions,
    team,
    members,
    auditees,
    topics,
    sampledSites: [0, 1, 2, 3].map((n) => ({ id: `site${n}`, name: `Site ${n}` })),
    pack: {
      processes: PROCESSES.map((key, index) => ({ key, clause: `8.${1 + (index % 7)}.${1 + (index % 3)}` })),
      clauses: ['4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.2', '6.3', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '8.1', '9.1', '9.2', '9.3', '9.4', '10.1', '10.2'],
    },
    surveillanceClauses: [],
    allocation: { onSite: 12, remote: 1 },
  };
}

export function runPlanBench(runs: number): BenchRow[] {
  const input = largePlan();
  checkPlan(input); // warm the time-zone formatter cache once, as the screen does on its first check
  const checks: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < Math.max(runs, 20); i++) {
    let start = performance.now();
    checkPlan(input);
    checks.push(performance.now() - start);
    start = performance.now();
    for (const session of input.sessions) {
      instantOf(session.day, session.start, input.timeZone);
      instantOf(session.day, session.end, input.timeZone);
    }
    floors.push(performance.now() - start);
  }
  return [{ name: 'plan checks after an edit (80 sessions, 6 people)', value: median(checks), unit: 'ms', goal: '< 5 ms', floor: median(floors), kind: 'time', note: spread(checks) }];
}
