/**
 * The machinery of the kill test, shared by crash-safety.test.ts (50 kills, fails on the first
 * problem) and `npm run soak` (500 kills, counts the problems): a child edits one engagement through
 * the real service (crash-child.ts) until it is SIGKILLed; then the file is opened as the app would
 * after a crash and every promise of DESIGN.md is checked ("what the status bar shows as Saved
 * survives any crash"). Nothing here imports vitest: the checks return problems, the callers decide.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { EngagementSession, type OpenRequest } from '../../electron/store/engagement-session.ts';
import { HOT_JOURNAL_MAGIC } from '../../electron/store/file-format.ts';
import { isStoreError } from '../../shared/store-errors.ts';
import { bundleChildScript } from '../helpers/child-script.ts';
import { sampleEngagement } from '../helpers/engagements.ts';
import { ACK_PREFIX, GO_LINE, READY_LINE, STARTED_LINE, plannedEdit } from './crash-plan.ts';

/** Kill moments are spread over this many ms after the child is ready (a few dozen edits). */
export const MAX_KILL_DELAY_MS = 250;

/** The checker only reads, so its actor never gets a replica in the file. */
const CHECKER_ACTOR = '0190a6a4-0000-7000-8000-00000000c4ec';

/**
 * corrupt: the file does not open (even with the user's consent), fails a check of its pages, log or
 * chain, or keeps a hot journal; refused: it opens only after the user agreed to set a journal aside;
 * lost: an acknowledged edit is missing; phantom: a value that was never written; child: the child
 * ended or spoke other than planned; recovery: no copy kept before a hot journal was rolled back.
 */
export type ProblemKind = 'corrupt' | 'refused' | 'lost' | 'phantom' | 'child' | 'recovery';

/** Where consent to recover puts its copies: hot journals rolled back, foreign journals set aside. */
export interface RecoveryFolders {
  readonly recovered: string;
  readonly setAside: string;
}

export interface Problem {
  readonly kind: ProblemKind;
  readonly message: string;
}

const children = new Set<ChildProcess>();

/** SIGKILLs every child still running: a failed round must not leave one editing the file. */
export function killLeftoverChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}

/** The child bundled like the workers (no TypeScript loader): it starts in about half the time. */
export async function buildCrashChild(dir: string): Promise<string> {
  return bundleChildScript(path.join(import.meta.dirname, 'crash-child.ts'), dir);
}

/**
 * The child's installation and the engagement file. The installation is made once, so every round
 * writes as the same actor and replica: each crash lands in the middle of one chain that later rounds
 * continue. Returns the engagement's objectives as created.
 */
export async function createCrashEngagement(appDataDir: string, workerDir: string, file: string): Promise<string> {
  const setup = await EngagementService.start({ appDataDir, workerDir, rollingBackupIntervalMs: 0 });
  try {
    await setup.setInstallationUser('Dana Auditor', 'DA');
    const created = await setup.create(file, sampleEngagement());
    return created.summary.engagement!.objectives;
  } finally {
    await setup.shutdown();
  }
}

/** One child process, read line by line; only complete lines count (a line cut by the kill was never printed). */
export class EditingChild {
  private readonly child: ChildProcess;
  private output = '';
  private errors = '';
  private readonly closed: Promise<NodeJS.Signals | null>;

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(this.child);
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.errors += chunk));
    // Writing "go" to a child that already died must fail the round by its exit, not crash the caller.
    this.child.stdin!.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.child.once('close', (_code, signal) => resolve(signal)));
  }

  lines(): string[] {
    return this.output.split('\n').slice(0, -1);
  }

  async waitForLine(line: string): Promise<void> {
    const deadline = performance.now() + 20_000;
    while (!this.lines().includes(line)) {
      if (this.child.exitCode !== null || performance.now() > deadline) {
        this.child.kill('SIGKILL');
        throw new Error(`the child never printed "${line}" (exit ${String(this.child.exitCode)}): ${this.errors}`);
      }
      await sleep(2);
    }
  }

  go(): void {
    this.child.stdin!.write(`${GO_LINE}\n`);
  }

  /**
   * One round: waits until the child's service is up, lets it open the file and start editing,
   * kills it `delayMs` later. Returns what kill() returns.
   */
  async editThenKill(delayMs: number): Promise<{ acked: number; problems: Problem[] }> {
    await this.waitForLine(STARTED_LINE);
    this.go();
    await this.waitForLine(READY_LINE);
    await sleep(delayMs);
    return this.kill();
  }

  /** SIGKILLs the child; returns how many edits it acknowledged, and anything wrong in how it ended. */
  async kill(): Promise<{ acked: number; problems: Problem[] }> {
    this.child.kill('SIGKILL');
    const signal = await this.closed;
    children.delete(this.child);
    const problems: Problem[] = [];
    // Any other end means the child failed on its own: a store error, not a crash we caused.
    if (signal !== 'SIGKILL') problems.push({ kind: 'child', message: `the child stopped by itself (${String(signal)}): ${this.errors}` });
    const [started, ready, ...acks] = this.lines();
    if (started !== STARTED_LINE || ready !== READY_LINE) problems.push({ kind: 'child', message: `the child began with ${JSON.stringify([started, ready])}` });
    const outOfOrder = acks.findIndex((line, index) => line !== `${ACK_PREFIX}${index}`);
    if (outOfOrder >= 0) problems.push({ kind: 'child', message: `acknowledgement ${outOfOrder} reads "${acks[outOfOrder]}"` });
    return { acked: acks.length, problems };
  }
}

