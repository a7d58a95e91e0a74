import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { JobContext } from '../jobs/job-context.ts';
import { EngagementSession } from '../store/engagement-session.ts';
import { PopulationStore } from '../store/population-store.ts';
import type { PopulationImportRequest } from './population-import.ts';
import type { DrawRequest } from './sample-draw.ts';
import { samplingCapability } from './sampling-capability.ts';

const sessions: EngagementSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

/** An incident export: id, opened, priority, a confidential column the auditor drops, status. */
function incidentCsv(rows: number, extra = ''): string {
  const lines = ['Number,Opened,Priority,Caller phone,State'];
  for (let i = 1; i <= rows; i++) {
    lines.push(`INC${String(i).padStart(6, '0')},2026-0${1 + (i % 6)}-1${i % 10} 09:00,${PRIORITIES[i % 4]},SECRET-PHONE-${i},Closed`);
  }
  return `${lines.join('\r\n')}\r\n${extra}`;
}

function leadFile(): string {
  const { file, db, store } = newEngagementStore();
  store.createRow('team_member', { engagement_id: store.engagementId, name: 'Dana Smith', initials: 'DS', role: 'lead', actor_id: ACTOR_DANA });
  db.close();
  return file;
}

function open(file: string): EngagementSession {
  const session = new EngagementSession('unused-vacuum-worker.cjs');
  session.open({ path: file, actorId: ACTOR_DANA });
  sessions.push(session);
  return session;
}

const job = () => new JobContext('job', () => undefined);

function importRequest(file: string, overrides: Partial<PopulationImportRequest> = {}): PopulationImportRequest {
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
    topic: 'incident',
    name: 'Incidents Q1–Q2',
    periodFrom: '2026-01-01',
    periodTo: '2026-06-30',
    siteId: '',
    ...overrides,
  };
}

const draw = (populationId: string, overrides: Partial<DrawRequest> = {}): DrawRequest => ({
  populationId,
  samplingPlan: '',
  sizing: 'judgment',
  justification: 'Typical certification sample for a process of this size.',
  confidence: null,
  tolerableRate: null,
  expectedRate: null,
  statisticalModel: '',
  size: 25,
  method: 'random',
  seed: 'audit-2026-incidents',
  ...overrides,
});

