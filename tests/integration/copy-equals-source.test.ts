import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { sampleEngagement } from '../helpers/engagements.ts';
import { startTestService } from '../helpers/services.ts';
import { tempDir } from '../helpers/temp.ts';
import { integrityCheck, logicalDump, type DumpRow, type LogicalDump } from './logical-dump.ts';

/**
 * DESIGN.md, "Copies": a saved copy is the engagement as it is (db.backup, then VACUUM on the temp
 * copy), with its own file instance, fsynced and renamed into place, its SHA-256 shown; never written
 * over an engagement that is open.
 */


const sha256OfFile = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Drops what a copy changes on purpose, after the caller has checked it; the rest must be identical. */
function withoutCopyMarks(dump: LogicalDump): LogicalDump {
  const tables: Record<string, DumpRow[]> = { ...dump.tables };
  tables.file_meta = dump.tables.file_meta!.filter((row) => row.key !== 'file_instance_id');
  tables.replica = dump.tables.replica!.map((row) => ({ ...row, shipped_seq: null }));
  return { ...dump, tables };
}

const metaValue = (dump: LogicalDump, key: string): unknown => dump.tables.file_meta!.find((row) => row.key === key)?.value;

/** The highest seq each replica has written, which a copy marks as shipped (no coalescing into it). */
function headSeqs(dump: LogicalDump): Record<string, number> {
  const heads: Record<string, number> = {};
  for (const entry of dump.tables.change_log!) {
    const replica = String(entry.replica_id);
    heads[replica] = Math.max(heads[replica] ?? 0, Number(entry.seq));
  }
  return heads;
}

const shippedSeqs = (dump: LogicalDump): Record<string, number> =>
  Object.fromEntries(dump.tables.replica!.map((row) => [String(row.id), Number(row.shipped_seq)]));

