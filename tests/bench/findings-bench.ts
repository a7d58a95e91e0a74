/**
 * Issue 17: the findings list (1,000 findings filtered, sorted and grouped by the one pure function
 * the Findings tab uses; goal p95 < 2 ms; floor: sorting 1,000 rows by one number) and the statement
 * check under 2 ms per keystroke on 5,000 characters, on two texts: a factual English statement and a
 * Chinese one full of vague words (both with many candidate words: the whole text's word boundaries,
 * kept between keystrokes, so a keystroke segments only the stretch it touched). Floor: one pass of
 * Intl.Segmenter over the same text — what a check that segments the text each time pays — same run.
 */
import { findingList, NO_FILTER, searchText, type FindingListOptions, type ListFinding } from '../../shared/findings/finding-list.ts';
import { checkStatement } from '../../shared/findings/statement-check.ts';
import { median } from './measure.ts';
import type { BenchRow } from './report.ts';

const FACTUAL = 'Change CHG-10422 was approved by the CAB on 3 March 2026 and implemented on 5 March 2026 with a rollback plan; some of the tests were late. '.repeat(40).slice(0, 5000);
const VAGUE_ZH = '部分变更未经CAB批准，包括紧急变更等，有时未记录原因，事件按等级分类。'.repeat(150).slice(0, 5000);

const p95 = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]!;

const GRADES = ['major', 'minor', 'observation', 'improvement', 'good-practice'];
const CLAUSES = ['4.4', '5.1', '6.1.1', '7.5.4', '8.2.3', '8.3.3', '8.5.1.1', '8.5.1.3', '8.6.1', '8.7.1', '9.2.2', '10.1'];
const PROCESSES = ['', 'change', 'incident', 'service-level', 'supplier', 'release', 'continuity'];
const SITES = ['hq', 'dublin', 'leeds', 'dc-north'];
const MEMBERS = [
  ['m-helen', 'HM'],
  ['m-rajesh', 'RI'],
  ['m-anna', 'AB'],
] as const;

/** 1,000 findings as three auditors raise them over a long audit: a third numbered, texts of real length. */
function thousandFindings(): ListFinding[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const [raisedBy, initials] = MEMBERS[i % 3]!;
    const numbered = i % 3 === 0;
    return {
      id: `f-${i}`,
      label: numbered ? `MIN-${String(i).padStart(3, '0')}` : `${initials}-P${i}`,
      finalNumber: numbered ? `MIN-${String(i).padStart(3, '0')}` : '',
      finalSeq: numbered ? i + 1 : null,
      raisedBy,
      raisedByInitials: initials,
      provisionalSeq: i + 1,
      grade: GRADES[(i * 7) % 5]!,
      process: PROCESSES[i % PROCESSES.length]!,
      raisedOn: `2026-12-0${7 + (i % 3)}`,
      updatedAt: `2026-12-0${7 + (i % 3)}T${String(8 + (i % 10)).padStart(2, '0')}:00:00.000Z-${i}`,
      requirement: 'ISO/IEC 20000-1:2018 8.5.1.3 requires that changes are reviewed for effectiveness after deployment.',
      evidence: `Change CHG-${10000 + i} was deployed on 3 March 2026; the change record shows no post-implementation review, and the CAB minutes of 10 March do not mention it.`,
      notFulfilled: `No review of effectiveness was recorded for CHG-${10000 + i}.`,
      procedure: i % 4 === 0 ? 'PROC-CHG-01 Change management procedure v3.2' : '',
      clauses: [{ target: CLAUSES[i % CLAUSES.length]! }, ...(i % 5 === 0 ? [{ target: CLAUSES[(i + 3) % CLAUSES.length]! }] : [])],
      sites: [{ target: SITES[i % SITES.length]! }],
    };
  });
}

function listRows(runs: number): BenchRow[] {
  const findings = thousandFindings();
  const haystacks = new Map(findings.map((finding) => [finding.id, searchText(finding)]));
  const openWarnings = new Map(findings.map((finding, i) => [finding.id, i % 4 === 0 ? 1 : 0]));
  const gradeOrder = new Map(GRADES.map((grade, i) => [grade, i + 1]));
  const base: Omit<FindingListOptions, 'filter' | 'sort' | 'group'> = { gradeOrder, openWarnings, haystack: (finding) => haystacks.get(finding.id)! };
  const cases: Pick<FindingListOptions, 'filter' | 'sort' | 'group'>[] = [
    { filter: { ...NO_FILTER, text: 'chg-10' }, sort: 'number', group: 'grade' },
    { filter: { ...NO_FILTER, grades: ['major', 'minor'], openWarnings: true }, sort: 'clause', group: 'clause' },
    { filter: { ...NO_FILTER, site: 'dublin', text: 'review effectiveness' }, sort: 'changed', group: 'process' },
    { filter: NO_FILTER, sort: 'grade', group: 'site' },
  ];
  const times: number[] = [];
  const floors: number[] = [];
  let sink = 0;
  for (let i = 0; i < Math.max(400, runs * 50); i++) {
    let start = performance.now();
    sink += findingList(findings, { ...base, ...cases[i % cases.length]! }).length;
    times.push(performance.now() - start);
    start = performance.now();
    sink += [...findings].sort((a, b) => b.provisionalSeq - a.provisionalSeq).length;
    floors.push(performance.now() - start);
  }
  if (sink < 0) console.log(sink);
  return [
    {
      name: 'findings list: 1,000 findings filtered, sorted and grouped, p95',
      value: p95(times),
      unit: 'ms',
      goal: '< 2 ms',
      floor: median(floors),
      kind: 'time',
      note: `median ${median(times).toFixed(2)} ms over four filter/sort/group cases; floor = sorting 1,000 rows by one number`,
    },
  ];
}

export function runFindingsBench(runs: number): BenchRow[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const rows: BenchRow[] = listRows(runs);
  for (const [label, text] of [
    ['English, a few vague words', FACTUAL],
    ['Chinese, vague words throughout', VAGUE_ZH],
  ] as const) {
    const checks: number[] = [];
    const floors: number[] = [];
    let sink = 0;
    for (let i = 0; i < Math.max(200, runs * 30); i++) {
      // A keystroke: the text grows by one character.
      const typed = text.slice(0, 4999) + String.fromCharCode(97 + (i % 26));
      let start = performance.now();
      sink += checkStatement({ nature: 'nonconformity', evidence: typed, notFulfilled: '' }).length;
      checks.push(performance.now() - start);
      start = performance.now();
      for (const segment of segmenter.segment(typed)) sink += segment.index & 1;
      floors.push(performance.now() - start);
    }
    if (sink < 0) console.log(sink);
    rows.push({ name: `statement check, 5,000 characters (${label}), p95`, value: p95(checks), unit: 'ms', goal: '< 2 ms', floor: median(floors), kind: 'time', note: `median ${median(checks).toFixed(2)} ms; floor = one Intl.Segmenter pass over the text` });
  }
  return rows;
}
