import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoEngagement } from '../../electron/engagement/demo-engagement.ts';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { openEngagementFile } from '../../electron/store/engagement-file.ts';
import { EngagementStore } from '../../electron/store/engagement-store.ts';
import { guessMapping } from '../../shared/sampling/export-columns.ts';
import type { ColumnRole } from '../../shared/sampling/sampling-kinds.ts';

export const LARGE_SAMPLE_FILE = 'Large sample - 10,000 items.iso20k';
/** The population's name in the Sampling section's list (the demo's own incident population sits beside it). */
export const LARGE_POPULATION_NAME = 'Incidents, 2026 (12,000 records)';
export const LARGE_POPULATION = 12_000;
export const LARGE_SAMPLE = 10_000;
/** Items left untested at the top of the grid (the bench types its results there); every later one is tested. */
export const UNTESTED_ITEMS = 200;

const PRIORITIES = ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low'];
const CATEGORIES = ['Network', 'Hardware', 'Software', 'Access', 'Database', 'Email'];
const ASSIGNEES = ['Service Desk L1', 'Network Operations', 'Platform Team', 'Database Team', 'End User Computing'];
const LOCATIONS = ['Manchester (MDC1)', 'Leeds office', 'Remote'];
const SHORT = ['Cannot connect to VPN', 'Printer offline', 'Outlook keeps asking for password', 'Payroll report slow', 'Laptop will not boot', 'Website returns 502'];
const HEADERS = ['number', 'opened_at', 'resolved_at', 'priority', 'category', 'state', 'assigned_to', 'location', 'short_description'];

/** A year's incident export of 12,000 rows, varied by index (no randomness: the same file on every machine). */
function incidentExport(): string {
  const lines = [HEADERS.join(',')];
  const start = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2026, 11, 1) - start;
  const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  for (let i = 0; i < LARGE_POPULATION; i++) {
    const opened = start + Math.floor((i / LARGE_POPULATION) * span) + (i % 53) * 60_000;
    const resolved = opened + (1 + (i % 37)) * 3_600_000;
    lines.push(
      [`INC0${100000 + i}`, stamp(opened), stamp(resolved), PRIORITIES[(i * 7) % 4], CATEGORIES[i % 6], 'Closed', ASSIGNEES[i % 5], LOCATIONS[i % 3], `"${SHORT[(i * 3) % 6]}"`].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Issue 20's speed case ("a grid of 10,000 sampled rows"): the demo engagement (shipped pack chosen,
 * its team) with a second incident population of 12,000 records imported and a random sample of
 * 10,000 items drawn against the demo's incident plan 8.6.1-s01 (the pack's six incident attributes),
 * and every item after the first 200 tested on every attribute (~59,000 attribute results: the screen
 * at its heaviest, late in the fieldwork, every 23rd item with a deviation). Written into `workspace` before the host starts, through the sampling jobs the
 * screens use, as electron/sampling/demo-sampling.ts does.
 */
export async function writeLargeSampleEngagement(workspace: string, appData: string, workerDir: string): Promise<string> {
  const service = await EngagementService.start({ appDataDir: appData, workerDir, rollingBackupIntervalMs: 0 });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-large-sample-'));
  try {
    await service.setInstallationUser('Bench', 'BE');
    const file = path.join(workspace, LARGE_SAMPLE_FILE);
    const { handle } = await createDemoEngagement(service, file);
    const lead = String((await service.listRows(handle, 'team_member')).find((member) => member.role === 'lead')!.id);
    const csv = path.join(folder, 'incidents_2026.csv');
    fs.writeFileSync(csv, incidentExport());
    const roles = guessMapping(HEADERS).roles;
    const columns = HEADERS.flatMap((name, index): { index: number; name: string; role: Exclude<ColumnRole, 'drop'> }[] => {
      const role = name === 'short_description' ? 'attribute' : roles[index]!;
      return role === 'drop' ? [] : [{ index, name, role }];
    });
    const imported = await service.startJob(handle, 'importPopulation', () => [
      {
        file: csv,
        format: 'csv' as const,
        reading: { encoding: 'utf-8', delimiter: ',', headerRow: 1 },
        columns,
        badRows: 'skip' as const,
        topic: 'incident',
        name: LARGE_POPULATION_NAME,
        periodFrom: '2026-01-01',
        periodTo: '2026-11-30',
        siteId: '',
      },
    ] as const).result;
    await service.startJob(handle, 'drawSample', () => [
      {
        populationId: imported.population.id,
        samplingPlan: '8.6.1-s01',
        sizing: 'judgment' as const,
        justification: 'Speed case: a grid of 10,000 sampled rows.',
        confidence: null,
        tolerableRate: null,
        expectedRate: null,
        statisticalModel: '' as const,
        size: LARGE_SAMPLE,
        method: 'random' as const,
        seed: 'bench-large-sample-2026',
      },
      lead,
    ] as const).result;
    await service.close(handle);
    testMostItems(file, service.me().actorId);
    return file;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
    await service.shutdown();
  }
}

/**
 * Results for every item after the first UNTESTED_ITEMS, written straight into the closed file by the
 * store (the row path the grid uses, one transaction): through the service it would be 59,000 round
 * trips to the engagement worker, ten minutes.
 */
function testMostItems(file: string, actorId: string): void {
  const opened = openEngagementFile(file);
  try {
    const store = new EngagementStore(opened.db, { actorId, readOnly: false });
    const rows = (table: string): Record<string, unknown>[] => opened.db.prepare(`SELECT * FROM ${table} WHERE deleted = 0`).all() as Record<string, unknown>[];
    // The large sample's rows only (the demo's own sample of 12 is in the file too).
    const all = rows('sample_item');
    const sizes = new Map<unknown, number>();
    for (const item of all) sizes.set(item.sample_id, (sizes.get(item.sample_id) ?? 0) + 1);
    const sampleId = [...sizes].find(([, size]) => size === LARGE_SAMPLE)![0];
    const items = all.filter((item) => item.sample_id === sampleId).sort((a, b) => Number(a.draw_seq) - Number(b.draw_seq));
    const attributes = rows('sample_attribute').filter((row) => row.sample_id === sampleId).map((row) => String(row.attribute));
    opened.db.transaction(() => {
      for (const [n, item] of items.entries()) {
        if (n < UNTESTED_ITEMS || !item.record_id) continue;
        const deviation = n % 23 === 0;
        for (const [k, attribute] of attributes.entries()) {
          store.createRow('record_attribute', { engagement_id: store.engagementId, record_id: String(item.record_id), attribute, result: deviation && k === 0 ? 'fail' : 'pass' });
        }
        store.updateRow('record_seen', String(item.record_id), { result: deviation ? 'fail' : 'pass' });
      }
    })();
  } finally {
    opened.db.close();
  }
}
