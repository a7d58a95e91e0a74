import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreError, StoreError } from '../../shared/store-errors.ts';
import { makeBadFileCorpus, makeEngagementFile, type BadFileCase, type BadFileExpectation } from '../../tests/fixtures/bad-files.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { WORKER_DIR, tempDir } from '../../tests/helpers/temp.ts';
import { EngagementService } from '../engagement/engagement-service.ts';
import { openEngagementFile } from './engagement-file.ts';

// The corpora are built while collecting, so each case gets its own named test. tempDir() is
// emptied after every test, so these folders are made and removed by hand.
const corpusRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-bad-files-'));
afterAll(() => fs.rmSync(corpusRoot, { recursive: true, force: true }));

/** A separate copy of the corpus per consumer: a store bug that changes one file cannot hide in another test. */
function corpus(name: string): BadFileCase[] {
  const dir = path.join(corpusRoot, name);
  fs.mkdirSync(dir);
  return makeBadFileCorpus(dir);
}
const serviceCorpus = corpus('service');
const directCorpus = corpus('direct');
const byName = (cases: BadFileCase[]): [string, BadFileCase][] => cases.map((c) => [c.name, c]);

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every entry in the case folder with its SHA-256: catches changed bytes and files SQLite left beside. */
function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    entries[name] = fs.statSync(full).isDirectory() ? 'directory' : sha256(full);
  }
  return entries;
}

type Outcome = { code: string; params: Record<string, unknown> } | { readOnlyReason: string | null };

function errorOutcome(error: unknown): Outcome {
  if (!isStoreError(error)) throw error;
  return { code: error.code, params: error.params };
}

/** Compares what happened with the case's expectation (params only where the case names some). */
function expectOutcome(outcome: Outcome, expected: BadFileExpectation): void {
  if ('code' in expected) {
    expect(outcome).toMatchObject({ code: expected.code, params: expected.params ?? {} });
  } else if ('readOnlyReason' in expected) {
    expect(outcome).toEqual({ readOnlyReason: expected.readOnlyReason });
  } else {
    throw new Error(`the case opens (${expected.opens}): journal-open-cases.test.ts checks it`);
  }
}

async function startService(): Promise<{ service: EngagementService; appData: string }> {
  const appData = fs.mkdtempSync(path.join(corpusRoot, 'app-data-'));
  const service = await EngagementService.start({ appDataDir: appData, workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
  await service.setInstallationUser('Dana Auditor', 'DA');
  return { service, appData };
}

describe('the bad-file corpus', () => {
  it('gives every kind of damage its own code', () => {
    const codes = serviceCorpus.map((c) =>
      'code' in c.expected ? c.expected.code : 'readOnlyReason' in c.expected ? `read-only:${c.expected.readOnlyReason}` : `opens:${c.expected.opens}`,
    );
    const shared = [...new Set(codes)].filter((code) => codes.filter((c) => c === code).length > 1).sort();
    // Two cuts are one kind of damage; a PDF and noise are both "not SQLite"; another program's
    // database and a wrong application_id are both "not ours": the preopen check cannot tell them apart;
    // a crash before or inside COMMIT is the same unfinished change.
    // Random bytes, text and another database's journal are all "a journal that is not ours".
    expect(shared).toEqual(['HOT_JOURNAL', 'NOT_ENGAGEMENT', 'NOT_SQLITE', 'TRUNCATED', 'opens:foreign_journal']);
    expect(serviceCorpus.length).toBeGreaterThanOrEqual(21);
  });
});

describe('EngagementService.openFile on bad files (built worker bundle)', () => {
  let service: EngagementService;
  beforeAll(async () => {
    ({ service } = await startService());
  });
  afterAll(() => service.shutdown());

  it.each(byName(serviceCorpus.filter((c) => !('opens' in c.expected))))('%s: gives its own answer and leaves the folder byte-identical', async (_name, badCase) => {
    const folder = path.dirname(badCase.file);
    const before = snapshot(folder);
    const outcome = await service.openFile(badCase.file).then(
      async (opened): Promise<Outcome> => {
        expect(opened.summary.readOnly).toBe(true);
        await service.close(opened.handle);
        return { readOnlyReason: opened.summary.readOnlyReason };
      },
      errorOutcome,
    );
    expectOutcome(outcome, badCase.expected);
    // Hashed only now: the main thread never opens a descriptor on a file a worker has open.
    expect(snapshot(folder)).toEqual(before);
  });
});

describe('openEngagementFile on bad files (in process)', () => {
  it.each(byName(directCorpus.filter((c) => !('opens' in c.expected))))('%s: gives its own answer and leaves the folder byte-identical', (_name, badCase) => {
    const folder = path.dirname(badCase.file);
    const before = snapshot(folder);
    let outcome: Outcome;
    try {
      const opened = openEngagementFile(badCase.file);
      expect(opened.readOnly).toBe(true);
      opened.db.close();
      outcome = { readOnlyReason: opened.readOnlyReason };
    } catch (error) {
      outcome = errorOutcome(error);
    }
    expectOutcome(outcome, badCase.expected);
    expect(snapshot(folder)).toEqual(before);
  });
});

/** Holds an exclusive SQLite lock on `file` from another process until killed. */
async function lockInAnotherProcess(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require(process.argv[1]);
    const db = new Database(process.argv[2], { fileMustExist: true });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    setInterval(() => undefined, 60_000);
  `;
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', script, betterSqlite3, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the locking process exited early (${code})`)));
  });
  return child;
}