export function journalIsHot(file: string): boolean {
  const journal = `${file}-journal`;
  if (!fs.existsSync(journal)) return false;
  const head = fs.readFileSync(journal).subarray(0, HOT_JOURNAL_MAGIC.length);
  return head.equals(HOT_JOURNAL_MAGIC);
}

/**
 * Opens as the app would after a crash: the user is asked, and agrees, to roll back a hot journal
 * (or, when the open is refused for a journal it calls foreign, to set that journal aside).
 * The checker runs the engagement worker's own session in-process: the same open, checks and reads
 * as the service, without a worker to spawn per round (that would cost a quarter of the test's time).
 */
function openAfterCrash(file: string, hot: boolean, folders: RecoveryFolders, workerDir: string): { session: EngagementSession | null; problems: Problem[] } {
  const session = new EngagementSession(path.join(workerDir, 'vacuum-worker.cjs'));
  const request = { path: file, actorId: CHECKER_ACTOR };
  let refusal: unknown = null;
  try {
    session.open(request);
  } catch (error) {
    refusal = error;
  }
  if (!hot) {
    if (refusal === null) return { session, problems: [] };
    const problem: Problem = { kind: 'refused', message: `the file did not open after the crash: ${String(refusal)}` };
    if (!isStoreError(refusal, 'FOREIGN_JOURNAL')) return { session: null, problems: [{ ...problem, kind: 'corrupt' }] };
    // The app offers to set such a journal aside; do so, to go on checking what the file holds.
    return reopen(session, { ...request, setAsideForeignJournalInto: folders.setAside }, [problem]);
  }
  // preopen must refuse a hot journal without consent: SQLite would roll it back silently.
  if (!isStoreError(refusal, 'HOT_JOURNAL')) {
    if (refusal === null) session.close();
    return { session: null, problems: [{ kind: 'corrupt', message: `a hot journal was left; the open gave ${String(refusal)}` }] };
  }
  return reopen(session, { ...request, recoverHotJournalInto: folders.recovered }, []);
}

function reopen(session: EngagementSession, request: OpenRequest, problems: Problem[]): { session: EngagementSession | null; problems: Problem[] } {
  try {
    session.open(request);
    return { session, problems };
  } catch (error) {
    return { session: null, problems: [...problems, { kind: 'corrupt', message: `the file did not open with consent: ${String(error)}` }] };
  }
}

/** What the check after one kill found. */
export interface RoundReport {
  readonly problems: Problem[];
  readonly hot: boolean;
}

/**
 * What the file must hold across the kills: every site seen so far and the engagement's objectives,
 * both derived from the plan (crash-plan.ts), never from what the child said beyond its acknowledgements.
 */
export class CrashLedger {
  private readonly knownSites = new Set<string>();
  hotJournals = 0;
  inFlightLanded = 0;
  totalAcked = 0;

  constructor(
    private readonly file: string,
    private objectives: string,
    private readonly folders: RecoveryFolders,
    private readonly workerDir: string,
  ) {}

  get sites(): number {
    return this.knownSites.size;
  }

  /** Starts again on a fresh file (the soak, after a corrupt one was set aside). */
  restart(objectives: string): void {
    this.knownSites.clear();
    this.objectives = objectives;
  }

