/**
 * Record sampling (issue 20 "Speed"): a generated incident export of 1,000,000 rows × 12 columns
 * (~200 MB, quoted fields, some with commas, doubled quotes and line breaks) imported as a population
 * through the real import job in a real engagement worker (EngagementService.startJob, as the app
 * does), every column kept; beside it, in the same run, the floors: the sqlite3 shell's
 * `.import --csv` of the same file into a plain table (fresh database each time), the built reader
 * alone with a no-op sink (parse alone), and the same rows inserted into a plain 12-column table with
 * prepared 200-row INSERTs in transactions of 5,000 (bare insert). Each import runs in a child Node
 * process of its own (service, app-data worker and the engagement worker, as in the app) whose resident
 * set is sampled every 20 ms: the peak is the import's memory, against the 300 MB goal.
 * Then a stratified sample of 500 (by priority) from that population: the selection + item lookup
 * alone (the draw's own functions on the file, in this process), the whole draw job (writing the 500
 * items and their records seen), and "verify selection".
 * Knobs: BENCH_SAMPLING_ROWS (1,000,000), BENCH_SAMPLING_RUNS (3).
 * Run alone: `npm run build && node --import tsx tests/bench/run.ts sampling`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { PopulationImportRequest } from '../../electron/sampling/population-import.ts';
import { itemsOfSelection, ordersOfSelection, type DrawRequest } from '../../electron/sampling/sample-draw.ts';
import type { ExportReader } from '../../electron/sampling/export-reader.ts';
import { PopulationStore } from '../../electron/store/population-store.ts';
import { drawStratified } from '../../shared/sampling/draw-stratified.ts';
import { sampleEngagement } from '../helpers/engagements.ts';
import { BenchFolder } from './bench-temp.ts';
import { describeMachine } from './machine.ts';
import { MB, median, spread } from './measure.ts';
import { machineLines, resultTable, type BenchRow } from './report.ts';
import { startService, WORKER_DIR } from './service-bench.ts';

const ROWS = Number(process.env.BENCH_SAMPLING_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_SAMPLING_RUNS ?? 3);
const SAMPLE_SIZE = 500;
const SQLITE_SHELL = '/usr/bin/sqlite3';
const ROLE = process.env.BENCH_SAMPLING_ROLE ?? '';

type Progress = (message: string) => void;

// ---------------------------------------------------------------------------------------------
// The export: a ServiceNow-like incident list, deterministic (a small LCG), ~200 bytes a row.

const HEADER = ['Number', 'Opened', 'Closed', 'Priority', 'Category', 'State', 'Assignment group', 'Assigned to', 'Location', 'Short description', 'Caller', 'Resolution notes'];
const ROLES = ['id', 'opened', 'closed', 'priority', 'category', 'status', 'attribute', 'assignee', 'site', 'attribute', 'attribute', 'attribute'] as const;
const PRIORITIES = ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low', '5 - Planning'];
const PRIORITY_WEIGHTS = [2, 8, 40, 45, 5];
const CATEGORIES = ['Network', 'Hardware', 'Software', 'Database', 'Inquiry / Help', 'Access', 'Email', 'Telephony'];
const STATES = ['Closed', 'Resolved', 'Closed', 'Closed', 'Cancelled'];
const GROUPS = ['Service Desk', 'Network Operations', 'Database Admins', 'Desktop Support Shanghai', 'Identity & Access', 'Application Support'];
const FIRST = ['Wei', 'Li', 'Anna', 'James', 'Maria', 'Chen', 'Sofia', 'Lucas', 'Yuki', 'Omar', 'Fatima', 'Jonas', 'Priya', 'Diego', 'Emma'];
const LAST = ['Zhang', 'Smith', 'Müller', 'Garcia', 'Wang', 'Rossi', 'Dubois', 'Kowalski', 'Tanaka', 'Silva', 'Nguyen', 'Okafor', 'Jensen', 'Novak', 'Haddad', 'Patel', 'Kim', 'Larsen', 'Costa', 'Ivanova'];
const SITES = ['Shanghai HQ', 'Frankfurt DC', 'London Office', 'Austin Campus', 'Singapore Hub', 'São Paulo Office', 'Remote'];
const SUBJECTS = ['VPN drops every few minutes', 'Cannot print to floor 3 printer', 'Password reset for SAP', 'Outlook keeps asking for credentials', 'Slow response, ERP "Finance" module', 'Laptop screen flickers', 'Access request: shared drive, read-only', 'Database backup job failed', 'Phone extension not ringing', 'New starter: account, laptop and badge'];
const NOTES = ['Restarted the service; user confirmed it works.', 'Replaced the docking station, tested with the user.', 'Reset the password and unlocked the account per the "identity" procedure.', 'Duplicate of an earlier incident, closed.', 'Applied the vendor patch, monitored for 24h, no recurrence.', 'User error: showed how to map the drive, closed with consent.'];

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const quote = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const stamp = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** The export's rows, every field as its text (unquoted). */
function* incidentRows(rows: number): Generator<string[]> {
  const random = lcg(20);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = (): string => {
    let r = random() * 100;
    for (let i = 0; i < PRIORITIES.length; i++) if ((r -= PRIORITY_WEIGHTS[i]!) < 0) return PRIORITIES[i]!;
    return PRIORITIES[PRIORITIES.length - 1]!;
  };
  const start = Date.UTC(2025, 0, 1);
  const year = 365 * 86_400_000;
  for (let i = 1; i <= rows; i++) {
    const opened = start + Math.floor(random() * year);
    const closed = opened + Math.floor(random() * 10 * 86_400_000);
    const note = pick(NOTES);
    yield [
      `INC${pad(i, 7)}`,
      stamp(opened),
      stamp(closed),
      weighted(),
      pick(CATEGORIES),
      pick(STATES),
      pick(GROUPS),
      `${pick(LAST)}, ${pick(FIRST)}`,
      pick(SITES),
      `${pick(SUBJECTS)} (${pick(SITES)})`,
      `${pick(FIRST)} ${pick(LAST)}`,
      // One note in 200 runs over two lines, as exports of the work notes do.
      i % 200 === 0 ? `${note}\nFollow-up: ${pick(NOTES)}` : note,
    ];
  }
}