describe('save a copy', () => {
  it('makes a copy equal to the source in every table, with its own instance, a true SHA-256 and a valid chain', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const source = path.join(dir, 'northwind.iso20k');
    const destination = path.join(dir, 'copies', 'northwind for Lee.iso20k');
    fs.mkdirSync(path.dirname(destination));

    const { handle } = await service.create(source, sampleEngagement());
    await service.updateEngagement(handle, { objectives: 'Recommend certification or not', end_date: '2026-12-10' });
    const hamburg = await service.createRow(handle, 'site', { name: 'Hamburg HQ', kind: 'central', country: 'Germany' });
    const berlin = await service.createRow(handle, 'site', { name: 'Berlin DC', kind: 'permanent' });
    await service.createRow(handle, 'site', { name: 'Home office', kind: 'virtual' });
    await service.updateRow(handle, 'site', hamburg.id as string, { activities: 'Service desk, change management' });
    await service.deleteRow(handle, 'site', berlin.id as string);
    await service.createRow(handle, 'team_member', { name: 'Dana Auditor', initials: 'DA', role: 'lead' });
    // A purged value leaves NULL salt and values behind: the copy must carry those rows as they are.
    await service.change(handle, 'purgeField', 'engagement', (await service.getEngagement(handle)).id, 'client_address');
    const sourceSummary = await service.summary(handle);

    const copy = await service.saveCopy(handle, destination).result;
    expect(copy.path).toBe(destination);
    // Read before anything opens the copy: the SHA-256 the user is shown is of these exact bytes.
    expect(copy.sha256).toBe(sha256OfFile(destination));
    expect(copy.size).toBe(fs.statSync(destination).size);
    expect(fs.readdirSync(path.dirname(destination))).toEqual([path.basename(destination)]);

    await service.close(handle);
    const original = logicalDump(source);
    const copied = logicalDump(destination);

    // The copy is a new instance of the same engagement, so whoever edits it writes as a new replica.
    expect(metaValue(copied, 'engagement_id')).toBe(metaValue(original, 'engagement_id'));
    expect(metaValue(copied, 'file_instance_id')).toEqual(expect.any(String));
    expect(metaValue(copied, 'file_instance_id')).not.toBe(metaValue(original, 'file_instance_id'));
    // Everything in it has left the source: both sides mark every entry as shipped, so neither
    // rewrites (coalesces into) an entry the other holds.
    expect(shippedSeqs(copied)).toEqual(headSeqs(original));
    expect(shippedSeqs(original)).toEqual(headSeqs(original));

    expect(Object.keys(copied.tables).sort()).toEqual(Object.keys(original.tables).sort());
    expect(withoutCopyMarks(copied)).toEqual(withoutCopyMarks(original));
    expect(copied.tables.site!.length).toBe(3);
    expect(copied.tables.change_value!.some((row) => row.salt === null)).toBe(true);

    // The copy opens through the service like any file the app has not closed itself (quick_check).
    const opened = await service.openFile(destination);
    expect(opened.summary.integrity).toBe('quick');
    expect(opened.summary.engagementId).toBe(sourceSummary.engagementId);
    expect(opened.summary.fileInstanceId).toBe(metaValue(copied, 'file_instance_id'));
    expect(opened.summary.engagement).toEqual(sourceSummary.engagement);
    expect(await service.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true, entries: original.tables.change_log!.length });
    await service.close(opened.handle);
    expect(integrityCheck(destination)).toBe('ok');
  });

  it('never lets an edit made during the copy rewrite a change-log entry the copy holds', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const source = path.join(dir, 'northwind.iso20k');
    const destination = path.join(dir, 'northwind-copy.iso20k');
    const { handle } = await service.create(source, sampleEngagement());
    await service.updateEngagement(handle, { objectives: 'draft 0' });

    // The auditor keeps typing in one field while the copy runs: each edit within 60 s of the last
    // coalesces into the chain head, which is allowed only while that entry has not left the file.
    let copying = true;
    let drafts = 0;
    const typing = (async () => {
      while (copying) await service.updateEngagement(handle, { objectives: `draft ${++drafts}` });
    })();
    const copy = await service.saveCopy(handle, destination).result;
    copying = false;
    await typing;
    await service.close(handle);
    expect(drafts).toBeGreaterThan(1);

    const original = logicalDump(source);
    const copied = logicalDump(destination);
    const key = (entry: DumpRow): string => `${String(entry.replica_id)}:${String(entry.seq)}`;
    const sourceEntries = new Map(original.tables.change_log!.map((entry) => [key(entry), entry]));
    expect(copy.sha256).toBe(sha256OfFile(destination));
    // Every entry the copy holds must stay exactly as it is in the source: copyTo marks the source's
    // chain head shipped as soon as the online backup ends, so later edits start a new entry
    // instead of rewriting one the copy already has (which would fork the chain for a merge).
    for (const entry of copied.tables.change_log!) {
      expect(sourceEntries.get(key(entry)), `entry ${key(entry)} of the copy was rewritten in the source`).toEqual(entry);
    }
  });

  it('refuses to write over an engagement that is open (DESTINATION_OPEN), by any path to it', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const source = path.join(dir, 'northwind.iso20k');
    const other = path.join(dir, 'contoso.iso20k');
    const a = await service.create(source, sampleEngagement());
    const b = await service.create(other, sampleEngagement({ client_name: 'Contoso Hosting AG' }));
    await service.close(b.handle);
    const otherBytes = sha256OfFile(other); // read while closed: never a descriptor on an open engagement
    const reopened = await service.openFile(other);
    const alias = path.join(dir, 'alias.iso20k');
    fs.symlinkSync(other, alias);

    for (const target of [other, alias, path.join(dir, '.', 'contoso.iso20k'), source]) {
      const job = service.saveCopy(a.handle, target);
      const error = await job.result.catch((e: unknown) => e);
      expect(isStoreError(error, 'DESTINATION_OPEN'), `${target}: ${String(error)}`).toBe(true);
      expect((error as { params: { path: string } }).params.path).toBe(path.resolve(target));
    }
    // Refused before any work: no temp file beside the destination, both engagements still open and whole.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
    expect((await service.getEngagement(reopened.handle)).client_name).toBe('Contoso Hosting AG');
    expect(await service.call(a.handle, 'verifyChain')).toMatchObject({ ok: true });
    await service.close(reopened.handle);
    expect(sha256OfFile(other)).toBe(otherBytes);
  });
});
