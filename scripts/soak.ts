/**
 * `npm run soak`: the crash-safety kill test at scale (not part of `npm test`). The same machinery as
 * tests/integration/crash-safety.test.ts (crash-rounds.ts), 500 SIGKILLs instead of 50, and instead
 * of stopping at the first problem it counts them: corrupt files and lost acknowledged edits (goal
 * 0 and 0). A corrupt file is kept in the temp folder, and the rounds go on with a fresh one.
 * Knobs: SOAK_ROUNDS (500), CRASH_SEED (random; printed, replays the same kill delays).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../tests/helpers/prng.ts';
import { describeMachine } from '../tests/bench/machine.ts';
import { machineLines } from '../tests/bench/report.ts';
import {
  CrashLedger,
  EditingChild,
  MAX_KILL_DELAY_MS,
  buildCrashChild,
  createCrashEngagement,
  killLeftoverChildren,
  type ProblemKind,
} from '../tests/integration/crash-rounds.ts';

const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 500);
const WORKER_DIR = path.resolve(import.meta.dirname, '../dist/workers');
/** Problems printed in full; beyond these only counted. */
const PRINTED = 20;

const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 31);
const random = mulberry32(seed);
const machine = describeMachine();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-soak-'));
process.once('SIGINT', () => {
  killLeftoverChildren();
  process.exit(130);
});

console.log(`[soak] ${ROUNDS} SIGKILLs, seed=${seed} (replay with CRASH_SEED=${seed}), in ${dir}`);
const started = performance.now();
const childScript = await buildCrashChild(dir);
const childAppData = path.join(dir, 'child-app-data');
const file = path.join(dir, 'crash.iso20k');
const ledger = new CrashLedger(
  file,
  await createCrashEngagement(childAppData, WORKER_DIR, file),
  { recovered: path.join(dir, 'recovered'), setAside: path.join(dir, 'set-aside') },
  WORKER_DIR,
);

const counts = new Map<ProblemKind, number>();
let corruptFiles = 0;
let printed = 0;
const spawnChild = (round: number): EditingChild => new EditingChild(childScript, [childAppData, WORKER_DIR, file, String(round)]);
try {
  let next = spawnChild(0);
  for (let round = 0; round < ROUNDS; round++) {
    const delayMs = Math.floor(random() * MAX_KILL_DELAY_MS);
    const child = next;
    const killed = await child.editThenKill(delayMs);
    // As in the test, the next child starts its service while this round is checked (and the file
    // perhaps replaced): it opens the file only on "go".
    if (round + 1 < ROUNDS) next = spawnChild(round + 1);
    const { problems } = ledger.checkRound(round, killed.acked);
    problems.unshift(...killed.problems);
    for (const problem of problems) {
      counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
      if (printed++ < PRINTED) console.log(`[soak] round ${round} (kill after ${delayMs} ms, ${killed.acked} acknowledged): ${problem.kind}: ${problem.message}`);
    }
    if (problems.some((problem) => problem.kind === 'corrupt')) {
      // Keep the corrupt file for a look, and go on with a new one: later rounds would only repeat it.
      corruptFiles++;
      for (const name of fs.readdirSync(dir).filter((n) => n.startsWith('crash.iso20k'))) {
        fs.renameSync(path.join(dir, name), path.join(dir, `corrupt-round-${round}-${name}`));
      }
      ledger.restart(await createCrashEngagement(childAppData, WORKER_DIR, file));
    }
    if ((round + 1) % 50 === 0) process.stderr.write(`[soak] ${round + 1} kills, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
} finally {
  killLeftoverChildren();
}

const seconds = (performance.now() - started) / 1000;
const count = (kind: ProblemKind): number => counts.get(kind) ?? 0;
console.log(`\nAudit Workbench crash soak — ${new Date().toISOString()}`);
console.log(machineLines(machine));
console.log(`\n${ROUNDS} SIGKILLs (seed ${seed}) in ${seconds.toFixed(0)} s (${((seconds * 1000) / ROUNDS).toFixed(0)} ms a kill)`);
console.log(`corrupt files: ${corruptFiles} (goal 0)`);
console.log(`lost acknowledged edits: ${count('lost')} (goal 0)`);
console.log(`refused to open until a journal was set aside: ${count('refused')}`);
console.log(`edits found that were never written: ${count('phantom')}; children that ended other than killed: ${count('child')}; hot journals rolled back without a copy kept: ${count('recovery')}`);
console.log(
  `${ledger.totalAcked} acknowledged edits, ${ledger.hotJournals} hot journals rolled back, ${ledger.inFlightLanded} unacknowledged in-flight edits found committed`,
);
const clean = [...counts.values()].every((n) => n === 0);
if (clean) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`kept for a look: ${dir}`);
process.exit(clean ? 0 : 1);
