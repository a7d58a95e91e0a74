import { createDecipheriv, createHash, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { checkPackageFits, importSteps, mergePackage, type ImportSummary } from '../../electron/team/merge.ts';
import { decodePackage, encodePackage, PACKAGE_EXTENSION } from '../../electron/team/package-file.ts';
import { parseReturnPackage, returnPackageSchema, type ReturnPackage } from '../../electron/team/package-schema.ts';
import { readIncoming } from '../../electron/team/team-files.ts';
import { DEMO_ENGAGEMENT, DEMO_SITES, DEMO_TEAM } from '../../electron/engagement/demo-engagement.ts';
import { createEngagementFile } from '../../electron/store/engagement-file.ts';
import { EngagementStore, type Row } from '../../electron/store/engagement-store.ts';
import { SITE_KINDS, TEAM_ROLES } from '../../shared/engagement.ts';
import { newRowId } from '../../shared/ids.ts';
import { issueMemberCopy, openLaptop, returnPackage, type Laptop } from '../helpers/merge.ts';
import type { BenchFolder } from './bench-temp.ts';
import { MB, median, spread } from './measure.ts';
import type { BenchRow } from './report.ts';
import { mulberry32 } from '../helpers/prng.ts';

/**
 * The merge benchmark: the lead importing team members' return packages with the real merge engine
 * (readIncoming + mergePackage on a real engagement file opened with the app's pragmas, in this
 * process, as tests/helpers/merge.ts does and as EngagementSession.importFrom does in the worker).
 *
 * - the real day: the demo engagement (padded with sites and team members so that members have a few
 *   hundred rows to work on), 3 member copies, each member changes ~300 rows, the lead imports the
 *   3 packages (written to files unencrypted, as from a USB stick).
 * - scale: 8 member copies of a larger lead file, each member changes 5,000 rows, the 8 packages are
 *   imported one after the other.
 * - decoding one 5,000-row package with and without passphrase; a dry-run preview of it.
 *
 * Every member edits through the real EngagementStore (ChangeLogWriter, knowledge rows, tombstones).
 * To keep generation fast, each member's work runs in one outer transaction (the store's own
 * transactions become savepoints) with db.prepare memoised: neither changes what is written.
 */

export const LEAD_ACTOR = '0190a6a4-0000-7000-8000-0000000000b1';
const PASSPHRASE = 'correct horse battery staple';
/** Mirrors package-file.ts (not exported there): for the decrypt profile only. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const MAGIC_LENGTH = 8;

/** What one member does to the file in their copy, in rows. */
export interface Workload {
  readonly engagementEdits: number;
  readonly siteCreates: number;
  readonly teamCreates: number;
  readonly siteEdits: number;
  readonly teamEdits: number;
  readonly siteDeletes: number;
  readonly teamDeletes: number;
}

export const rowsOf = (w: Workload): number =>
  w.engagementEdits + w.siteCreates + w.teamCreates + w.siteEdits + w.teamEdits + w.siteDeletes + w.teamDeletes;

/** The lead's file before the copies are issued: the demo engagement plus this many extra rows. */
export interface LeadShape {
  readonly sites: number;
  readonly team: number;
}

export const DAY_LEAD: LeadShape = { sites: 300, team: 200 };
export const DAY_MEMBER: Workload = { engagementEdits: 1, siteCreates: 40, teamCreates: 20, siteEdits: 120, teamEdits: 110, siteDeletes: 5, teamDeletes: 3 };
export const SCALE_LEAD: LeadShape = { sites: 4000, team: 2000 };
export const SCALE_MEMBER: Workload = { engagementEdits: 1, siteCreates: 1000, teamCreates: 500, siteEdits: 2300, teamEdits: 1099, siteDeletes: 60, teamDeletes: 40 };
export const DAY_MEMBERS = 3;
export const SCALE_MEMBERS = 8;

const SENTENCES = [
  'Service desk and incident management',
  'Managed hosting operations, capacity and availability management',
  'Backup operations and restore tests',
  'Change advisory board, release and deployment management',
  'Supplier management for the colocation provider',
  'Business relationship management and service reporting',
  'Configuration management (CMDB) for the hosting platform',
  'Continuity testing of the secondary data centre',
];
const CITIES = ['Manchester', 'Leeds', 'Dublin', 'Hamburg', 'Leipzig', 'Salford', 'Cork', 'Bristol'];
const FIRST = ['Helen', 'Rajesh', 'Tomasz', 'Aoife', 'Lee', 'Dana', 'Priya', 'Jonas', 'Marta', 'Sean'];
const LAST = ['Marsh', 'Iyer', 'Nowak', 'Byrne', 'Chan', 'Keller', 'Shah', 'Berg', 'Silva', 'Walsh'];


const pickFrom = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** `count` distinct items of `list`, in random order. */
function sample<T>(random: () => number, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function siteValues(random: () => number, engagementId: string, label: string): Row {
  const city = pickFrom(random, CITIES);
  return {
    engagement_id: engagementId,
    name: `${city} ${label}`,
    address: `${1 + Math.floor(random() * 200)} Wharfside Way, ${city}`,
    country: random() < 0.7 ? 'United Kingdom' : 'Ireland',
    kind: pickFrom(random, SITE_KINDS.filter((k) => k !== 'central')),
    activities: `${pickFrom(random, SENTENCES)}; ${pickFrom(random, SENTENCES)}`,
  };
}

function memberValues(random: () => number, engagementId: string, label: string): Row {
  const first = pickFrom(random, FIRST);
  const last = pickFrom(random, LAST);
  return {
    engagement_id: engagementId,
    name: `${first} ${last} ${label}`,
    initials: `${first[0]}${last[0]}`,
    role: pickFrom(random, TEAM_ROLES.filter((r) => r !== 'lead')),
    email: `${first}.${last}.${label}@meridian-cert.example`.toLowerCase().replace(/\s+/g, '-'),
  };
}

/**
 * One or two fields of a site: always a text only this member writes (so every edit changes the row
 * and overlapping edits conflict), sometimes the kind as well.
 */
function siteEdit(random: () => number, who: string, i: number): Row {
  const texts: Row[] = [
    { activities: `${pickFrom(random, SENTENCES)} (seen by ${who}, note ${i})` },
    { name: `${pickFrom(random, CITIES)} site as ${who} names it ${i}` },
    { address: `${1 + Math.floor(random() * 200)} Quay Street, ${pickFrom(random, CITIES)} (${who})` },
  ];
  const edit = pickFrom(random, texts);
  return random() < 0.4 ? { ...edit, kind: pickFrom(random, SITE_KINDS.filter((k) => k !== 'central')) } : edit;
}

function memberEdit(random: () => number, who: string, i: number): Row {
  const texts: Row[] = [
    { email: `${who.toLowerCase()}-${i}@cb.example` },
    { name: `${pickFrom(random, FIRST)} ${pickFrom(random, LAST)} (${who} ${i})` },
  ];
  const edit = pickFrom(random, texts);
  return random() < 0.4 ? { ...edit, role: pickFrom(random, TEAM_ROLES.filter((r) => r !== 'lead')) } : edit;
}

/** The lead's file: the demo engagement, its sites and team, plus `shape` more rows. Closed on return. */
function buildLeadFile(file: string, shape: LeadShape, seed: number): void {
  const random = mulberry32(seed);
  const { db, identity } = createEngagementFile(file);
  try {
    const store = new EngagementStore(db, { actorId: LEAD_ACTOR, readOnly: false });
    withCachedPrepare(db, () => db.transaction(() => {
      store.createRow('engagement', { ...DEMO_ENGAGEMENT }, identity.engagementId);
      for (const site of DEMO_SITES) store.createRow('site', { ...site, engagement_id: identity.engagementId });
      for (const member of DEMO_TEAM) store.createRow('team_member', { ...member, engagement_id: identity.engagementId });
      for (let i = 0; i < shape.sites; i++) store.createRow('site', siteValues(random, identity.engagementId, `site ${i + 1}`));
      for (let i = 0; i < shape.team; i++) store.createRow('team_member', memberValues(random, identity.engagementId, `${i + 1}`));
    })());
  } finally {
    db.close();
  }
}

/** One member's day in their copy, through the real store API. */
function workInCopy(member: Laptop, who: string, work: Workload, seed: number): void {
  const random = mulberry32(seed);
  const { store } = member;
  const engagementId = store.engagementId;
  const ids = (table: string): string[] => store.listRows(table).map((r) => r.id as string);
  const sites = sample(random, ids('site'), work.siteEdits + work.siteDeletes);
  const team = sample(random, ids('team_member'), work.teamEdits + work.teamDeletes);
  withCachedPrepare(member.db, () => member.db.transaction(() => {
    for (let i = 0; i < work.engagementEdits; i++) {
      store.updateRow('engagement', engagementId, {
        scope: `${DEMO_ENGAGEMENT.scope} As agreed with ${who} (${i}).`,
        objectives: `${DEMO_ENGAGEMENT.objectives} Reviewed by ${who} (${i}).`,
      });
    }
    for (let i = 0; i < work.siteCreates; i++) store.createRow('site', siteValues(random, engagementId, `${who} site ${i + 1}`));
    for (let i = 0; i < work.teamCreates; i++) store.createRow('team_member', memberValues(random, engagementId, `${who} ${i + 1}`));
    sites.slice(0, work.siteEdits).forEach((id, i) => store.updateRow('site', id, siteEdit(random, who, i)));
    team.slice(0, work.teamEdits).forEach((id, i) => store.updateRow('team_member', id, memberEdit(random, who, i)));
    for (const id of sites.slice(work.siteEdits)) store.deleteRow('site', id);
    for (const id of team.slice(work.teamEdits)) store.deleteRow('team_member', id);
  })());
}

export interface Scenario {
  /** The lead's file as it was when the copies were issued (closed; copy it for each run). */
  readonly leadFile: string;
  /** The members' return packages as files, unencrypted, as they arrive on a USB stick. */
  readonly packageFiles: string[];
  /**
   * The first package, decoded (for the decode profile and the preview). The others are not kept
   * decoded: the app's worker holds one package at a time, and 8 decoded packages (~0.3 GB of heap)
   * made every garbage collection in the imports slower.
   */
  readonly firstPackage: ReturnPackage;
  readonly entries: number;
  /** Distinct rows each package changes (should be the workload's row count). */
  readonly rowsPerPackage: number[];
  readonly setupSeconds: number;
}

export function buildScenario(folder: BenchFolder, name: string, lead: LeadShape, members: number, work: Workload, seed: number): Scenario {
  const start = performance.now();
  const dir = folder.sub(`merge-${name}`);
  const leadFile = path.join(dir, 'lead.iso20k');
  buildLeadFile(leadFile, lead, seed);
  const laptop = openLaptop(leadFile, LEAD_ACTOR);
  const copies: { laptop: Laptop; who: string }[] = [];
  try {
    for (let m = 0; m < members; m++) {
      const who = `Member${m + 1}`;
      copies.push({ laptop: issueMemberCopy(laptop, dir, who, newRowId()), who });
    }
  } finally {
    laptop.db.close();
  }
  const packageFiles: string[] = [];
  const packages: ReturnPackage[] = [];
  copies.forEach(({ laptop: copy, who }, m) => {
    try {
      workInCopy(copy, who, work, seed * 100 + m + 1);
      const pkg = returnPackage(copy, who);
      const file = path.join(dir, `${who}${PACKAGE_EXTENSION}`);
      fs.writeFileSync(file, encodePackage(pkg));
      packageFiles.push(file);
      packages.push(pkg);
    } finally {
      copy.db.close();
      fs.rmSync(copy.file, { force: true });
    }
  });
  return {
    leadFile,
    packageFiles,
    firstPackage: packages[0]!,
    entries: packages.reduce((n, p) => n + p.entries.length, 0),
    rowsPerPackage: packages.map((p) => new Set(p.entries.map((e) => `${e.entity}\u001f${e.row_id}`)).size),
    setupSeconds: (performance.now() - start) / 1000,
  };
}

/** A fresh copy of the lead's file, open as the lead's laptop has it (opening is not timed). */
export function freshLead(scenario: Scenario, folder: BenchFolder): Laptop {
  const file = path.join(folder.sub('merge-run'), 'lead.iso20k');
  fs.copyFileSync(scenario.leadFile, file);
  return openLaptop(file, LEAD_ACTOR);
}

export function closeLead(lead: Laptop): void {
  lead.db.close();
  fs.rmSync(path.dirname(lead.file), { recursive: true, force: true });
}

export interface ImportTimes {
  readonly readMs: number;
  readonly mergeMs: number;
  readonly summary: ImportSummary;
}

/** What EngagementSession.importFrom does: read + SHA-256 + decode, then mergePackage, then afterImport. */
export function importFile(lead: Laptop, file: string, passphrase: string | null = null): ImportTimes {
  const t0 = performance.now();
  const incoming = readIncoming(file, passphrase);
  const t1 = performance.now();
  const summary = mergePackage(lead.db, incoming.pkg, {
    dryRun: false,
    importedBy: lead.actorId,
    sourceKind: incoming.kind,
    sourceName: incoming.fileName,
    sha256: incoming.sha256,
  });
  lead.store.afterImport();
  return { readMs: t1 - t0, mergeMs: performance.now() - t1, summary };
}

interface RunOfImports {
  readonly totalMs: number;
  readonly readMs: number;
  readonly perPackageMs: number[];
  readonly summaries: ImportSummary[];
}

/** Each run imports every package, in order, into its own fresh copy of the lead's file. */
function measureImports(scenario: Scenario, folder: BenchFolder, runs: number): RunOfImports[] {
  const results: RunOfImports[] = [];
  for (let r = 0; r < runs; r++) {
    const lead = freshLead(scenario, folder);
    try {
      const times = scenario.packageFiles.map((file) => importFile(lead, file));
      results.push({
        totalMs: times.reduce((s, t) => s + t.readMs + t.mergeMs, 0),
        readMs: times.reduce((s, t) => s + t.readMs, 0),
        perPackageMs: times.map((t) => t.readMs + t.mergeMs),
        summaries: times.map((t) => t.summary),
      });
    } finally {
      closeLead(lead);
    }
  }
  return results;
}

/**
 * The floor for an import: read the file, gunzip, JSON.parse and INSERT the same entries and values
 * with prepared statements in one transaction per package, on a copy of the same file with the same
 * pragmas: no validation, no verification, no projection.
 */
export function measureBareInserts(scenario: Scenario, folder: BenchFolder, runs: number): number[] {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const lead = freshLead(scenario, folder);
    const { db } = lead;
    try {
      const insertReplica = db.prepare('INSERT OR IGNORE INTO replica (id, actor_id, file_instance_id, created_at) VALUES (@id, @actor_id, @file_instance_id, @created_at)');
      // The same positional INSERTs as importSteps.insertEntries.
      const insertEntry = db.prepare(`
        INSERT INTO change_log (replica_id, seq, prev_hash, entity, row_id, field, old_hash, new_hash, hlc, wall_time, actor_id, flags, settles, entry_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const insertValue = db.prepare('INSERT INTO change_value (replica_id, seq, salt, old_value, new_value) VALUES (?, ?, ?, ?, ?)');
      const start = performance.now();
      for (const file of scenario.packageFiles) {
        const pkg = JSON.parse(gunzipSync(fs.readFileSync(file).subarray(MAGIC_LENGTH + 1)).toString('utf8')) as ReturnPackage;
        db.transaction(() => {
          for (const replica of pkg.replicas) insertReplica.run(replica);
          for (const e of pkg.entries) {
            insertEntry.run(e.replica_id, e.seq, e.prev_hash, e.entity, e.row_id, e.field, e.old_hash, e.new_hash, e.hlc, e.wall_time, e.actor_id, e.flags, e.settles ?? null, e.entry_hash);
            insertValue.run(e.replica_id, e.seq, e.salt ? Buffer.from(e.salt, 'base64') : null, e.old_value, e.new_value);
          }
        }).immediate();
      }
      samples.push(performance.now() - start);
    } finally {
      closeLead(lead);
    }
  }
  return samples;
}

const timeEach = (runs: number, work: () => unknown): number[] => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return samples;
};

/** Decoding one package: as a whole (with and without passphrase) and step by step. */
function profileDecode(pkg: ReturnPackage, runs: number) {
  const plain = encodePackage(pkg);
  const sealed = encodePackage(pkg, PASSPHRASE);
  const json = gunzipSync(plain.subarray(MAGIC_LENGTH + 1));
  const parsed = JSON.parse(json.toString('utf8')) as unknown;
  let offset = MAGIC_LENGTH + 1;
  const salt = sealed.subarray(offset, (offset += 16));
  const iv = sealed.subarray(offset, (offset += 12));
  const tag = sealed.subarray(offset, (offset += 16));
  const key = scryptSync(PASSPHRASE, salt, 32, SCRYPT);
  decodePackage(plain); // warm-up
  // Interleaved, so that neither variant always runs first (garbage collection, caches).
  const sealedMs: number[] = [];
  const plainMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    sealedMs.push(...timeEach(1, () => decodePackage(sealed, PASSPHRASE)));
    plainMs.push(...timeEach(1, () => decodePackage(plain)));
    floorMs.push(...timeEach(1, () => JSON.parse(gunzipSync(plain.subarray(MAGIC_LENGTH + 1)).toString('utf8'))));
  }
  // decodePackage's steps one by one, in its order, one round after the other: scrypt timed back to
  // back on its own looked 2-3x cheaper than between other work (its 32 MB scratch memory stays mapped).
  const stepSamples = [
    { name: 'scrypt key derivation (N=2^15, r=8, p=1; 32 MB)', work: () => scryptSync(PASSPHRASE, salt, 32, SCRYPT) },
    {
      name: 'AES-256-GCM decrypt + tag check',
      work: () => {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(sealed.subarray(0, MAGIC_LENGTH + 1));
        decipher.setAuthTag(tag);
        Buffer.concat([decipher.update(sealed.subarray(offset)), decipher.final()]);
      },
    },
    { name: 'gunzip', work: () => gunzipSync(plain.subarray(MAGIC_LENGTH + 1)) },
    { name: 'JSON.parse', work: () => JSON.parse(json.toString('utf8')) },
    { name: 'zod: returnPackageSchema.safeParse', work: () => returnPackageSchema.safeParse(parsed) },
  ].map((step) => ({ ...step, samples: [] as number[] }));
  for (let i = 0; i < runs; i++) for (const step of stepSamples) step.samples.push(...timeEach(1, step.work));
  return {
    plainBytes: plain.length,
    jsonBytes: json.length,
    sealed: median(sealedMs),
    plain: median(plainMs),
    floor: median(floorMs),
    steps: stepSamples.map(({ name, samples }) => ({ name, ms: median(samples) })),
  };
}

type Steps = { name: string; ms: number }[];

/** The steps of profileImports, in order (the names of the profile table's rows). */
const IMPORT_STEPS = [
  'read the file + SHA-256',
  'gunzip',
  'JSON.parse',
  'package checks (hand-written; zod only if they fail)',
  'BEGIN IMMEDIATE + checkPackageFits + addReplicas',
  'verifyEntries (sort, entry hash, chain, 2 value fingerprints per entry)',
  "readTouchedRows (the touched rows' logged values, 1 statement per table)",
  'insertEntries (INSERT entry + value per entry)',
  'addKnowledge',
  'projectTouched (rows + conflicts, 1 batch per table)',
  'summarize + import_record',
  'COMMIT (journal, synchronous = FULL)',
] as const;

/**
 * Every package of the scenario imported, in order, into a fresh copy of the lead's file, step by
 * step: readIncoming's work (read, SHA-256, decodePackage's three steps for an unencrypted package),
 * then mergePackage's own steps (importSteps, the code mergePackage runs) inside the same
 * transaction, then COMMIT. Each step's time is summed over the packages: wall clock and CPU time
 * (this process, user + system), since the VM is shared.
 */
export function profileImports(scenario: Scenario, folder: BenchFolder): { wall: Steps; cpu: Steps } {
  const wall = new Map<string, number>(IMPORT_STEPS.map((name) => [name, 0]));
  const cpu = new Map<string, number>(IMPORT_STEPS.map((name) => [name, 0]));
  const lead = freshLead(scenario, folder);
  const { db } = lead;
  let stepIndex = 0;
  const step = <T>(work: () => T): T => {
    const name = IMPORT_STEPS[stepIndex++]!;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const value = work();
    wall.set(name, wall.get(name)! + performance.now() - start);
    const used = process.cpuUsage(cpu0);
    cpu.set(name, cpu.get(name)! + (used.user + used.system) / 1000);
    return value;
  };
  try {
    for (const file of scenario.packageFiles) {
      stepIndex = 0;
      const bytes = step(() => {
        const read = fs.readFileSync(file);
        createHash('sha256').update(read).digest('hex');
        return read;
      });
      const json = step(() => gunzipSync(bytes.subarray(MAGIC_LENGTH + 1)));
      const parsed = step(() => JSON.parse(json.toString('utf8')) as unknown);
      const checked = step(() => parseReturnPackage(parsed));
      if (!checked.success) throw new Error('package checks failed');
      const pkg = checked.data;
      const options = { dryRun: false, importedBy: LEAD_ACTOR, sourceKind: 'package' as const, sourceName: path.basename(file), sha256: '0'.repeat(64) };
      step(() => {
        checkPackageFits(db, pkg);
        db.exec('BEGIN IMMEDIATE');
        importSteps.addReplicas(db, pkg);
      });
      try {
        const verified = step(() => importSteps.verifyEntries(db, pkg));
        const logged = step(() => importSteps.readTouchedRows(db, verified));
        step(() => importSteps.insertEntries(db, verified, logged));
        step(() => importSteps.addKnowledge(db, pkg));
        const counts = step(() => importSteps.projectTouched(db, verified, logged));
        step(() => importSteps.summarize(db, pkg, options, verified, counts));
        step(() => db.exec('COMMIT'));
      } finally {
        if (db.inTransaction) db.exec('ROLLBACK');
      }
      lead.store.afterImport();
    }
  } finally {
    closeLead(lead);
  }
  const table = (from: Map<string, number>): Steps => {
    const steps = [...from].map(([name, ms]) => ({ name, ms }));
    return [...steps, { name: 'sum of the steps', ms: steps.reduce((sum, s) => sum + s.ms, 0) }];
  };
  return { wall: table(wall), cpu: table(cpu) };
}

/**
 * Runs `work` with db.prepare memoised by SQL text (reader statements reset to plain rows): what
 * caching the statements that projectRow and mergePackage prepare per row or per call would save.
 * Only in this process, only for the bench; the app's code is unchanged.
 */
function withCachedPrepare<T>(db: Database.Database, work: () => T): T {
  const target = db as unknown as { prepare: (sql: string) => Database.Statement };
  const original = target.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  target.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = original(sql);
      cache.set(sql, statement);
    } else if (statement.reader) {
      statement.pluck(false).raw(false).expand(false);
    }
    return statement;
  };
  try {
    return work();
  } finally {
    delete (target as { prepare?: unknown }).prepare;
  }
}

export interface MergeBenchResult {
  readonly rows: BenchRow[];
  readonly profile: string[];
  readonly warnings: string[];
}

type StepTable = (title: string, steps: readonly { name: string; ms: number }[]) => string;
type FiguresTable = (title: string, columns: readonly string[], steps: readonly { name: string; values: readonly number[] }[]) => string;

export function runMergeBench(
  folder: BenchFolder,
  options: { runs: number; progress: (message: string) => void; stepTable: StepTable; figuresTable: FiguresTable },
): MergeBenchResult {
  const { progress, stepTable, figuresTable } = options;
  const dayRuns = Math.max(3, Math.min(7, options.runs));
  const scaleRuns = Math.max(2, Math.min(3, options.runs));
  const rows: BenchRow[] = [];
  const warnings: string[] = [];
  const profile: string[] = [];
  const checkCounts = (label: string, scenario: Scenario, runs: RunOfImports[]): void => {
    const expected = label === 'scale' ? rowsOf(SCALE_MEMBER) : rowsOf(DAY_MEMBER);
    if (scenario.rowsPerPackage.some((n) => n !== expected)) {
      warnings.push(`${label}: packages change ${scenario.rowsPerPackage.join(', ')} rows, not ${expected} each`);
    }
    for (const run of runs) {
      const added = run.summaries.reduce((n, s) => n + s.entriesAdded, 0);
      if (added !== scenario.entries) warnings.push(`${label}: ${added} entries added, the packages hold ${scenario.entries}`);
    }
  };

  progress(`merge, the real day: lead file + ${DAY_MEMBERS} member copies, ~${rowsOf(DAY_MEMBER)} rows changed each`);
  const day = buildScenario(folder, 'day', DAY_LEAD, DAY_MEMBERS, DAY_MEMBER, 7);
  progress(`merge, the real day: ${day.entries} entries in ${DAY_MEMBERS} packages (set up in ${day.setupSeconds.toFixed(1)} s); ${dayRuns} runs`);
  const dayRunsDone = measureImports(day, folder, dayRuns);
  checkCounts('the real day', day, dayRunsDone);
  const dayFloor = median(measureBareInserts(day, folder, dayRuns));
  const dayTotals = dayRunsDone.map((r) => r.totalMs);
  const dayLast = dayRunsDone[dayRunsDone.length - 1]!;
  rows.push({
    name: `the real day: import ${DAY_MEMBERS} packages (${DAY_MEMBERS} × ${rowsOf(DAY_MEMBER)} rows, ${day.entries} entries)`,
    value: median(dayTotals),
    unit: 'ms',
    goal: '< 1000',
    floor: dayFloor,
    kind: 'time',
    note:
      `${spread(dayTotals)}; read + decode ${median(dayRunsDone.map((r) => r.readMs)).toFixed(1)} ms of it; ` +
      `${dayLast.summaries.reduce((n, s) => n + s.conflictsOpened, 0)} conflicts opened; floor = read, gunzip, JSON.parse, bare INSERTs`,
  });

  progress(`merge, scale: lead file + ${SCALE_MEMBERS} member copies, ${rowsOf(SCALE_MEMBER)} rows changed each`);
  const scale = buildScenario(folder, 'scale', SCALE_LEAD, SCALE_MEMBERS, SCALE_MEMBER, 8);
  const pkgMb = fs.statSync(scale.packageFiles[0]!).size / MB;
  progress(
    `merge, scale: ${scale.entries} entries in ${SCALE_MEMBERS} packages of ~${pkgMb.toFixed(1)} MB ` +
      `(set up in ${scale.setupSeconds.toFixed(1)} s); ${scaleRuns} runs`,
  );
  const scaleRunsDone = measureImports(scale, folder, scaleRuns);
  checkCounts('scale', scale, scaleRunsDone);
  const scaleFloor = median(measureBareInserts(scale, folder, scaleRuns));
  const scaleTotals = scaleRunsDone.map((r) => r.totalMs / 1000);
  const scaleSeconds = median(scaleTotals);
  const scaleLast = scaleRunsDone[scaleRunsDone.length - 1]!;
  rows.push({
    name: `scale: import ${SCALE_MEMBERS} packages one after the other (${SCALE_MEMBERS} × ${rowsOf(SCALE_MEMBER)} rows)`,
    value: scaleSeconds,
    unit: 's',
    goal: '< 3',
    floor: scaleFloor / 1000,
    kind: 'time',
    note:
      `${spread(scaleTotals)}; read + decode ${(median(scaleRunsDone.map((r) => r.readMs)) / 1000).toFixed(2)} s of it; ` +
      `per package ${scaleLast.perPackageMs.map((ms) => ms.toFixed(0)).join(', ')} ms (last run); ` +
      `${scaleLast.summaries.reduce((n, s) => n + s.conflictsOpened, 0)} conflicts opened; floor = read, gunzip, JSON.parse, bare INSERTs`,
  });
  rows.push({
    name: `scale: entries imported per second (${scale.entries} entries)`,
    value: scale.entries / scaleSeconds,
    unit: 'entries/s',
    goal: `> ${Math.ceil(scale.entries / 3 / 1000) * 1000}`,
    floor: scale.entries / (scaleFloor / 1000),
    kind: 'rate',
    note: 'goal = the entries of the 8 packages in 3 s',
  });

  progress('merge: decoding one 5,000-row package, with and without passphrase');
  const first = scale.firstPackage;
  const decode = profileDecode(first, Math.max(5, options.runs));
  const perPackageRows = rowsOf(SCALE_MEMBER);
  rows.push({
    name: `decode a ${perPackageRows}-row package with passphrase (scrypt + AES-256-GCM)`,
    value: decode.sealed,
    unit: 'ms',
    goal: '-',
    floor: decode.floor,
    kind: 'time',
    note: `${first.entries.length} entries, ${(decode.plainBytes / MB).toFixed(1)} MB gzipped, ${(decode.jsonBytes / MB).toFixed(1)} MB JSON; floor = gunzip + JSON.parse`,
  });
  rows.push({
    name: 'decode the same package without passphrase',
    value: decode.plain,
    unit: 'ms',
    goal: '-',
    floor: decode.floor,
    kind: 'time',
  });

  progress('merge: dry-run preview of one 5,000-row package');
  const previewLead = freshLead(scale, folder);
  const preview: number[] = [];
  try {
    const previewOptions = { dryRun: true, importedBy: LEAD_ACTOR, sourceKind: 'package' as const, sourceName: 'preview', sha256: '0'.repeat(64) };
    const { db } = previewLead;
    mergePackage(db, first, previewOptions); // warm-up; a dry run leaves the file as it was
    for (let i = 0; i < Math.max(3, Math.min(5, options.runs)); i++) preview.push(...timeEach(1, () => mergePackage(db, first, previewOptions)));
    const left = previewLead.db.prepare('SELECT COUNT(*) FROM import_record').pluck().get() as number;
    if (left) warnings.push('dry-run preview left an import record behind');
  } finally {
    closeLead(previewLead);
  }
  rows.push({
    name: `dry-run preview of one ${perPackageRows}-row package (mergePackage, dryRun)`,
    value: median(preview),
    unit: 'ms',
    goal: '-',
    floor: null,
    kind: 'time',
    note: `${spread(preview)}; package already decoded`,
  });

  progress('merge: profiling the imports step by step');
  const stepRows = (result: { wall: Steps; cpu: Steps }, packages: number) =>
    result.wall.map((s, i) => ({ name: s.name, values: [s.ms, result.cpu[i]!.ms, s.ms / packages] }));
  const scaleSteps = profileImports(scale, folder);
  const daySteps = profileImports(day, folder);
  profile.push(
    stepTable(`decode one ${perPackageRows}-row package, step by step`, decode.steps),
    '',
    figuresTable(
      `scale: the ${SCALE_MEMBERS} imports (${SCALE_MEMBERS} × ${perPackageRows} rows) step by step, summed over the packages`,
      ['wall ms', 'cpu ms', 'wall ms / package'],
      stepRows(scaleSteps, SCALE_MEMBERS),
    ),
    '',
    figuresTable(
      `the real day: the ${DAY_MEMBERS} imports (${DAY_MEMBERS} × ${rowsOf(DAY_MEMBER)} rows) step by step, summed`,
      ['wall ms', 'cpu ms', 'wall ms / package'],
      stepRows(daySteps, DAY_MEMBERS),
    ),
    '',
    `merge setup (not timed above): the real day ${day.setupSeconds.toFixed(1)} s, scale ${scale.setupSeconds.toFixed(1)} s ` +
      `(lead file, member copies, members' edits through EngagementStore, buildPackage, encodePackage)`,
  );
  return { rows, profile, warnings };
}