describe('opening, beyond the corpus', () => {
  let service: EngagementService;
  let appData: string;
  beforeAll(async () => {
    ({ service, appData } = await startService());
  });
  afterAll(() => service.shutdown());

  it('opens a file without a write bit read-only and refuses edits', async () => {
    const file = path.join(tempDir(), 'received.iso20k');
    makeEngagementFile(file);
    fs.chmodSync(file, 0o444);
    const before = snapshot(path.dirname(file));
    const opened = await service.openFile(file);
    expect(opened.summary).toMatchObject({ readOnly: true, readOnlyReason: 'file_mode' });
    await expect(service.updateEngagement(opened.handle, { scope: 'changed' })).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(service.createRow(opened.handle, 'site', { name: 'Berlin', kind: 'central' })).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    await service.close(opened.handle);
    expect(snapshot(path.dirname(file))).toEqual(before);
  });

  it('reports a file locked by another program as LOCKED and leaves it byte-identical', async () => {
    const file = path.join(tempDir(), 'locked.iso20k');
    makeEngagementFile(file);
    const child = await lockInAnotherProcess(file);
    try {
      const before = snapshot(path.dirname(file));
      const error = await service.openFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('LOCKED');
      expect(() => openEngagementFile(file)).toThrow(expect.objectContaining({ code: 'LOCKED' }));
      expect(snapshot(path.dirname(file))).toEqual(before);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('recovers a hot journal with consent: committed data back, file and journal kept aside', async () => {
    const hot = corpus('consent').find((c) => c.name === 'hot-journal')!;
    const before = snapshot(path.dirname(hot.file));
    // Without its journal the file shows the crashed writer's spilled pages: recovery has work to do.
    const alone = path.join(tempDir(), 'alone.iso20k');
    fs.copyFileSync(hot.file, alone);
    const raw = new Database(alone, { readonly: true });
    expect(raw.prepare('SELECT client_name FROM engagement').pluck().get()).toBe('Half-written client');
    raw.close();

    const opened = await service.openFile(hot.file, { recoverHotJournal: true });
    expect(opened.summary.readOnly).toBe(false);
    // The crashed writer renamed the client and added 3000 sites; none of it was committed.
    expect(opened.summary.engagement?.client_name).toBe(sampleEngagement().client_name);
    expect(await service.listRows(opened.handle, 'site')).toEqual([]);
    expect(await service.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
    await service.close(opened.handle);

    const recovered = path.join(appData, 'backups', 'recovered');
    const kept = fs.readdirSync(recovered).sort();
    expect(kept).toHaveLength(2);
    const journalCopy = kept.find((f) => f.endsWith('-journal'))!;
    const fileCopy = kept.find((f) => !f.endsWith('-journal'))!;
    expect(sha256(path.join(recovered, fileCopy))).toBe(before['engagement.iso20k']);
    expect(sha256(path.join(recovered, journalCopy))).toBe(before['engagement.iso20k-journal']);
  });

  it('recovers a crash inside COMMIT (header already grown) instead of calling the file cut off', async () => {
    const hot = corpus('mid-commit').find((c) => c.name === 'hot-journal-mid-commit')!;
    const opened = await service.openFile(hot.file, { recoverHotJournal: true });
    expect(opened.summary.engagement?.client_name).toBe(sampleEngagement().client_name);
    expect(await service.listRows(opened.handle, 'site')).toEqual([]);
    await service.close(opened.handle);
  });
});