/** Writes the export once (CRLF, a header row); returns its size in bytes. */
export function writeExport(file: string, rows: number): number {
  const fd = fs.openSync(file, 'w');
  let text = `${HEADER.join(',')}\r\n`;
  for (const row of incidentRows(rows)) {
    text += `${row.map(quote).join(',')}\r\n`;
    if (text.length > 1 << 20) {
      fs.writeSync(fd, text);
      text = '';
    }
  }
  fs.writeSync(fd, text);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

// ---------------------------------------------------------------------------------------------
// The floors, in this process.

/** The sqlite3 shell's whole `.import --csv` into a new table of a fresh database. */
function shellImport(file: string, folder: BenchFolder): number {
  const db = path.join(folder.sub('shell'), 'shell.db');
  const started = performance.now();
  const run = spawnSync(SQLITE_SHELL, [db, `.import --csv ${file} t`], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`sqlite3 .import failed: ${run.stderr}`);
  const count = spawnSync(SQLITE_SHELL, [db, 'SELECT COUNT(*) FROM t'], { encoding: 'utf8' }).stdout.trim();
  if (Number(count) !== ROWS) throw new Error(`sqlite3 .import gave ${count} rows, not ${ROWS}`);
  fs.rmSync(path.dirname(db), { recursive: true, force: true });
  return ms;
}

const builtReader = (): ExportReader => createRequire(import.meta.url)(path.join(WORKER_DIR, 'export-reader.cjs')) as ExportReader;
const ALL_COLUMNS = HEADER.map((_, i) => i);

/** The built reader (the bundle the worker loads) over the whole file, its batches dropped. */
async function parseAlone(file: string): Promise<number> {
  const { readExport } = builtReader();
  let rows = 0;
  const started = performance.now();
  await readExport(file, { format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 1, columns: ALL_COLUMNS }, { batch: (b) => void (rows += b.rows.length) });
  const ms = performance.now() - started;
  if (rows !== ROWS) throw new Error(`the reader gave ${rows} rows, not ${ROWS}`);
  return ms;
}

/** The same rows into a plain 12-column table: prepared 200-row INSERTs, one transaction per 5,000 rows (the reader's batch), nothing else. */
function bareInsert(rows: readonly string[][], folder: BenchFolder): number {
  const file = path.join(folder.sub('bare'), 'bare.db');
  const db = new Database(file);
  db.exec(`CREATE TABLE t (${HEADER.map((_, i) => `c${i} TEXT`).join(', ')})`);
  const per = 200;
  const placeholders = `(${HEADER.map(() => '?').join(', ')})`;
  const many = db.prepare(`INSERT INTO t VALUES ${Array.from({ length: per }, () => placeholders).join(', ')}`);
  const one = db.prepare(`INSERT INTO t VALUES ${placeholders}`);
  const values: string[] = new Array(per * HEADER.length);
  const slice = db.transaction((from: number, to: number) => {
    let i = from;
    for (; i + per <= to; i += per) {
      for (let j = 0; j < per; j++) {
        const row = rows[i + j]!;
        for (let k = 0; k < row.length; k++) values[j * row.length + k] = row[k]!;
      }
      many.run(values);
    }
    for (; i < to; i++) one.run(rows[i]!);
  });
  const started = performance.now();
  for (let from = 0; from < rows.length; from += 5000) slice(from, Math.min(rows.length, from + 5000));
  const ms = performance.now() - started;
  db.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return ms;
}

/** The rows are made once, in memory, before the timed runs (and dropped with this frame after them). */
function bareInsertRuns(folder: BenchFolder): number[] {
  const rows = [...incidentRows(ROWS)];
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(bareInsert(rows, folder));
  return samples;
}

// ---------------------------------------------------------------------------------------------
// The import (and draw, verify) in a child process of its own: its resident set is the import's.

interface ChildResult {
  readonly importMs: number;
  readonly baselineMb: number;
  readonly peakMb: number;
  readonly rowCount: number;
  readonly engagementFile: string;
  readonly populationId: string;
  readonly drawMs: number[];
  readonly verifyMs: number[];
  readonly verified: boolean;
}

const importRequest = (file: string): PopulationImportRequest => ({
  file,
  format: 'csv',
  reading: { encoding: 'utf-8', delimiter: ',', headerRow: 1 },
  columns: HEADER.map((name, index) => ({ index, name, role: ROLES[index]! })),
  badRows: 'skip',
  topic: 'incident',
  name: 'Incidents 2025',
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  siteId: '',
});

const drawRequest = (populationId: string, seed: string): DrawRequest => ({
  populationId,
  samplingPlan: '',
  sizing: 'judgment',
  justification: 'Bench: a stratified sample of 500 by priority.',
  confidence: null,
  tolerableRate: null,
  expectedRate: null,
  statisticalModel: '',
  size: SAMPLE_SIZE,
  method: 'stratified',
  stratifyBy: 'Priority',
  allocation: 'proportional',
  seed,
});

/** Child side: one import through the service (timed, RSS sampled), then `draws` draws and verifications. */
async function childImport(file: string, dir: string, draws: number): Promise<ChildResult> {
  const folder = { sub: (name: string) => fs.mkdtempSync(path.join(dir, `${name}-`)), file: (name: string) => path.join(dir, name) } as BenchFolder;
  const { service, actorId } = await startService(folder);
  const engagementFile = folder.file('sampling.iso20k');
  const { handle } = await service.create(engagementFile, sampleEngagement());
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  const imported = await service.startJob(handle, 'importPopulation', () => [importRequest(file)] as const).result;
  const importMs = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  const populationId = imported.population.id;
  const drawMs: number[] = [];
  const verifyMs: number[] = [];
  let verified = true;
  if (draws > 0) await service.createRow(handle, 'team_member', { name: 'Bench Auditor', initials: 'BA', role: 'auditor', actor_id: actorId, email: '', registration_number: '' });
  for (let i = 0; i < draws; i++) {
    const t0 = performance.now();
    const drawn = await service.startJob(handle, 'drawSample', () => [drawRequest(populationId, `bench-seed-${i + 1}`)] as const).result;
    drawMs.push(performance.now() - t0);
    const t1 = performance.now();
    const check = await service.startJob(handle, 'verifySample', () => [drawn.sampleId] as const).result;
    verifyMs.push(performance.now() - t1);
    verified &&= check.matches && check.populationMatches && drawn.size === SAMPLE_SIZE;
  }
  await service.close(handle);
  await service.shutdown();
  return { importMs, baselineMb: baseline / MB, peakMb: peak / MB, rowCount: imported.population.rowCount, engagementFile, populationId, drawMs, verifyMs, verified };
}

/**
 * Starts Node (the same binary) with tsx registered for its main thread only — not through execArgv,
 * which the engagement worker would inherit (see run.ts) — running this file in `role`.
 */
function benchNode(role: string, env: Record<string, string>, extraArgs: readonly string[] = []): ReturnType<typeof spawn> {
  const entry = JSON.stringify(path.join(import.meta.dirname, 'sampling-bench.ts'));
  const code = `import { register } from 'tsx/esm/api'; register(); await import(${entry});`;
  return spawn(process.execPath, [...extraArgs, '--expose-gc', '--input-type=module', '-e', code], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, ...env, BENCH_SAMPLING_ROLE: role },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function runChild(file: string, dir: string, draws: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = benchNode('import', { BENCH_SAMPLING_FILE: file, BENCH_SAMPLING_DIR: dir, BENCH_SAMPLING_DRAWS: String(draws) });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`the import child exited with ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The draw's selection + item lookup alone, on the file the child left (the job's own functions).

function selectionAndLookup(engagementFile: string, populationId: string, runs: number): number[] {
  const db = new Database(engagementFile, { readonly: true });
  try {
    const populations = new PopulationStore(db);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const seq = populations.seqOf(populationId)!;
      const strata = populations.strata(seq).filter((entry) => entry.column === 'Priority');
      const drawn = drawStratified({ seed: `bench-lookup-${i + 1}`, strata: strata.map((s) => ({ name: s.stratum, populationSize: s.rowCount, populationHash: s.idsHash })), size: SAMPLE_SIZE });
      const selection = { ...drawn, column: 'Priority' };
      const orders = ordersOfSelection(populations, seq, selection);
      const items = itemsOfSelection(selection, orders, (rowNo) => populations.records(seq, [rowNo])[0]?.recordId ?? '');
      samples.push(performance.now() - started);
      if (items.length !== SAMPLE_SIZE || items.some((item) => !item.recordRef)) throw new Error('the lookup missed items');
    }
    return samples;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------

export async function runSamplingBench(folder: BenchFolder, progress: Progress): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const file = folder.file('incidents.csv');
  progress(`sampling: writing a ${ROWS.toLocaleString('en')}-row, 12-column incident export`);
  const t0 = performance.now();
  const bytes = writeExport(file, ROWS);
  const generated = (performance.now() - t0) / 1000;

  progress(`sampling: sqlite3 shell .import --csv, ${RUNS} runs (fresh database each)`);
  const shell: number[] = [];
  for (let i = 0; i < RUNS; i++) shell.push(shellImport(file, folder));
  const floor = median(shell);

  progress(`sampling: the reader alone (no-op sink), ${RUNS} runs`);
  const parse: number[] = [];
  for (let i = 0; i < RUNS; i++) parse.push(await parseAlone(file));

  progress(`sampling: bare multi-row INSERTs of the same rows, ${RUNS} runs`);
  const bare = bareInsertRuns(folder);

  progress(`sampling: the import job through the service, ${RUNS} runs (a child process each)`);
  const children: ChildResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const last = i === RUNS - 1;
    children.push(await runChild(file, folder.sub('import'), last ? 7 : 0));
    progress(`sampling: import ${i + 1}: ${(children[i]!.importMs / 1000).toFixed(2)} s, peak ${children[i]!.peakMb.toFixed(0)} MB`);
  }
  const imports = children.map((c) => c.importMs);
  const peaks = children.map((c) => c.peakMb);
  const last = children[children.length - 1]!;
  if (last.rowCount !== ROWS) throw new Error(`the import kept ${last.rowCount} rows, not ${ROWS}`);

  progress('sampling: the draw\'s selection + item lookup on the imported file, 7 runs');
  const lookup = selectionAndLookup(last.engagementFile, last.populationId, 7);

  const s = (ms: number): number => ms / 1000;
  const out: BenchRow[] = [
    { name: `import ${ROWS.toLocaleString('en')} rows × 12 columns (${(bytes / MB).toFixed(0)} MB CSV), the job in the worker`, value: s(median(imports)), unit: 's', goal: '≤ 2× shell', floor: s(floor), kind: 'time', note: spread(imports) },
    { name: 'floor: sqlite3 shell .import --csv (fresh db)', value: s(floor), unit: 's', goal: '-', floor: s(floor), kind: 'time', note: spread(shell) },
    { name: 'floor: the reader alone (no-op sink)', value: s(median(parse)), unit: 's', goal: '-', floor: s(floor), kind: 'time', note: spread(parse) },
    { name: 'floor: bare 200-row INSERTs, 5,000 a transaction', value: s(median(bare)), unit: 's', goal: '-', floor: s(floor), kind: 'time', note: spread(bare) },
    { name: 'import: peak resident memory (the whole process)', value: median(peaks), unit: 'MB', goal: '< 300', floor: null, kind: 'time', note: `${peaks.map((p) => p.toFixed(0)).join(' / ')} MB; before the import ${children.map((c) => c.baselineMb.toFixed(0)).join(' / ')} MB` },
    { name: `stratified draw of ${SAMPLE_SIZE} by priority: selection + item lookup`, value: median(lookup), unit: 'ms', goal: '< 100', floor: null, kind: 'time', note: spread(lookup) },
    { name: `stratified draw of ${SAMPLE_SIZE}: the whole job (500 items written)`, value: median(last.drawMs), unit: 'ms', goal: '-', floor: median(lookup), kind: 'time', note: spread(last.drawMs) },
    { name: `verify selection (${SAMPLE_SIZE} items, every id hashed again)`, value: median(last.verifyMs), unit: 'ms', goal: '< 2000', floor: null, kind: 'time', note: `${spread(last.verifyMs)}; ${last.verified ? 'every verification matched' : 'A VERIFICATION DID NOT MATCH'}` },
  ];
  const notes = [
    `export generated in ${generated.toFixed(1)} s (not the app): ${ROWS.toLocaleString('en')} rows, ${(bytes / MB).toFixed(0)} MB, CRLF, quoted fields with commas, doubled quotes and (1 row in 200) a line break`,
    'floor column: the sqlite3 shell\'s .import of the same file (so each ratio is to the shell); each import runs in a child process of its own, its resident set sampled every 20 ms',
  ];
  return { rows: out, notes };
}

if (ROLE === 'import') {
  const draws = Number(process.env.BENCH_SAMPLING_DRAWS ?? 0);
  const result = await childImport(process.env.BENCH_SAMPLING_FILE!, process.env.BENCH_SAMPLING_DIR!, draws);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
} else if (ROLE === 'section') {
  const began = performance.now();
  const progress: Progress = (message) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
  const machine = describeMachine();
  const folder = new BenchFolder();
  try {
    const { rows, notes } = await runSamplingBench(folder, progress);
    console.log(`\nRecord sampling (issue 20) — ${new Date().toISOString()}`);
    console.log(machineLines(machine));
    console.log('');
    console.log(resultTable(rows));
    for (const row of rows.filter((r) => r.note)) console.log(`  ${row.name}: ${row.note}`);
    for (const note of notes) console.log(`  ${note}`);
  } finally {
    folder.remove();
  }
  process.exit(0);
}
