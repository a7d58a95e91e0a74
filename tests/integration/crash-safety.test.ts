import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import type { ChainVerdict } from '../../electron/store/change-log.ts';
import { EngagementSession } from '../../electron/store/engagement-session.ts';
import { HOT_JOURNAL_MAGIC } from '../../electron/store/file-format.ts';
import type { Engagement } from '../../shared/engagement.ts';
import { isStoreError } from '../../shared/store-errors.ts';
import { sampleEngagement } from '../helpers/engagements.ts';
import { WORKER_DIR, tempDir } from '../helpers/temp.ts';
import { ACK_PREFIX, GO_LINE, READY_LINE, STARTED_LINE, plannedEdit } from './crash-plan.ts';
import { mulberry32 } from '../helpers/prng.ts';

/**
 * DESIGN.md: "what the status bar shows as Saved survives any crash". A child process edits one
 * engagement through the real service and is SIGKILLed at a random moment, again and again on the
 * same file; after each kill the file must open (rolling back a hot journal with consent), pass
 * integrity_check, hold every acknowledged edit and nothing beyond the one edit in flight, and its
 * change-log chain must verify.
 */

const ROUNDS = 50;
/** Kill moments are spread over this many ms after the child is ready (a few dozen edits). */
const MAX_KILL_DELAY_MS = 250;


/** The parent only reads, so its actor never gets a replica in the file. */
const CHECKER_ACTOR = '0190a6a4-0000-7000-8000-00000000c4ec';

const children = new Set<ChildProcess>();
afterEach(() => {
  // A failed assertion must not leave a child behind (it would hold the file's lock and keep editing).
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
});

/** One child process, read line by line; only complete lines count (a line cut by the kill was never printed). */
class EditingChild {
  private readonly child: ChildProcess;
  private output = '';
  private errors = '';
  private readonly closed: Promise<NodeJS.Signals | null>;

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(this.child);
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.errors += chunk));
    // Writing "go" to a child that already died must fail the round by its exit, not crash vitest.
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

  /** SIGKILLs the child and returns how many edits it acknowledged. */
  async kill(): Promise<number> {
    this.child.kill('SIGKILL');
    const signal = await this.closed;
    children.delete(this.child);
    // Any other end means the child failed on its own: a store error, not a crash we caused.
    expect(signal, `the child stopped by itself: ${this.errors}`).toBe('SIGKILL');
    const [started, ready, ...acks] = this.lines();
    expect([started, ready]).toEqual([STARTED_LINE, READY_LINE]);
    acks.forEach((line, index) => expect(line).toBe(`${ACK_PREFIX}${index}`));
    return acks.length;
  }
}

function journalIsHot(file: string): boolean {
  const journal = `${file}-journal`;
  if (!fs.existsSync(journal)) return false;
  const head = fs.readFileSync(journal).subarray(0, HOT_JOURNAL_MAGIC.length);
  return head.equals(HOT_JOURNAL_MAGIC);
}

/**
 * Opens as the app would after a crash: the user is asked, and agrees, to roll back a hot journal.
 * The parent runs the engagement worker's own session in-process: the same open, checks and reads
 * as the service, without a worker to spawn per round (that would cost a quarter of the test's time).
 */
function openAfterCrash(file: string, hot: boolean, recoveredInto: string): EngagementSession {
  const session = new EngagementSession(path.join(WORKER_DIR, 'vacuum-worker.cjs'));
  const request = { path: file, actorId: CHECKER_ACTOR };
  let refusal: unknown = null;
  try {
    session.open(request);
  } catch (error) {
    refusal = error;
  }
  if (!hot) {
    expect(refusal, 'the file did not open after the crash').toBeNull();
    return session;
  }
  // preopen must refuse a hot journal without consent: SQLite would roll it back silently.
  expect(isStoreError(refusal, 'HOT_JOURNAL'), `a hot journal was left; the open gave ${String(refusal)}`).toBe(true);
  session.open({ ...request, recoverHotJournalInto: recoveredInto });
  return session;
}

