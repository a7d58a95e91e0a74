import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROLLING_BACKUP_LIMITS, type RollingBackupLimits } from '../../../shared/backup-limits.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { AppDataStore, type BackupRecord } from './app-data-store.ts';

const ENGAGEMENT = 'eng-a';
const OTHER = 'eng-b';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A real file of the given size in the engagement's backup folder (sparse: large sizes cost nothing). */
function backupFile(store: AppDataStore, engagementId: string, name: string, size: number): string {
  const folder = store.backupFolder(engagementId);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.iso20k`);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, size);
  return file;
}

function addBackup(store: AppDataStore, engagementId: string, name: string, size: number, reason: BackupRecord['reason'] = 'rolling'): BackupRecord {
  const file = reason === 'rolling' ? backupFile(store, engagementId, name, size) : path.join(store.folder, 'backups', 'migration', `${name}.iso20k`);
  if (reason !== 'rolling') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(size));
  }
  return store.addBackup({
    engagementId,
    clientName: `Client ${engagementId}`,
    sourcePath: `/work/${engagementId}.iso20k`,
    backupPath: file,
    reason,
    size: fs.statSync(file).size,
    sha256: '0'.repeat(64),
  });
}

/** The oracle, said the other way round: the most newest backups within both limits, at least one. */
function expectedKept(sizesNewestFirst: number[], limits: RollingBackupLimits): number {
  let best = 0;
  for (let k = 1; k <= Math.min(sizesNewestFirst.length, limits.count); k++) {
    if (sizesNewestFirst.slice(0, k).reduce((a, b) => a + b, 0) <= limits.bytes) best = k;
  }
  return sizesNewestFirst.length === 0 ? 0 : Math.max(1, best);
}

const rolling = (store: AppDataStore, engagementId = ENGAGEMENT) => store.listBackups(engagementId).filter((b) => b.reason === 'rolling');

describe('rolling backups are capped by count and by total size per engagement', () => {
  it('keeps the newest prefix within both limits, never none, on disk and in the index alike', () => {
    fc.assert(
      fc.property(
        fc.record({ count: fc.integer({ min: 1, max: 6 }), bytes: fc.integer({ min: 1, max: 8192 }) }),
        fc.array(fc.integer({ min: 0, max: 4096 }), { minLength: 1, maxLength: 14 }),
        (limits, sizes) => {
          const folder = tempDir('aw-backup-prune-');
          const store = new AppDataStore(folder, limits);
          try {
            // Another engagement's backup and this engagement's migration copy: never touched.
            const other = addBackup(store, OTHER, 'other', 5000);
            const migration = addBackup(store, ENGAGEMENT, 'before-upgrade', 9000, 'migration');
            const added: BackupRecord[] = [];
            sizes.forEach((size, index) => {
              added.unshift(addBackup(store, ENGAGEMENT, `b${index}`, size));
              const keep = expectedKept(added.map((b) => b.size), limits);
              const kept = rolling(store);
              expect(kept.length).toBeGreaterThanOrEqual(1);
              expect(kept.map((b) => b.id)).toEqual(added.slice(0, keep).map((b) => b.id));
              const onDisk = fs.readdirSync(store.backupFolder(ENGAGEMENT)).sort();
              expect(onDisk).toEqual(kept.map((b) => path.basename(b.backupPath)).sort());
              expect(kept.length <= limits.count).toBe(true);
              expect(kept.length === 1 || kept.reduce((sum, b) => sum + b.size, 0) <= limits.bytes).toBe(true);
            });
            const ids = store.listBackups().map((b) => b.id);
            expect(ids).toContain(other.id);
            expect(ids).toContain(migration.id);
          } finally {
            store.close();
            fs.rmSync(folder, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses 10 backups and 2 GiB per engagement unless told otherwise', () => {
    expect(ROLLING_BACKUP_LIMITS).toEqual({ count: 10, bytes: 2 * 1024 ** 3 });
    const store = new AppDataStore(tempDir('aw-backup-defaults-'));
    try {
      for (let i = 0; i < 12; i++) addBackup(store, OTHER, `small${i}`, 1000);
      expect(rolling(store, OTHER)).toHaveLength(10);

      // Sparse files: three of 900 MiB exceed 2 GiB, two fit.
      const big = [0, 1, 2].map((i) => addBackup(store, ENGAGEMENT, `big${i}`, 900 * 1024 ** 2));
      expect(rolling(store).map((b) => b.id)).toEqual([big[2]!.id, big[1]!.id]);
      expect(fs.existsSync(big[0]!.backupPath)).toBe(false);

      // One larger than the cap alone is still kept: an engagement always has a backup.
      const huge = addBackup(store, ENGAGEMENT, 'huge', 2 * 1024 ** 3 + 1);
      expect(rolling(store).map((b) => b.id)).toEqual([huge.id]);
      expect(fs.readdirSync(store.backupFolder(ENGAGEMENT))).toEqual(['huge.iso20k']);
    } finally {
      store.close();
    }
  });

  it('leaves a backup it cannot delete indexed and deletes it after the next backup', () => {
    const store = new AppDataStore(tempDir('aw-backup-locked-'), { count: 2, bytes: 1024 ** 2 });
    try {
      const first = addBackup(store, ENGAGEMENT, 'first', 100);
      addBackup(store, ENGAGEMENT, 'second', 100);
      const realRm = fs.rmSync;
      const locked = vi.spyOn(fs, 'rmSync').mockImplementation((target, options) => {
        if (target === first.backupPath) throw Object.assign(new Error(`EBUSY: resource busy or locked, unlink '${first.backupPath}'`), { code: 'EBUSY' });
        realRm(target, options);
      });
      const third = addBackup(store, ENGAGEMENT, 'third', 100);
      expect(locked).toHaveBeenCalledWith(first.backupPath, { force: true });
      expect(fs.existsSync(first.backupPath)).toBe(true);
      expect(rolling(store).map((b) => b.id)).toEqual([third.id, expect.any(String), first.id]);

      locked.mockRestore();
      const fourth = addBackup(store, ENGAGEMENT, 'fourth', 100);
      expect(rolling(store).map((b) => b.id)).toEqual([fourth.id, third.id]);
      expect(fs.readdirSync(store.backupFolder(ENGAGEMENT)).sort()).toEqual(['fourth.iso20k', 'third.iso20k']);
    } finally {
      store.close();
    }
  });

  it('forgets backups whose file is gone: they count for nothing', () => {
    const store = new AppDataStore(tempDir('aw-backup-gone-'), { count: 2, bytes: 1024 ** 2 });
    try {
      const first = addBackup(store, ENGAGEMENT, 'first', 100);
      const second = addBackup(store, ENGAGEMENT, 'second', 100);
      fs.rmSync(second.backupPath);
      const third = addBackup(store, ENGAGEMENT, 'third', 100);
      expect(rolling(store).map((b) => b.id)).toEqual([third.id, first.id]);
      expect(store.db.prepare('SELECT count(*) FROM backup WHERE id = ?').pluck().get(second.id)).toBe(0);
    } finally {
      store.close();
    }
  });

  it('reports the folder and, per engagement newest first, how many rolling backups there are and their size', () => {
    const folder = tempDir('aw-backup-usage-');
    const store = new AppDataStore(folder);
    try {
      expect(store.backupUsage()).toEqual({ folder: path.join(folder, 'backups'), engagements: [] });
      addBackup(store, ENGAGEMENT, 'a1', 300);
      addBackup(store, ENGAGEMENT, 'before-upgrade', 5000, 'migration');
      addBackup(store, OTHER, 'b1', 1000);
      const gone = addBackup(store, OTHER, 'b2', 2000);
      fs.rmSync(gone.backupPath);
      addBackup(store, ENGAGEMENT, 'a2', 200);
      expect(store.backupUsage().engagements).toEqual([
        { engagementId: ENGAGEMENT, clientName: `Client ${ENGAGEMENT}`, count: 2, bytes: 500 },
        { engagementId: OTHER, clientName: `Client ${OTHER}`, count: 1, bytes: 1000 },
      ]);
    } finally {
      store.close();
    }
  });
});
