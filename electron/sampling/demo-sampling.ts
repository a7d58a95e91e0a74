import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { guessMapping } from '../../shared/sampling/export-columns.ts';
import type { ColumnRole } from '../../shared/sampling/sampling-kinds.ts';
import { sha256, toHex } from '../../shared/sampling/sha256.ts';

/**
 * The client's incident export as its ITSM tool writes it, in one language: the columns in the order
 * number, opened, resolved, priority, category, state, assignee, location, description, caller, and
 * the values the tool fills them with.
 */
export interface DemoIncidentExport {
  readonly fileName: string;
  /** How the tool encodes the file: UTF-8, or GB18030 as Chinese tools write CSV for Excel. */
  readonly encoding: 'utf-8' | 'gb18030';
  readonly headers: readonly [id: string, opened: string, resolved: string, priority: string, category: string, state: string, assignee: string, location: string, description: string, caller: string];
  readonly rows: number;
  readonly idPrefix: string;
  readonly firstId: number;
  /** The period the export covers: [from, until) as calendar dates. */
  readonly from: string;
  readonly until: string;
  /** The tool writes times in its own zone: hours ahead of UTC. */
  readonly utcOffsetHours: number;
  readonly state: string;
  /** Most severe first (weighted like a service desk's quarter: few critical, most moderate). */
  readonly priorities: readonly [string, string, string, string];
  readonly categories: readonly string[];
  readonly locations: readonly string[];
  readonly assignees: readonly string[];
  readonly descriptions: readonly string[];
  readonly callerPrefix: string;
}

/** A demo's incident sample, in one language (demo-sampling-en.ts, demo-sampling-zh.ts). */
export interface DemoSamplingData {
  /** The member who imports, draws and tests (initials). */
  readonly by: string;
  readonly export: DemoIncidentExport;
  readonly population: { readonly name: string; readonly periodFrom: string; readonly periodTo: string };
  readonly draw: { readonly justification: string; readonly seed: string; readonly size: number; readonly minimumPerStratum: number };
  /** Items tested, by draw position; the one deviation found, and the auditor's note on it. */
  readonly tested: number;
  readonly deviationAt: number;
  readonly deviationNote: string;
}

/** Priority weights of a service desk's quarter: few critical, most moderate. */
const PRIORITY_WEIGHTS = [2, 10, 58, 30];

