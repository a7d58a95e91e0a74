import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { makeBadFileCorpus, type BadFileCase } from '../../tests/fixtures/bad-files.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { encodePackage } from '../team/package-file.ts';
import { readPackageV2, writePackageV2 } from '../team/package-v2/index.ts';
import { recordingVisitor } from '../../tests/helpers/package-v2.ts';
import type { ReturnPackage } from '../team/package-schema.ts';
import { TeamService } from '../team/index.ts';
import { openEngagementFile } from './engagement-file.ts';

// Cases are built while collecting (one named test each); tempDir() is emptied after every test.
const corpusRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-opens-'));
afterAll(() => fs.rmSync(corpusRoot, { recursive: true, force: true }));

function corpus(name: string, kind: 'quietly' | 'foreign_journal' | 'damaged'): BadFileCase[] {
  const dir = path.join(corpusRoot, name);
  fs.mkdirSync(dir);
  return makeBadFileCorpus(dir).filter((c) => 'opens' in c.expected && c.expected.opens === kind);
}

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(folder).sort().map((name) => [name, sha256(path.join(folder, name))]));
}

const foreign = corpus('foreign', 'foreign_journal');
const foreignDirect = corpus('foreign-direct', 'foreign_journal');
const foreignReadOnly = corpus('foreign-read-only', 'foreign_journal');
const byName = (cases: BadFileCase[]): [string, BadFileCase][] => cases.map((c) => [c.name, c]);