  /** Checks the file after the kill of round `round`, whose child acknowledged `acked` edits. */
  checkRound(round: number, acked: number): RoundReport {
    this.totalAcked += acked;
    const hot = journalIsHot(this.file);
    if (hot) this.hotJournals++;
    const { session: opened, problems } = openAfterCrash(this.file, hot, this.folders, this.workerDir);
    if (!opened) return { problems, hot };
    let sites: string[];
    let objectives: string;
    try {
      sites = opened.listRows('site').map((row) => String(row.name));
      objectives = opened.getEngagement().objectives;
      const chain = opened.verifyChain();
      if (!chain.ok || chain.replicas !== 1) problems.push({ kind: 'corrupt', message: `change-log chain: ${JSON.stringify(chain)}` });
    } catch (error) {
      return { problems: [...problems, { kind: 'corrupt', message: `reading the file failed: ${String(error)}` }], hot };
    } finally {
      opened.close();
    }
    if (hot) {
      // Consent to roll back means a copy of file and journal is kept first, in case it was wrong.
      const kept = fs.readdirSync(this.folders.recovered).filter((name) => name.endsWith('-journal')).length;
      if (kept !== this.hotJournals) problems.push({ kind: 'recovery', message: `${kept} journal copies kept for ${this.hotJournals} hot journals` });
    }
    problems.push(...this.checkSites(round, acked, sites), ...this.checkObjectives(round, acked, objectives), ...checkPages(this.file, objectives));
    return { problems, hot };
  }

  /** Everything seen before, every acknowledged site of this round, and at most the one edit in flight. */
  private checkSites(round: number, acked: number, sites: readonly string[]): Problem[] {
    const problems: Problem[] = [];
    const inFlight = plannedEdit(round, acked);
    const allowed = new Set(this.knownSites);
    const required = new Set(this.knownSites);
    for (let index = 0; index < acked; index++) {
      const edit = plannedEdit(round, index);
      if (edit.kind === 'site') {
        allowed.add(edit.name);
        required.add(edit.name);
      }
    }
    if (inFlight.kind === 'site') allowed.add(inFlight.name);
    if (new Set(sites).size !== sites.length) problems.push({ kind: 'corrupt', message: 'a site was written twice' });
    for (const name of required) if (!sites.includes(name)) problems.push({ kind: 'lost', message: `acknowledged ${name} is missing` });
    for (const name of sites) if (!allowed.has(name)) problems.push({ kind: 'phantom', message: `${name} was never written` });
    if (inFlight.kind === 'site' && sites.includes(inFlight.name)) this.inFlightLanded++;
    // What the file holds now is what the next round must keep (a loss is counted once, not again).
    this.knownSites.clear();
    for (const name of sites) this.knownSites.add(name);
    return problems;
  }

  /** The engagement field: the last acknowledged value, or the one in flight. */
  private checkObjectives(round: number, acked: number, found: string): Problem[] {
    for (let index = 0; index < acked; index++) {
      const edit = plannedEdit(round, index);
      if (edit.kind === 'objectives') this.objectives = edit.value;
    }
    const inFlight = plannedEdit(round, acked);
    if (inFlight.kind === 'objectives' && found === inFlight.value) {
      this.objectives = inFlight.value;
      this.inFlightLanded++;
    }
    if (found === this.objectives) return [];
    const expected = this.objectives;
    this.objectives = found;
    // A value of this round planned after the acknowledged ones (in flight excepted, handled above)
    // was never written; any other value is an older one, so an acknowledged edit was lost.
    const planned = /^objectives r(\d+)-e(\d+)$/.exec(found);
    const later = planned !== null && Number(planned[1]) === round && Number(planned[2]) >= acked;
    return [{ kind: later ? 'phantom' : 'lost', message: `objectives are "${found}", expected "${expected}"` }];
  }
}

/** The session has closed the file: now a read-only connection may look at every page. */
function checkPages(file: string, objectives: string): Problem[] {
  const problems: Problem[] = [];
  const corrupt = (message: string): void => {
    problems.push({ kind: 'corrupt', message });
  };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity: unknown = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') corrupt(`integrity_check: ${String(integrity)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length) corrupt(`foreign_key_check: ${JSON.stringify(foreignKeys)}`);
    // The row and its log entries were written in one transaction: no row without its entry,
    // and the newest logged value of the field is the value in the row.
    const unlogged = db
      .prepare("SELECT count(*) FROM site WHERE id NOT IN (SELECT row_id FROM change_log WHERE entity = 'site' AND field = 'name')")
      .pluck()
      .get();
    if (unlogged !== 0) corrupt(`${String(unlogged)} sites without a change-log entry`);
    const logged = db
      .prepare(
        `SELECT v.new_value FROM change_log l JOIN change_value v USING (replica_id, seq)
         WHERE l.entity = 'engagement' AND l.field = 'objectives' ORDER BY l.hlc DESC LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
    if (logged !== undefined && JSON.parse(logged) !== objectives) corrupt(`the newest logged objectives ${logged} are not the row's "${objectives}"`);
  } finally {
    db.close();
  }
  if (journalIsHot(file)) corrupt('a hot journal is left after a clean close');
  return problems;
}