describe('crash safety: an acknowledged edit survives SIGKILL at any moment', () => {
  it(`keeps the file whole and every acknowledged edit across ${ROUNDS} kills`, { timeout: 180_000 }, async () => {
    const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 31);
    console.log(`[crash-safety] seed=${seed} rounds=${ROUNDS} (rerun the same kill delays with CRASH_SEED=${seed})`);
    const random = mulberry32(seed);
    const started = performance.now();

    const dir = tempDir('aw-crash-');
    // The child runs the service bundled like the workers (no TypeScript loader): it starts in about
    // half the time, which is what keeps 50 rounds inside a minute on 2 cores.
    const childScript = path.join(dir, 'crash-child.mjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'crash-child.ts')],
      outfile: childScript,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'warning',
    });

    // The child's installation is made once, so every round writes as the same actor and replica:
    // each crash lands in the middle of one chain that later rounds continue.
    const childAppData = path.join(dir, 'child-app-data');
    const file = path.join(dir, 'crash.iso20k');
    const setup = await EngagementService.start({ appDataDir: childAppData, workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
    await setup.setInstallationUser('Dana Auditor', 'DA');
    const created = await setup.create(file, sampleEngagement());
    let objectives = created.summary.engagement!.objectives;
    await setup.shutdown();

    const recoveredInto = path.join(dir, 'recovered');
    const knownSites = new Set<string>();
    let hotJournals = 0;
    let inFlightLanded = 0;
    let totalAcked = 0;
    const spawnChild = (round: number): EditingChild =>
      new EditingChild(childScript, [childAppData, WORKER_DIR, file, String(round)]);
    let next = spawnChild(0);
    for (let round = 0; round < ROUNDS; round++) {
      const delayMs = Math.floor(random() * MAX_KILL_DELAY_MS);
      const child = next;
      await child.waitForLine(STARTED_LINE);
      child.go();
      await child.waitForLine(READY_LINE);
      await sleep(delayMs);
      const acked = await child.kill();
      // The next child starts its service while this round is checked; it opens the file only on "go".
      if (round + 1 < ROUNDS) next = spawnChild(round + 1);
      totalAcked += acked;
      const context = `round ${round}, seed ${seed}, kill after ${delayMs} ms, ${acked} edits acknowledged`;

      const hot = journalIsHot(file);
      if (hot) hotJournals++;
      const session = openAfterCrash(file, hot, recoveredInto);
      let sites: string[];
      let engagement: Engagement;
      let chain: ChainVerdict;
      try {
        sites = session.listRows('site').map((row) => String(row.name));
        engagement = session.getEngagement();
        chain = session.verifyChain();
      } finally {
        session.close();
      }
      if (hot) {
        // Consent to roll back means a copy of file and journal is kept first, in case it was wrong.
        expect(fs.readdirSync(recoveredInto).filter((name) => name.endsWith('-journal')).length).toBe(hotJournals);
      }

      expect(chain, context).toMatchObject({ ok: true, replicas: 1 });

      // Sites: everything seen before, every acknowledged one of this round, and at most the
      // edit in flight when the kill came (committed but not yet acknowledged).
      const inFlight = plannedEdit(round, acked);
      const allowed = new Set(knownSites);
      const required = new Set(knownSites);
      for (let index = 0; index < acked; index++) {
        const edit = plannedEdit(round, index);
        if (edit.kind === 'site') {
          allowed.add(edit.name);
          required.add(edit.name);
        }
      }
      if (inFlight.kind === 'site') allowed.add(inFlight.name);
      expect(new Set(sites).size, `${context}: a site was written twice`).toBe(sites.length);
      for (const name of required) expect(sites, `${context}: acknowledged ${name} is missing`).toContain(name);
      for (const name of sites) expect(allowed.has(name), `${context}: ${name} was never written`).toBe(true);
      if (inFlight.kind === 'site' && sites.includes(inFlight.name)) inFlightLanded++;
      for (const name of sites) knownSites.add(name);

      // The engagement field: the last acknowledged value, or the one in flight.
      for (let index = 0; index < acked; index++) {
        const edit = plannedEdit(round, index);
        if (edit.kind === 'objectives') objectives = edit.value;
      }
      if (inFlight.kind === 'objectives' && engagement.objectives === inFlight.value) {
        objectives = inFlight.value;
        inFlightLanded++;
      }
      expect(engagement.objectives, context).toBe(objectives);

      // The session has closed the file: now a read-only connection may look at every page.
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(db.pragma('foreign_key_check'), context).toEqual([]);
        // The row and its log entries were written in one transaction: no row without its entry,
        // and the newest logged value of the field is the value in the row.
        const unlogged = db
          .prepare(
            "SELECT count(*) FROM site WHERE id NOT IN (SELECT row_id FROM change_log WHERE entity = 'site' AND field = 'name')",
          )
          .pluck()
          .get();
        expect(unlogged, context).toBe(0);
        const loggedObjectives = db
          .prepare(
            `SELECT v.new_value FROM change_log l JOIN change_value v USING (replica_id, seq)
             WHERE l.entity = 'engagement' AND l.field = 'objectives' ORDER BY l.hlc DESC LIMIT 1`,
          )
          .pluck()
          .get() as string | undefined;
        if (loggedObjectives !== undefined) expect(JSON.parse(loggedObjectives), context).toBe(objectives);
      } finally {
        db.close();
      }
      expect(journalIsHot(file), `${context}: a hot journal is left after a clean close`).toBe(false);
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[crash-safety] seed=${seed}: ${ROUNDS} kills, ${totalAcked} acknowledged edits, ${hotJournals} hot journals ` +
        `rolled back, ${inFlightLanded} unacknowledged in-flight edits found committed, ${knownSites.size} sites, ${seconds} s`,
    );
    // The kills must have hit the edit stream, or the test proved nothing.
    expect(totalAcked).toBeGreaterThan(ROUNDS);
  });
});
