import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { guessMapping } from '../../shared/sampling/export-columns.ts';
import type { ColumnRole } from '../../shared/sampling/sampling-kinds.ts';
import { sha256, toHex } from '../../shared/sampling/sha256.ts';

/** The seed the demo's incident sample was drawn with (printed in its report; anyone can recompute it). */
export const DEMO_INCIDENT_SEED = 'meridian-incidents-2026-12-08';
const PRIORITIES = ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low'];
/** Priority weights of a service desk's quarter: few critical, most moderate. */
const PRIORITY_WEIGHTS = [2, 10, 58, 30];
const CATEGORIES = ['Network', 'Hardware', 'Software', 'Access', 'Database', 'Email'];
const LOCATIONS = ['Manchester (MDC1)', 'Leeds office', 'Remote'];
const ASSIGNEES = ['Service Desk L1', 'Network Operations', 'Platform Team', 'Database Team', 'End User Computing'];
const SHORT = ['Cannot connect to VPN', 'Printer offline', 'Outlook keeps asking for password', 'Payroll report slow', 'Laptop will not boot', 'Access to finance share', 'Website returns 502', 'Backup job failed'];

/** A deterministic number in [0, 1) for record i (the demo is the same on every machine). */
const unit = (i: number, salt: string): number => {
  const bytes = sha256(new TextEncoder().encode(`${salt}:${i}`));
  return ((bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!) / 0x1000000;
};
const pick = <T>(list: readonly T[], i: number, salt: string): T => list[Math.floor(unit(i, salt) * list.length)]!;
function weighted(i: number): string {
  let u = unit(i, 'priority') * 100;
  for (let p = 0; p < PRIORITIES.length; p++) {
    u -= PRIORITY_WEIGHTS[p]!;
    if (u < 0) return PRIORITIES[p]!;
  }
  return PRIORITIES[PRIORITIES.length - 1]!;
}

/** The client's ServiceNow incident export for September–November 2026 (1,240 incidents), with the caller column the auditor drops. */
export function demoIncidentExport(): string {
  const lines = ['number,opened_at,resolved_at,priority,category,state,assigned_to,location,short_description,caller_id'];
  const start = Date.UTC(2026, 8, 1);
  const span = Date.UTC(2026, 11, 1) - start;
  for (let i = 0; i < 1240; i++) {
    const opened = start + Math.floor((i / 1240) * span) + Math.floor(unit(i, 'minute') * 3_600_000);
    const resolved = opened + Math.floor((1 + unit(i, 'hours') * 40) * 3_600_000);
    const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    const description = pick(SHORT, i, 'short');
    lines.push(
      [`INC00${41200 + i}`, stamp(opened), stamp(resolved), weighted(i), pick(CATEGORIES, i, 'category'), 'Closed', pick(ASSIGNEES, i, 'assignee'), pick(LOCATIONS, i, 'location'), `"${description}"`, `caller-${toHex(sha256(new TextEncoder().encode(String(i)))).slice(0, 8)}`].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** What the demo's auditor found testing each item (by draw position): one closure without the user's confirmation. */
const DEVIATION_AT = 4;
const TESTED = 10;

/**
 * The demo's record sampling (issue 20): Rajesh imports the incident export (the caller column
 * dropped), draws a stratified sample of 12 by priority (at least 2 per priority) with a recorded seed,
 * and tests 10 of them against the pack's incident attributes: one was closed without the user's
 * confirmation (a deviation, a candidate nonconformity the team is still weighing).
 */
export async function addDemoSampling(service: EngagementService, handle: string): Promise<string> {
  const team = await service.listRows(handle, 'team_member');
  const rajesh = String(team.find((row) => row.initials === 'RI')!.id);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-demo-'));
  const file = path.join(folder, 'incidents_sep-nov_2026.csv');
  try {
    fs.writeFileSync(file, demoIncidentExport());
    const headers = ['number', 'opened_at', 'resolved_at', 'priority', 'category', 'state', 'assigned_to', 'location', 'short_description', 'caller_id'];
    const roles = guessMapping(headers).roles;
    const columns = headers.flatMap((name, index): { index: number; name: string; role: Exclude<ColumnRole, 'drop'> }[] => {
      const role = name === 'short_description' ? 'attribute' : roles[index]!;
      return role === 'drop' ? [] : [{ index, name, role }];
    });
    const imported = await service.startJob(handle, 'importPopulation', () => [
      {
        file,
        format: 'csv' as const,
        reading: { encoding: 'utf-8', delimiter: ',', headerRow: 1 },
        columns,
        badRows: 'skip' as const,
        topic: 'incident',
        name: 'Incidents, September–November 2026',
        periodFrom: '2026-09-01',
        periodTo: '2026-11-30',
        siteId: '',
      },
    ] as const).result;
    const drawn = await service.startJob(handle, 'drawSample', () => [
      {
        populationId: imported.population.id,
        samplingPlan: '8.6.1-s01',
        sizing: 'judgment' as const,
        justification: 'Twelve incidents across the quarter, at least two of each priority, so that the rare critical incidents are seen.',
        confidence: null,
        tolerableRate: null,
        expectedRate: null,
        statisticalModel: '' as const,
        size: 12,
        method: 'stratified' as const,
        stratifyBy: 'priority',
        allocation: 'minimum' as const,
        minimumPerStratum: 2,
        seed: DEMO_INCIDENT_SEED,
      },
      rajesh,
    ] as const).result;
    const items = (await service.listRows(handle, 'sample_item')).filter((row) => row.sample_id === drawn.sampleId).sort((a, b) => Number(a.draw_seq) - Number(b.draw_seq));
    const attributes = (await service.listRows(handle, 'sample_attribute')).filter((row) => row.sample_id === drawn.sampleId).map((row) => String(row.attribute));
    for (const item of items.slice(0, TESTED)) {
      const deviation = Number(item.draw_seq) === DEVIATION_AT;
      for (const attribute of attributes) {
        const failed = deviation && attribute.endsWith('-a05');
        await service.createRow(handle, 'record_attribute', {
          record_id: String(item.record_id),
          attribute,
          result: attribute.endsWith('-a06') ? 'not_applicable' : failed ? 'fail' : 'pass',
          note: failed ? 'Closed by the resolver group; no confirmation from the user and no auto-closure note.' : '',
        });
      }
      await service.updateRow(handle, 'record_seen', String(item.record_id), { result: deviation ? 'fail' : 'pass' });
    }
    return drawn.sampleId;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