/** A deterministic number in [0, 1) for record i (the demo is the same on every machine). */
const unit = (i: number, salt: string): number => {
  const bytes = sha256(new TextEncoder().encode(`${salt}:${i}`));
  return ((bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!) / 0x1000000;
};
const pick = <T>(list: readonly T[], i: number, salt: string): T => list[Math.floor(unit(i, salt) * list.length)]!;
function weighted(priorities: readonly string[], i: number): string {
  let u = unit(i, 'priority') * 100;
  for (let p = 0; p < priorities.length; p++) {
    u -= PRIORITY_WEIGHTS[p]!;
    if (u < 0) return priorities[p]!;
  }
  return priorities[priorities.length - 1]!;
}

/** The client's incident export (a quarter of incidents), with the caller column the auditor drops. */
export function demoIncidentExport(data: DemoIncidentExport): string {
  const lines = [data.headers.join(',')];
  const start = Date.parse(`${data.from}T00:00:00Z`);
  const span = Date.parse(`${data.until}T00:00:00Z`) - start;
  const shift = data.utcOffsetHours * 3_600_000;
  for (let i = 0; i < data.rows; i++) {
    const opened = start + Math.floor((i / data.rows) * span) + Math.floor(unit(i, 'minute') * 3_600_000);
    const resolved = opened + Math.floor((1 + unit(i, 'hours') * 40) * 3_600_000);
    const stamp = (ms: number) => new Date(ms + shift).toISOString().slice(0, 19).replace('T', ' ');
    const description = pick(data.descriptions, i, 'short');
    const caller = `${data.callerPrefix}${toHex(sha256(new TextEncoder().encode(String(i)))).slice(0, 8)}`;
    lines.push(
      [`${data.idPrefix}${data.firstId + i}`, stamp(opened), stamp(resolved), weighted(data.priorities, i), pick(data.categories, i, 'category'), data.state, pick(data.assignees, i, 'assignee'), pick(data.locations, i, 'location'), `"${description}"`, caller].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

let gbCodes: Map<string, readonly [number, number]> | null = null;

/**
 * Text as GB18030 bytes, as a Chinese ITSM tool writes its CSV for Excel. Node decodes GB18030 but
 * does not encode it: the two-byte table is read back from the decoder once (23,940 codes, a few ms).
 */
export function gb18030Bytes(text: string): Uint8Array {
  if (!gbCodes) {
    const pairs: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
    const chars = [...new TextDecoder('gb18030').decode(new Uint8Array(pairs))];
    gbCodes = new Map(chars.map((char, i) => [char, [pairs[2 * i]!, pairs[2 * i + 1]!] as const]));
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbCodes.get(char);
      if (!pair) throw new Error(`The demo's export has a character outside GB18030's two-byte table: ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/**
 * The demo's record sampling (issue 20): the auditor imports the incident export (the caller column
 * dropped), draws a stratified sample by priority (a minimum per priority) with a recorded seed, and
 * tests the first items against the pack's incident attributes: one was closed without the user's
 * confirmation (a deviation, a candidate nonconformity the team is still weighing).
 */
export async function addDemoSampling(service: EngagementService, handle: string, data: DemoSamplingData): Promise<string> {
  const team = await service.listRows(handle, 'team_member');
  const by = String(team.find((row) => row.initials === data.by)!.id);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-demo-'));
  const file = path.join(folder, data.export.fileName);
  try {
    const text = demoIncidentExport(data.export);
    fs.writeFileSync(file, data.export.encoding === 'gb18030' ? gb18030Bytes(text) : text);
    const headers = data.export.headers;
    const roles = guessMapping(headers).roles;
    const columns = headers.flatMap((name, index): { index: number; name: string; role: Exclude<ColumnRole, 'drop'> }[] => {
      // The description is kept as an attribute; the caller is personal data the audit does not need.
      const role = index === 8 ? 'attribute' : roles[index]!;
      return role === 'drop' ? [] : [{ index, name, role }];
    });
    const imported = await service.startJob(handle, 'importPopulation', () => [
      {
        file,
        format: 'csv' as const,
        reading: { encoding: data.export.encoding, delimiter: ',', headerRow: 1 },
        columns,
        badRows: 'skip' as const,
        topic: 'incident',
        name: data.population.name,
        periodFrom: data.population.periodFrom,
        periodTo: data.population.periodTo,
        siteId: '',
      },
    ] as const).result;
    const drawn = await service.startJob(handle, 'drawSample', () => [
      {
        populationId: imported.population.id,
        samplingPlan: '8.6.1-s01',
        sizing: 'judgment' as const,
        justification: data.draw.justification,
        confidence: null,
        tolerableRate: null,
        expectedRate: null,
        statisticalModel: '' as const,
        size: data.draw.size,
        method: 'stratified' as const,
        stratifyBy: headers[3],
        allocation: 'minimum' as const,
        minimumPerStratum: data.draw.minimumPerStratum,
        seed: data.draw.seed,
      },
      by,
    ] as const).result;
    const items = (await service.listRows(handle, 'sample_item')).filter((row) => row.sample_id === drawn.sampleId).sort((a, b) => Number(a.draw_seq) - Number(b.draw_seq));
    const attributes = (await service.listRows(handle, 'sample_attribute')).filter((row) => row.sample_id === drawn.sampleId).map((row) => String(row.attribute));
    for (const item of items.slice(0, data.tested)) {
      const deviation = Number(item.draw_seq) === data.deviationAt;
      for (const attribute of attributes) {
        const failed = deviation && attribute.endsWith('-a05');
        await service.createRow(handle, 'record_attribute', {
          record_id: String(item.record_id),
          attribute,
          result: attribute.endsWith('-a06') ? 'not_applicable' : failed ? 'fail' : 'pass',
          note: failed ? data.deviationNote : '',
        });
      }
      await service.updateRow(handle, 'record_seen', String(item.record_id), { result: deviation ? 'fail' : 'pass' });
    }
    return drawn.sampleId;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
