/**
 * The store benchmark (DESIGN.md: benchmarks are not tests; figures go into BENCHMARKS.md).
 * Started by run.ts through launch.mjs, so that workers do not inherit `--import tsx`.
 * Everything goes through the real EngagementService and its built workers, in a temp folder
 * that is removed at the end. Knobs: BENCH_ENGAGEMENT_MB (default 500), BENCH_RUNS (default 7).
 * The merge benchmark (merge-bench.ts) runs the real merge engine in this process, after the store's.
 * The soak (soak-bench.ts): the built browser host in its own process under malformed requests.
 * The documents (document-bench.ts): the plan as .docx and PDF through the built documents worker.
 * The UI (ui-bench.ts) runs last: the built host and renderer in chromium, BENCH_UI_RUNS (15) runs of each action.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sampleEngagement } from '../helpers/engagements.ts';
import { BenchFolder } from './bench-temp.ts';
import { profileCopy } from './copy-profile.ts';
import { measureFileCheck } from './file-check-bench.ts';
import { DEFAULT_TARGET_BYTES, growEngagement } from './large-engagement.ts';
import { runMergeBench, type MergeBenchResult } from './merge-bench.ts';
import { runPackBench } from './pack-bench.ts';
import { runPlanBench } from './plan-bench.ts';
import { runFieldworkBench } from './fieldwork-bench.ts';
import { runDocumentBench } from './document-bench.ts';
import { runEvidenceBench, runPackageFilesBench } from './evidence-bench.ts';
import { runFindingsBench } from './findings-bench.ts';
import { runReportBench } from './report-bench.ts';
import { runSoakBench, type SoakBenchResult } from './soak-bench.ts';
import { runUiBench, uiBenchText } from './ui-bench.ts';
import { describeMachine } from './machine.ts';
import { MB, median, spread } from './measure.ts';
import { medianSteps, profileSessionInProcess, profileStoreOpen, profileWorkerCosts } from './open-profile.ts';
import { figuresTable, machineLines, resultTable, stepTable, type BenchRow } from './report.ts';
import {
  WORKER_DIR,
  mbPerSecond,
  measureBareOpen,
  measureCleanOpen,
  measureCreate,
  measureFileCopy,
  measureOpenWithoutCleanClose,
  measureSaveCopy,
  startService,
} from './service-bench.ts';

const targetBytes = process.env.BENCH_ENGAGEMENT_MB ? Number(process.env.BENCH_ENGAGEMENT_MB) * MB : DEFAULT_TARGET_BYTES;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const createRuns = 10;
const quickCheckRuns = Math.max(3, Math.ceil(runs / 2));
const copyRuns = 3;

const began = performance.now();
const progress = (message: string): void => {
  process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
};

if (!fs.existsSync(path.join(WORKER_DIR, 'engagement-worker.cjs'))) {
  console.error(`No worker bundles in ${WORKER_DIR}: run "npm run bench", which builds them first.`);
  process.exit(1);
}

if (process.execArgv.some((arg) => arg.includes('tsx'))) {
  console.error('WARNING: started with tsx in execArgv: every worker loads tsx too and worker figures are inflated (see run.ts).');
}

const machine = describeMachine();
const folder = new BenchFolder();
const rows: BenchRow[] = [];
const warnings: string[] = [];
let profileText: string;
let merge: MergeBenchResult;
let packs: Awaited<ReturnType<typeof runPackBench>>;
let soak: SoakBenchResult;
let evidence: BenchRow[];
let report: { rows: BenchRow[]; notes: string[] };

try {
  const { service, actorId } = await startService(folder);

  progress(`create: ${createRuns} new engagement files`);
  const create = await measureCreate(service, folder, createRuns);
  rows.push({ name: 'create engagement (worker spawn → file ready)', value: median(create), unit: 'ms', goal: '-', floor: null, kind: 'time' });

  progress(`generating a ~${Math.round(targetBytes / MB)} MB engagement`);
  const file = folder.file('large.iso20k');
  const created = await service.create(file, sampleEngagement());
  await service.close(created.handle);
  const grown = growEngagement(file, actorId, targetBytes);
  progress(
    `generated ${(grown.bytes / MB).toFixed(0)} MB in ${grown.seconds.toFixed(1)} s: ${grown.sites} sites, ` +
      `${grown.edits} edits, ${grown.changeLogEntries} change-log entries`,
  );
  rows.push({ name: `generate large engagement (${(grown.bytes / MB).toFixed(0)} MB, not the app)`, value: grown.seconds, unit: 's', goal: '< 60', floor: null, kind: 'time' });

  progress(`open → first query after a clean close: ${runs} runs`);
  const clean = await measureCleanOpen(service, file, runs);
  progress(`open → first query without a clean-close record: ${quickCheckRuns} runs`);
  const unclean = await measureOpenWithoutCleanClose(folder, file, quickCheckRuns);
  const bare = median(measureBareOpen(file, runs));
  for (const [label, samples, expected] of [
    ['clean close', clean, 'skipped'],
    ['no clean close', unclean, 'quick'],
  ] as const) {
    const wrong = samples.filter((s) => s.integrity !== expected);
    if (wrong.length) warnings.push(`${label}: ${wrong.length} of ${samples.length} opens ran integrity "${wrong[0]!.integrity}", not "${expected}"`);
  }
  const cleanMs = clean.map((s) => s.ms);
  const uncleanMs = unclean.map((s) => s.ms);
  rows.push({ name: 'open large → first query, clean close (quick_check skipped)', value: median(cleanMs), unit: 'ms', goal: '< 300', floor: bare, kind: 'time', note: spread(cleanMs) });
  rows.push({ name: 'open large → first query, no clean-close record (quick_check)', value: median(uncleanMs), unit: 'ms', goal: '-', floor: bare, kind: 'time', note: spread(uncleanMs) });

  progress('profiling the open path');
  const storeSteps = medianSteps(profileStoreOpen(file, actorId, runs));
  const workerSteps = medianSteps(await profileWorkerCosts(service, file, actorId, runs));
  const sessionClean = median(profileSessionInProcess(file, actorId, runs, true));
  const sessionQuick = median(profileSessionInProcess(file, actorId, quickCheckRuns, false));

  progress(`file check of the large engagement (every logged value and link), with edits meanwhile: ${quickCheckRuns} runs`);
  const check = await measureFileCheck(service, file, quickCheckRuns);
  rows.push({
    name: `file check of the large engagement (${check.entries} entries, background)`,
    value: median(check.seconds),
    unit: 's',
    goal: '-',
    floor: median(check.floorSeconds),
    kind: 'time',
    note: `${spread(check.seconds.map((s) => s * 1000))}; floor = reading every entry and value once, no hashing; ${check.editsDuringCheck} edits meanwhile, worst ${check.worstEditMs.toFixed(0)} ms`,
  });
  rows.push({
    name: 'worst edit while the file check runs',
    value: check.worstEditMs,
    unit: 'ms',
    goal: '< 100',
    floor: check.worstEditWithoutCheckMs,
    kind: 'time',
    note: 'floor = the worst of the same edits on the same open file before the check started (the first edit after an open is left out of both: cold cache)',
  });

  progress(`save a copy of the large engagement: ${copyRuns} runs, and cp`);
  const copies = await measureSaveCopy(service, file, folder, copyRuns);
  const cp = measureFileCopy(file, folder, copyRuns);
  const copyRate = mbPerSecond(grown.bytes, copies.map((c) => c.seconds));
  const cpRate = mbPerSecond(grown.bytes, cp);
  rows.push({ name: 'save a copy of the large engagement', value: copyRate, unit: 'MB/s', goal: '-', floor: cpRate, kind: 'rate', note: `${median(copies.map((c) => c.seconds)).toFixed(1)} s; floor = fs.copyFileSync` });
  progress('profiling the copy');
  const copySteps = await profileCopy(file, folder);
  await service.shutdown();

  const last = copies[copies.length - 1]!;
  profileText = [
    stepTable('open, step by step in this process (no worker)', storeSteps),
    '',
    stepTable('costs only a worker has', workerSteps),
    '',
    stepTable('whole EngagementSession.open + getEngagement in this process', [
      { name: 'clean close (schema cache warm in this process)', ms: sessionClean },
      { name: 'no clean close (quick_check)', ms: sessionQuick },
    ]),
    '',
    stepTable('save a copy, phase by phase in this process', copySteps),
    '',
    `save a copy through the service (last run): phases first reported at ${Object.entries(last.phases)
      .map(([phase, s]) => `${phase} ${s.toFixed(1)} s`)
      .join(', ')}; copy is ${(last.copyBytes / MB).toFixed(0)} MB`,
  ].join('\n');

  merge = runMergeBench(folder, { runs, progress, stepTable, figuresTable });
  progress('checklist packs: check, search, import a large CB sheet');
  packs = await runPackBench(folder, runs);
  progress('evidence files: attach 500 MB through the upload channel, a phone photo');
  // The store part's service is shut down by now: a service of its own, with its own app-data.
  const evidenceService = (await startService(folder)).service;
  evidence = [...(await runEvidenceBench(evidenceService, folder, progress, runs)), ...(await runPackageFilesBench(evidenceService, folder, progress))];
  await evidenceService.shutdown();
  progress('the audit report: 300 findings, 1,500 answers, 40 records, 100 photos as .docx and PDF');
  const reportService = (await startService(folder)).service;
  try {
    report = await runReportBench(reportService, folder, progress, runs);
  } finally {
    await reportService.shutdown();
  }
  soak = await runSoakBench(folder, progress);
  warnings.push(...merge.warnings, ...soak.warnings);
} finally {
  folder.remove();
}

console.log(`\nAudit Workbench store benchmark — ${new Date().toISOString()}`);
console.log(machineLines(machine));
console.log('');
console.log(resultTable(rows));
for (const row of rows.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
console.log('\nProfile (same run)\n');
console.log(profileText);
console.log('\nMerge: the lead imports return packages (real merge engine, in this process)\n');
console.log(resultTable(merge.rows));
for (const row of merge.rows.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
console.log('\nMerge profile (same run)\n');
console.log(merge.profile.join('\n'));
console.log('\nChecklist packs (in this process)\n');
console.log(resultTable(packs.rows));
const plan = runPlanBench(runs);
console.log('\nThe audit plan (in this process)\n');
console.log(resultTable(plan));
for (const row of plan.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
const fieldwork = runFieldworkBench(runs);
console.log('\nFieldwork: the checklist answered by three team members (in this process)\n');
console.log(resultTable(fieldwork));
for (const row of fieldwork.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
const findings = runFindingsBench(runs);
console.log('\nFindings: the list and the statement check (in this process)\n');
console.log(resultTable(findings));
for (const row of findings.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
for (const row of packs.rows.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
for (const note of packs.notes) console.log(`  ${note}`);
progress('documents: the plan as .docx and PDF');
const documents = await runDocumentBench(runs);
console.log('\nDocuments: the plan as .docx (in this process) and PDF (the documents worker)\n');
console.log(resultTable(documents.rows));
for (const row of documents.rows.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
for (const note of documents.notes) console.log(`  ${note}`);
console.log('\nThe audit report: exported end to end (content in the engagement worker, rendering in the documents worker)\n');
console.log(resultTable(report.rows));
for (const row of report.rows.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
for (const note of report.notes) console.log(`  ${note}`);
console.log('\nEvidence files: the upload channel through the engagement worker\n');
console.log(resultTable(evidence));
for (const row of evidence.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
if (soak.rows.length) {
  console.log('\nSoak: the built browser host (its own process) under malformed requests\n');
  console.log(resultTable(soak.rows));
  for (const note of soak.notes) console.log(`  ${note}`);
}
// The UI (ui-bench.ts): the built host and renderer in chromium, timed in the page; runs last, its own table.
const ui = await runUiBench(progress);
if (ui.results.length) {
  console.log('\nUI: the built host and renderer in chromium, timed in the page (tests/e2e/speed.ts)\n');
  console.log(uiBenchText(ui));
}
warnings.push(...ui.warnings);
for (const warning of warnings) console.log(`\nWARNING: ${warning}`);