describe('record sampling in the worker (issue 20)', () => {
  it('imports an export: only the kept columns reach the file, bad rows are listed with their lines, strata are built', async () => {
    const file = leadFile();
    const csv = path.join(tempDir(), 'incidents.csv');
    fs.writeFileSync(csv, incidentCsv(2000, 'INC000010,2026-01-10 09:00,P2,SECRET-PHONE-X,Closed\r\n,2026-01-10,P1,SECRET-PHONE-Y,Open\r\n'));
    const session = open(file);
    const sampling = samplingCapability.jobs(session);
    const result = await sampling.importPopulation(job(), importRequest(csv));
    expect(result.existed).toBe(false);
    expect(result.population).toMatchObject({ rowCount: 2000, skippedRows: 2, rowsHere: true, topic: 'incident', sourceName: 'incidents.csv' });
    expect(result.skipped).toEqual([
      { line: 2002, code: 'DUPLICATE_ID', params: { recordId: 'INC000010' } },
      { line: 2003, code: 'EMPTY_ID', params: {} },
    ]);
    const priority = result.population.strata.find((s) => s.column === 'Priority');
    expect(priority?.strata).toEqual(PRIORITIES.map((name) => ({ name, count: 500 })));
    expect(result.population.strata.find((s) => s.column === 'Opened')?.strata.map((s) => s.name)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    // One change-log entry for the whole population.
    expect(session.db().prepare("SELECT COUNT(*) FROM change_log WHERE entity = 'population'").pluck().get()).toBe(1);
    session.close();
    sessions.length = 0;
    const bytes = fs.readFileSync(file);
    expect(bytes.includes('INC001999')).toBe(true);
    expect(bytes.includes('SECRET-PHONE')).toBe(false);

    // The same export for the same process again: nothing new.
    const again = await samplingCapability.jobs(open(file)).importPopulation(job(), importRequest(csv));
    expect(again.existed).toBe(true);
  });

  it('stops at the first bad row when asked, and leaves nothing behind', async () => {
    const file = leadFile();
    const csv = path.join(tempDir(), 'incidents.csv');
    fs.writeFileSync(csv, incidentCsv(5000, 'INC000010,2026-01-10 09:00,P2,x,Closed\r\n'));
    const session = open(file);
    await expect(samplingCapability.jobs(session).importPopulation(job(), importRequest(csv, { badRows: 'stop' }))).rejects.toMatchObject({
      code: 'SAMPLING_BAD_ROW',
      params: { line: 5002, reason: 'DUPLICATE_ID' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.db().prepare('SELECT COUNT(*) FROM population_row').pluck().get()).toBe(0);
    expect(session.db().prepare('SELECT COUNT(*) FROM population').pluck().get()).toBe(0);
  });

  it('a cancelled import is answered at once and leaves nothing; an interrupted one is swept at open', async () => {
    const file = leadFile();
    const csv = path.join(tempDir(), 'incidents.csv');
    fs.writeFileSync(csv, incidentCsv(30_000));
    const session = open(file);
    const context = job();
    const running = samplingCapability.jobs(session).importPopulation(context, importRequest(csv));
    setTimeout(() => context.cancel(), 5);
    await expect(running).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(session.db().prepare('SELECT COUNT(*) FROM population_data').pluck().get()).toBe(0);
    expect(session.db().prepare('SELECT COUNT(*) FROM population_row').pluck().get()).toBe(0);

    // An import cut off by the app stopping: rows of an incomplete entry, swept at the next open.
    const populations = new PopulationStore(session.db());
    const seq = populations.begin();
    populations.append(seq, [{ rowNo: 0, line: 2, recordId: 'INC1', cells: '["INC1"]' }]);
    session.close();
    sessions.length = 0;
    const reopened = open(file);
    expect(reopened.db().prepare('SELECT COUNT(*) FROM population_row').pluck().get()).toBe(0);
  });

  it('draws random, systematic and stratified samples that verify, extends them keeping every item, and detects a changed population', async () => {
    const file = leadFile();
    const csv = path.join(tempDir(), 'incidents.csv');
    fs.writeFileSync(csv, incidentCsv(2000));
    const session = open(file);
    const jobs = samplingCapability.jobs(session);
    const { population } = await jobs.importPopulation(job(), importRequest(csv));

    const random = await jobs.drawSample(job(), draw(population.id));
    expect(random).toMatchObject({ added: 25, size: 25 });
    const items = () =>
      session.db().prepare('SELECT record_ref, draw_seq, selection, stratum, record_id FROM sample_item WHERE sample_id = ? ORDER BY draw_seq').all(random.sampleId) as {
        record_ref: string;
        selection: string;
        stratum: string;
        record_id: string;
      }[];
    const first = items().map((item) => item.record_ref);
    expect(new Set(first).size).toBe(25);
    // Every item is a record seen under the population's process, filed under the sample's query.
    expect(session.db().prepare("SELECT COUNT(*) FROM record_seen WHERE topic = 'incident'").pluck().get()).toBe(25);
    expect(await jobs.verifySample(job(), random.sampleId)).toMatchObject({ matches: true, populationMatches: true, checkedItems: 25, differences: [] });

    // The same seed on the same population gives the same sample (in another engagement too).
    const other = open(leadFile());
    const otherPopulation = (await samplingCapability.jobs(other).importPopulation(job(), importRequest(csv))).population;
    const twin = await samplingCapability.jobs(other).drawSample(job(), draw(otherPopulation.id));
    expect((other.db().prepare('SELECT record_ref FROM sample_item WHERE sample_id = ? ORDER BY draw_seq').pluck().all(twin.sampleId) as string[])).toEqual(first);

    const extended = await jobs.extendSample(job(), random.sampleId, 5);
    expect(extended).toMatchObject({ added: 5, size: 30 });
    expect(items().slice(0, 25).map((item) => item.record_ref)).toEqual(first);
    expect(items().slice(25).every((item) => item.selection === 'extension')).toBe(true);
    expect(await jobs.verifySample(job(), random.sampleId)).toMatchObject({ matches: true, checkedItems: 30 });

    const systematic = await jobs.drawSample(job(), draw(population.id, { method: 'systematic', size: 10 }));
    expect(await jobs.verifySample(job(), systematic.sampleId)).toMatchObject({ matches: true, checkedItems: 10 });

    const stratified = await jobs.drawSample(job(), draw(population.id, { method: 'stratified', size: 12, stratifyBy: 'Priority', allocation: 'minimum', minimumPerStratum: 2 }));
    const strata = session.db().prepare('SELECT stratum, COUNT(*) AS n FROM sample_item WHERE sample_id = ? GROUP BY stratum ORDER BY stratum').all(stratified.sampleId);
    expect(strata).toEqual(PRIORITIES.map((stratum) => ({ stratum, n: 3 })));
    await jobs.extendSample(job(), stratified.sampleId, 4);
    expect(await jobs.verifySample(job(), stratified.sampleId)).toMatchObject({ matches: true, checkedItems: 16 });

    const judgmental = await jobs.drawSample(job(), draw(population.id, { method: 'judgmental', size: 2, picks: [{ rowNo: 5, reason: 'Major incident' }, { rowNo: 9, reason: 'Reopened twice' }] }));
    expect(session.db().prepare('SELECT record_ref, reason FROM sample_item WHERE sample_id = ? ORDER BY draw_seq').all(judgmental.sampleId)).toEqual([
      { record_ref: 'INC000006', reason: 'Major incident' },
      { record_ref: 'INC000010', reason: 'Reopened twice' },
    ]);
    const picked = samplingCapability.calls(session).pickSampleItem(random.sampleId, 100, 'Breached its SLA');
    expect(picked).toMatchObject({ record_ref: 'INC000101', selection: 'judgmental', draw_seq: 30 });
    expect(await jobs.verifySample(job(), random.sampleId)).toMatchObject({ matches: true, checkedItems: 30, judgmentalItems: 1 });

    // A changed record id in the population: the hash no longer matches.
    session.db().prepare("UPDATE population_row SET record_id = 'INC999999' WHERE row_no = 7").run();
    expect(await jobs.verifySample(job(), random.sampleId)).toMatchObject({ matches: false, populationMatches: false });
  });

  it('refuses what cannot be drawn with a coded error', async () => {
    const session = open(leadFile());
    const csv = path.join(tempDir(), 'incidents.csv');
    fs.writeFileSync(csv, incidentCsv(50));
    const jobs = samplingCapability.jobs(session);
    const { population } = await jobs.importPopulation(job(), importRequest(csv));
    await expect(jobs.drawSample(job(), draw(population.id, { size: 51 }))).rejects.toMatchObject({ code: 'SAMPLING_SIZE_INVALID' });
    await expect(jobs.drawSample(job(), draw(population.id, { seed: ' padded' }))).rejects.toMatchObject({ code: 'SAMPLING_SEED_INVALID' });
    await expect(jobs.drawSample(job(), draw(population.id, { method: 'stratified', stratifyBy: 'Number' }))).rejects.toMatchObject({ code: 'SAMPLING_STRATUM_COLUMN' });
    await expect(jobs.drawSample(job(), draw(population.id, { method: 'judgmental', picks: [] }))).rejects.toMatchObject({ code: 'SAMPLING_PICK_INVALID' });
    await expect(jobs.importPopulation(job(), importRequest(csv, { columns: [{ index: 2, name: 'Priority', role: 'priority' }] }))).rejects.toMatchObject({ code: 'SAMPLING_NO_ID_COLUMN' });
    const pdf = path.join(tempDir(), 'incidents.csv');
    fs.writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    await expect(samplingCapability.calls(session).previewExport(pdf, {})).rejects.toMatchObject({ code: 'SAMPLING_SOURCE_NOT_TABLE', params: { fileName: 'incidents.csv' } });
  });
});

