import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newRowId } from '../../shared/ids.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { JobContext } from '../jobs/job-context.ts';
import { EngagementSession } from '../store/engagement-session.ts';
import { PopulationStore } from '../store/population-store.ts';
import { samplingCapability, type DrawRequest, type PopulationImportRequest } from '../sampling/index.ts';
import { createHash } from 'node:crypto';
import { newMemberCopyMeta, stampMemberCopy } from './member-copy.ts';
import { buildPackage, memberCopyMeta, replicaHeads } from './package-build.ts';
import { populationSections, recordLine } from './package-populations.ts';
import { writeReturnPackage } from './package-transfer.ts';
import { writePackageV2, type BulkSource } from './package-v2/index.ts';
import { teamCapability } from './team-capability.ts';

const ACTOR_KIM = '0190a6a4-0000-7000-8000-0000000000c1';
const sessions: EngagementSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

const job = () => new JobContext('job', () => undefined);
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

/** An incident export whose opened dates are day-first and mostly ambiguous (03/04/2026 is 3 April). */
function incidentCsv(dir: string, rows: number): string {
  const lines = ['Number,Opened,Priority,Caller phone,State'];
  for (let i = 1; i <= rows; i++) lines.push(`INC${String(i).padStart(6, '0')},0${1 + (i % 9)}/0${1 + (i % 6)}/2026 09:00,${PRIORITIES[i % 4]},SECRET-${i},Closed`);
  const file = path.join(dir, `incidents-${newRowId().slice(-6)}.csv`);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

function importRequest(file: string): PopulationImportRequest {
  return {
    file,
    format: 'csv',
    reading: { encoding: 'utf-8', delimiter: ',', headerRow: 1 },
    columns: [
      { index: 0, name: 'Number', role: 'id' },
      { index: 1, name: 'Opened', role: 'opened' },
      { index: 2, name: 'Priority', role: 'priority' },
      { index: 4, name: 'State', role: 'status' },
    ],
    badRows: 'skip',
    dayFirst: true,
    topic: 'incident',
    name: 'Incidents H1',
    periodFrom: '2026-01-01',
    periodTo: '2026-06-30',
    siteId: '',
  };
}

const draw = (populationId: string, overrides: Partial<DrawRequest> = {}): DrawRequest => ({
  populationId,
  samplingPlan: '',
  sizing: 'judgment',
  justification: 'Typical certification sample.',
  confidence: null,
  tolerableRate: null,
  expectedRate: null,
  statisticalModel: '',
  size: 12,
  method: 'stratified',
  stratifyBy: 'Opened',
  allocation: 'proportional',
  seed: 'audit-2026',
  ...overrides,
});

function open(file: string, actorId: string): EngagementSession {
  const session = new EngagementSession('unused-vacuum-worker.cjs');
  session.open({ path: file, actorId });
  sessions.push(session);
  return session;
}

function close(session: EngagementSession): void {
  session.close();
  sessions.splice(sessions.indexOf(session), 1);
}

interface Team {
  readonly dir: string;
  readonly lead: EngagementSession;
  readonly leadFile: string;
  readonly members: Record<'lee' | 'kim', string>;
}

/** The lead's file with Dana (lead, linked to this laptop), Lee and Kim. */
function team(): Team {
  const dir = tempDir();
  const { file, db, store } = newEngagementStore({ file: path.join(dir, 'lead.iso20k') });
  store.createRow('team_member', { engagement_id: store.engagementId, name: 'Dana Smith', initials: 'DS', role: 'lead', actor_id: ACTOR_DANA });
  const lee = store.createRow('team_member', { engagement_id: store.engagementId, name: 'Lee Chan', initials: 'LC', role: 'auditor' });
  const kim = store.createRow('team_member', { engagement_id: store.engagementId, name: 'Kim Park', initials: 'KP', role: 'auditor' });
  db.close();
  return { dir, lead: open(file, ACTOR_DANA), leadFile: file, members: { lee, kim } };
}

/** What "Make member copy" does, in-process: the lead's file copied and stamped with the member and the base. */
function issue(t: Team, who: 'lee' | 'kim', actorId: string): EngagementSession {
  const file = path.join(t.dir, `${who}-${newRowId().slice(-6)}.iso20k`);
  t.lead.db().prepare('VACUUM INTO ?').run(file);
  const copy = new Database(file);
  stampMemberCopy(
    copy,
    newMemberCopyMeta({ memberCopyId: newRowId(), memberId: t.members[who], memberName: who, issuedAt: new Date().toISOString(), issuedBy: ACTOR_DANA, base: replicaHeads(t.lead.db()) }),
    newRowId(),
  );
  copy.close();
  return open(file, actorId);
}

async function packageOf(member: EngagementSession, dir: string): Promise<string> {
  const destination = path.join(dir, `return-${newRowId().slice(-6)}.iso20k-return`);
  const db = member.db();
  await writeReturnPackage(db, member.blobs(), job(), destination, {
    base: memberCopyMeta(db)?.base ?? {},
    createdBy: { actorId: member.store().context.actorId, name: 'Member', initials: 'ME' },
    includeFiles: false,
    passphrase: null,
  });
  return destination;
}

const importInto = (session: EngagementSession, source: string) => teamCapability.jobs(session).importFrom(job(), { source, passphrase: null, importedBy: ACTOR_DANA });
const previewInto = (session: EngagementSession, source: string) => teamCapability.jobs(session).previewImport(job(), { source, passphrase: null, importedBy: ACTOR_DANA });

/** The bulk rows of this copy: every population_data entry, complete or not, and how many records and orders they hold. */
function bulk(session: EngagementSession) {
  const db = session.db();
  return {
    entries: db.prepare('SELECT population_id, complete FROM population_data ORDER BY population_id').all(),
    rows: db.prepare('SELECT COUNT(*) FROM population_row').pluck().get(),
    orders: db.prepare('SELECT COUNT(*) FROM population_order').pluck().get(),
  };
}

/** A population's canonical orders as stored (whole and per stratum), for comparing two copies. */
function ordersOf(session: EngagementSession, populationId: string) {
  const populations = new PopulationStore(session.db());
  const seq = populations.seqOf(populationId)!;
  return session
    .db()
    .prepare('SELECT column_name, stratum, row_count, ids_hash, row_nos FROM population_order WHERE population_seq = ? ORDER BY column_name, stratum')
    .all(seq)
    .map((row) => ({ ...(row as object), row_nos: createHash('sha256').update((row as { row_nos: Buffer }).row_nos).digest('hex') }));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('sampling populations travel between team copies (issue 20)', () => {
  it('a member’s population arrives with its records: the same hash and orders, and the lead verifies the member’s sample; a preview and a second import change nothing', async () => {
    const t = team();
    const lee = issue(t, 'lee', ACTOR_LEE);
    // 15,000 records are ~1.2 MB of lines: more than one data frame, so lines are cut between chunks.
    const imported = await samplingCapability.jobs(lee).importPopulation(job(), importRequest(incidentCsv(t.dir, 15_000)));
    const population = imported.population;
    const sample = await samplingCapability.jobs(lee).drawSample(job(), draw(population.id));
    const source = await packageOf(lee, t.dir);

    const before = bulk(t.lead);
    const preview = await previewInto(t.lead, source);
    expect(preview.entriesAdded).toBeGreaterThan(0);
    await settle();
    expect(bulk(t.lead)).toEqual(before);
    expect(t.lead.db().prepare('SELECT COUNT(*) FROM population').pluck().get()).toBe(0);

    await importInto(t.lead, source);
    const here = samplingCapability.calls(t.lead).samplingState().populations.find((p) => p.id === population.id);
    expect(here).toMatchObject({ rowsHere: true, rowCount: 15_000, contentHash: population.contentHash, idsHash: population.idsHash });
    expect(here?.strata).toEqual(population.strata);
    expect(ordersOf(t.lead, population.id)).toEqual(ordersOf(lee, population.id));
    const verified = await samplingCapability.jobs(t.lead).verifySample(job(), sample.sampleId);
    expect(verified).toMatchObject({ matches: true, populationMatches: true, checkedItems: 12, differences: [] });

    const after = bulk(t.lead);
    expect(after.entries).toEqual([{ population_id: population.id, complete: 1 }]);
    const again = await importInto(t.lead, source);
    expect(again.entriesAdded).toBe(0);
    await settle();
    expect(bulk(t.lead)).toEqual(after);
  });

  it('the same export imported by two members is one population, its records held once', async () => {
    const t = team();
    const lee = issue(t, 'lee', ACTOR_LEE);
    const kim = issue(t, 'kim', ACTOR_KIM);
    const csv = incidentCsv(t.dir, 1500);
    const a = await samplingCapability.jobs(lee).importPopulation(job(), importRequest(csv));
    const b = await samplingCapability.jobs(kim).importPopulation(job(), importRequest(csv));
    expect(b.population.id).toBe(a.population.id);
    await importInto(t.lead, await packageOf(lee, t.dir));
    await importInto(t.lead, await packageOf(kim, t.dir));
    await settle();
    expect(t.lead.db().prepare('SELECT COUNT(*) FROM population').pluck().get()).toBe(1);
    expect(bulk(t.lead)).toMatchObject({ entries: [{ population_id: a.population.id, complete: 1 }], rows: 1500 });
  });

  it('test results of two auditors on different items both arrive; on the same item and attribute they conflict', async () => {
    const t = team();
    const imported = await samplingCapability.jobs(t.lead).importPopulation(job(), importRequest(incidentCsv(t.dir, 400)));
    await samplingCapability.jobs(t.lead).drawSample(job(), draw(imported.population.id, { method: 'random', stratifyBy: undefined, allocation: undefined }));
    const items = t.lead.db().prepare('SELECT record_id FROM sample_item ORDER BY draw_seq').pluck().all() as string[];
    const lee = issue(t, 'lee', ACTOR_LEE);
    const kim = issue(t, 'kim', ACTOR_KIM);
    const test = (who: EngagementSession, item: string, result: string) =>
      who.store().createRow('record_attribute', { engagement_id: who.store().engagementId, record_id: item, attribute: 'Approved before implementation', result });
    test(lee, items[0]!, 'pass');
    test(kim, items[1]!, 'fail');
    test(lee, items[2]!, 'pass');
    test(kim, items[2]!, 'fail');
    await importInto(t.lead, await packageOf(lee, t.dir));
    await importInto(t.lead, await packageOf(kim, t.dir));
    const results = t.lead.db().prepare('SELECT record_id, result FROM record_attribute ORDER BY record_id').all() as { record_id: string; result: string }[];
    expect(results.find((r) => r.record_id === items[0])?.result).toBe('pass');
    expect(results.find((r) => r.record_id === items[1])?.result).toBe('fail');
    expect(t.lead.db().prepare("SELECT entity, field FROM conflict").all()).toEqual([{ entity: 'record_attribute', field: 'result' }]);
  });

  it('a package whose records were altered is refused and leaves nothing staged', async () => {
    const t = team();
    const lee = issue(t, 'lee', ACTOR_LEE);
    const imported = await samplingCapability.jobs(lee).importPopulation(job(), importRequest(incidentCsv(t.dir, 5000)));
    const db = lee.db();
    const base = memberCopyMeta(db)?.base ?? {};
    const { entries, ...header } = buildPackage(db, base, { actorId: ACTOR_LEE, name: 'Lee', initials: 'LC' });
    const [section] = await populationSections(db, base, async () => undefined);
    // The member's import read the dates day first: the section says so, for the lead's month strata.
    expect(section!.meta).toEqual({ contentHash: imported.population.contentHash, rowCount: 5000, dayFirst: true });

    // Records whose population the package does not carry (and this copy does not have): read, verified, not kept.
    const orphan = path.join(t.dir, 'orphan.iso20k-return');
    const lastEntry = entries[entries.length - 1]!;
    expect(lastEntry.entity).toBe('population');
    await writePackageV2(orphan, header, entries.slice(0, -1), [], [section!], { passphrase: null });
    await importInto(t.lead, orphan);
    await settle();
    expect(bulk(t.lead)).toEqual({ entries: [], rows: 0, orders: 0 });
    // The last record's state changed, the section's size and SHA-256 made to match: only the content hash can tell.
    const records = [...new PopulationStore(db).iterate(new PopulationStore(db).seqOf(imported.population.id)!)];
    const last = records[records.length - 1]!;
    records[records.length - 1] = { ...last, cells: last.cells.replace('Closed', 'Open') };
    const bytes = Buffer.from(records.map(recordLine).join(''));
    const forged: BulkSource = { ...section!, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), read: () => [bytes.subarray(0, 300_000), bytes.subarray(300_000)] };
    const forgedFile = path.join(t.dir, 'forged.iso20k-return');
    await writePackageV2(forgedFile, header, entries, [], [forged], { passphrase: null });
    await expect(importInto(t.lead, forgedFile)).rejects.toMatchObject({ code: 'MERGE_DAMAGED', params: { reason: 'population-records', detail: 'content-hash' } });
    await settle();
    expect(bulk(t.lead)).toEqual({ entries: [], rows: 0, orders: 0 });
    expect(t.lead.db().prepare('SELECT COUNT(*) FROM population').pluck().get()).toBe(0);

    // Bytes flipped in the file itself: the container's own check refuses it.
    const source = await packageOf(lee, t.dir);
    const file = fs.readFileSync(source);
    file[Math.floor(file.length * 0.6)]! ^= 0xff;
    fs.writeFileSync(source, file);
    await expect(importInto(t.lead, source)).rejects.toMatchObject({ code: 'MERGE_DAMAGED' });
    await settle();
    expect(bulk(t.lead)).toEqual({ entries: [], rows: 0, orders: 0 });

    // A section of a kind this version does not know: from a newer app.
    const unknown: BulkSource = { kind: 'population-v2', id: imported.population.id, size: 3, sha256: createHash('sha256').update('abc').digest('hex'), meta: {}, read: () => [Buffer.from('abc')] };
    const newer = path.join(t.dir, 'newer.iso20k-return');
    await writePackageV2(newer, header, entries, [], [unknown], { passphrase: null });
    await expect(importInto(t.lead, newer)).rejects.toMatchObject({ code: 'MERGE_NEWER_VERSION' });
  });

  it('a member’s whole copy imported by the lead brings its populations’ records', async () => {
    const t = team();
    const lee = issue(t, 'lee', ACTOR_LEE);
    const imported = await samplingCapability.jobs(lee).importPopulation(job(), importRequest(incidentCsv(t.dir, 2500)));
    const expected = ordersOf(lee, imported.population.id);
    const copyFile = lee.db().name;
    close(lee);
    await previewInto(t.lead, copyFile);
    await settle();
    expect(bulk(t.lead)).toEqual({ entries: [], rows: 0, orders: 0 });
    await importInto(t.lead, copyFile);
    expect(samplingCapability.calls(t.lead).samplingState().populations.find((p) => p.id === imported.population.id)).toMatchObject({ rowsHere: true, rowCount: 2500 });
    expect(ordersOf(t.lead, imported.population.id)).toEqual(expected);
    await importInto(t.lead, copyFile);
    await settle();
    expect(bulk(t.lead)).toMatchObject({ entries: [{ population_id: imported.population.id, complete: 1 }], rows: 2500 });
  });
});