describe('a -journal beside the file that Audit Workbench did not write', () => {
  it('the corpus has random bytes, text and another database’s hot journal', () => {
    expect(foreign.map((c) => c.name).sort()).toEqual(['foreign-journal-other-database', 'foreign-journal-random', 'foreign-journal-text']);
  });

  it.each(byName(foreign))('%s: file and journal are kept in recovered backups first, the file opens unchanged, the user is told', async (_name, badCase) => {
    const appData = tempDir();
    const service = await startTestService(['Dana Auditor', 'DA'], appData);
    const before = snapshot(path.dirname(badCase.file));
    const opened = await service.openFile(badCase.file);
    expect(opened.summary.readOnly).toBe(false);
    expect(opened.summary.foreignJournal).not.toBeNull();
    const aside = opened.summary.foreignJournal!;
    const recovered = path.join(appData, 'backups', 'recovered');
    expect(sha256(path.join(recovered, aside.fileCopy))).toBe(before['engagement.iso20k']);
    expect(sha256(path.join(recovered, aside.journalCopy))).toBe(before['engagement.iso20k-journal']);
    // Nothing of the foreign journal was played into the file: the engagement is as it was.
    expect(opened.summary.engagement?.client_name).toBe(sampleEngagement().client_name);
    expect(await service.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
    await service.close(opened.handle);
    const journal = `${badCase.file}-journal`;
    expect(!fs.existsSync(journal) || fs.statSync(journal).size === 0).toBe(true);
    const db = new Database(badCase.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it.each(byName(foreignDirect))('%s: without a recovered-backups folder it is refused and nothing changes', (_name, badCase) => {
    const before = snapshot(path.dirname(badCase.file));
    expect(() => openEngagementFile(badCase.file)).toThrow(expect.objectContaining({ code: 'FOREIGN_JOURNAL' }));
    expect(snapshot(path.dirname(badCase.file))).toEqual(before);
  });

  it.each(byName(foreignReadOnly))('%s: beside a read-only file it is refused (the folder is not ours to change)', async (_name, badCase) => {
    fs.chmodSync(badCase.file, 0o444);
    const before = snapshot(path.dirname(badCase.file));
    const service = await startTestService();
    await expect(service.openFile(badCase.file)).rejects.toMatchObject({ code: 'FOREIGN_JOURNAL', params: { readOnly: true } });
    expect(snapshot(path.dirname(badCase.file))).toEqual(before);
  });

  it('a zeroed journal (the normal leftover of exclusive mode) still opens quietly', async () => {
    const [leftover] = corpus('zeroed', 'quietly');
    const appData = tempDir();
    const service = await startTestService(['Dana Auditor', 'DA'], appData);
    const opened = await service.openFile(leftover!.file);
    expect(opened.summary).toMatchObject({ readOnly: false, foreignJournal: null });
    expect(fs.existsSync(path.join(appData, 'backups', 'recovered'))).toBe(false);
    expect((await service.checkFile(opened.handle).result).state).toBe('ok');
  });

  it('another database\'s hot journal that passes for ours: the consented rollback, tried on a copy, is refused and nothing changes', async () => {
    const dir = path.join(corpusRoot, 'exclusive');
    fs.mkdirSync(dir);
    const badCase = makeBadFileCorpus(dir).find((c) => c.name === 'foreign-hot-journal-exclusive')!;
    const before = snapshot(path.dirname(badCase.file));
    const appData = tempDir();
    const service = await startTestService(['Dana Auditor', 'DA'], appData);
    await expect(service.openFile(badCase.file)).rejects.toMatchObject({ code: 'HOT_JOURNAL' });
    await expect(service.openFile(badCase.file, { recoverHotJournal: true })).rejects.toMatchObject({
      code: 'FOREIGN_JOURNAL',
      params: { afterRollback: true },
    });
    expect(snapshot(path.dirname(badCase.file))).toEqual(before);
    // File and journal as they were are kept; the copy the rollback was tried on is gone.
    const kept = fs.readdirSync(path.join(appData, 'backups', 'recovered')).sort();
    expect(kept).toHaveLength(2);
    expect(kept.map((name) => sha256(path.join(appData, 'backups', 'recovered', name))).sort()).toEqual(
      [before['engagement.iso20k'], before['engagement.iso20k-journal']].sort(),
    );
  });

  it('a refusal after the journal was set aside puts it back', () => {
    const [badCase] = corpus('restore', 'foreign_journal');
    const journalBefore = sha256(`${badCase!.file}-journal`);
    // A structure SQLite accepts but we do not: the open is refused after the journal was set aside.
    fs.renameSync(`${badCase!.file}-journal`, `${badCase!.file}.j`);
    const db = new Database(badCase!.file);
    db.exec('DROP TABLE site');
    db.close();
    fs.renameSync(`${badCase!.file}.j`, `${badCase!.file}-journal`);
    expect(() => openEngagementFile(badCase!.file, { setAsideForeignJournalInto: tempDir() })).toThrow(
      expect.objectContaining({ code: 'SCHEMA_MISMATCH' }),
    );
    expect(sha256(`${badCase!.file}-journal`)).toBe(journalBefore);
  });
});

describe('damage inside a logged value that integrity_check passes', () => {
  const damage = { entity: 'engagement', field: 'scope' };

  it('opens (SQLite sees nothing), and the check after the first screen finds it, naming table, field and entry', async () => {
    const [damaged] = corpus('check', 'damaged');
    const service = await startTestService();
    const opened = await service.openFile(damaged!.file);
    expect(opened.summary.fileCheck).toEqual({ state: 'pending' });
    const verdict = await service.checkFile(opened.handle).result;
    expect(verdict).toMatchObject({ state: 'damaged', damage: { ...damage, reason: 'value_hash_mismatch', seq: expect.any(Number) } });
    expect((await service.summary(opened.handle)).fileCheck).toEqual(verdict);
  });

  it('a file from a newer app is not checked (it may fingerprint what this app does not know): skipped, not damaged', async () => {
    const dir = path.join(corpusRoot, 'newer');
    fs.mkdirSync(dir);
    const newer = makeBadFileCorpus(dir).find((c) => c.name === 'newer-readable')!;
    const service = await startTestService();
    const opened = await service.openFile(newer.file);
    expect(opened.summary).toMatchObject({ readOnlyReason: 'newer_version', fileCheck: { state: 'skipped' } });
    expect(await service.checkFile(opened.handle).result).toEqual({ state: 'skipped' });
  });

  it('damage inside a stored row (not the history) is found too: the row is not what its history says', async () => {
    const file = path.join(tempDir(), 'row.iso20k');
    const service = await startTestService();
    const created = await service.create(file, sampleEngagement());
    const site = await service.createRow(created.handle, 'site', { name: 'Leipzig', kind: 'permanent' });
    await service.close(created.handle);
    // What a flipped sector in the site's page would do: SQLite sees a valid row, the log disagrees.
    const db = new Database(file);
    db.prepare('UPDATE site SET name = ? WHERE id = ?').run('Leipzjg', site.id);
    db.close();
    const opened = await service.openFile(file);
    expect(await service.checkFile(opened.handle).result).toMatchObject({
      state: 'damaged',
      damage: { reason: 'row_mismatch', entity: 'site', field: 'name' },
    });
  });

  it('nothing leaves a damaged file: save a copy, member copy, return package and rolling backup are refused', async () => {
    const [damaged] = corpus('spread', 'damaged');
    const service = await startTestService();
    const opened = await service.openFile(damaged!.file);
    const out = tempDir();
    // No check has run yet: the copy runs it first.
    await expect(service.saveCopy(opened.handle, path.join(out, 'copy.iso20k')).result).rejects.toMatchObject({ code: 'FILE_DAMAGED', params: damage });
    const member = await service.createRow(opened.handle, 'team_member', { name: 'Lee Chan', initials: 'LC', role: 'auditor' });
    await expect(new TeamService(service).makeMemberCopy(opened.handle, String(member.id), path.join(out, 'lee.iso20k')).result).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    await expect(new TeamService(service).exportPackage(opened.handle, path.join(out, 'p.iso20k-return'), null, false).result).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    await expect(service.backupNow(opened.handle).result).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await service.listBackups()).toEqual([]);
  });

  it('a damaged member copy offered for import is refused with MERGE_DAMAGED naming the entry; nothing changes', async () => {
    const [damaged] = corpus('import', 'damaged');
    const service = await startTestService();
    const lead = await service.create(path.join(tempDir(), 'lead.iso20k'), sampleEngagement());
    const before = await service.call(lead.handle, 'verifyChain');
    for (const job of [new TeamService(service).previewImport(lead.handle, damaged!.file, null), new TeamService(service).importFrom(lead.handle, damaged!.file, null)]) {
      await expect(job.result).rejects.toMatchObject({ code: 'MERGE_DAMAGED', params: { ...damage, reason: 'value' } });
    }
    expect(await service.call(lead.handle, 'verifyChain')).toEqual(before);
  });

  it('a return package with one value changed is refused with MERGE_DAMAGED, also for an entry already present', async () => {
    const dir = tempDir();
    const service = await startTestService();
    const lead = await service.create(path.join(dir, 'lead.iso20k'), sampleEngagement());
    const member = await service.createRow(lead.handle, 'team_member', { name: 'Lee Chan', initials: 'LC', role: 'auditor' });
    const copyFile = path.join(dir, 'lee.iso20k');
    await new TeamService(service).makeMemberCopy(lead.handle, String(member.id), copyFile).result;
    const copy = await service.openFile(copyFile);
    await service.updateEngagement(copy.handle, { scope: 'Lee’s scope' });
    const pkgFile = path.join(dir, 'lee.iso20k-return');
    await new TeamService(service).exportPackage(copy.handle, pkgFile, null, false).result;
    await service.close(copy.handle);
    // Packages are written as version 2; the same entries tampered with are refused in a v2 and in a v1 package.
    const { visitor, recorded } = recordingVisitor();
    await readPackageV2(pkgFile, null, visitor);
    const { sections: _sections, ...fields } = recorded.header!;
    const pkg: ReturnPackage = { ...fields, formatVersion: 1, entries: recorded.entries! };
    const scopeEntry = pkg.entries.find((e) => e.entity === 'engagement' && e.field === 'scope')!;
    const tampered = structuredClone(pkg);
    tampered.entries.find((e) => e.replica_id === scopeEntry.replica_id && e.seq === scopeEntry.seq)!.new_value = JSON.stringify('Altered on the way');
    const tamperedFile = path.join(dir, 'tampered.iso20k-return');
    fs.writeFileSync(tamperedFile, encodePackage(tampered));
    const tamperedV2 = path.join(dir, 'tampered-v2.iso20k-return');
    const { entries: tamperedEntries, format: _format, formatVersion: _version, ...tamperedFields } = tampered;
    await writePackageV2(tamperedV2, tamperedFields, tamperedEntries, [], [], { passphrase: null });
    await expect(new TeamService(service).importFrom(lead.handle, tamperedV2, null).result).rejects.toMatchObject({
      code: 'MERGE_DAMAGED',
      params: { entity: 'engagement', field: 'scope', reason: 'value', seq: scopeEntry.seq },
    });

    await expect(new TeamService(service).importFrom(lead.handle, tamperedFile, null).result).rejects.toMatchObject({
      code: 'MERGE_DAMAGED',
      params: { entity: 'engagement', field: 'scope', reason: 'value', seq: scopeEntry.seq },
    });
    // A value whose salt was taken away cannot be checked: refused too (a purge removes salt and values together).
    const unsalted = structuredClone(pkg);
    unsalted.entries.find((e) => e.replica_id === scopeEntry.replica_id && e.seq === scopeEntry.seq)!.salt = null;
    const unsaltedFile = path.join(dir, 'unsalted.iso20k-return');
    fs.writeFileSync(unsaltedFile, encodePackage(unsalted));
    await expect(new TeamService(service).importFrom(lead.handle, unsaltedFile, null).result).rejects.toMatchObject({
      code: 'MERGE_DAMAGED',
      params: { entity: 'engagement', field: 'scope', reason: 'value' },
    });
    // Imported once intact, every entry is present here; the damaged one is still refused.
    await new TeamService(service).importFrom(lead.handle, pkgFile, null).result;
    const error = await new TeamService(service).importFrom(lead.handle, tamperedFile, null).result.catch((e: unknown) => e);
    expect(isStoreError(error) ? error.code : error).toBe('MERGE_DAMAGED');
    expect((await new TeamService(service).teamOverview(lead.handle)).imports).toHaveLength(1);
  });
});
