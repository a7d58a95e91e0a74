/**
 * For working on the merge engine: the scale imports of the merge benchmark alone, on a scenario
 * built once and kept in MERGE_DEV_DIR (default: <tmp>/aw-merge-dev), so each try costs seconds,
 * not the ~25 s of setup. Not part of `npm run bench`; remove the folder to rebuild the scenario.
 *
 *   npx tsx tests/bench/merge-dev.ts            # 3 runs of the 8 imports + the bare-insert floor
 *   MERGE_DEV_RUNS=1 MERGE_DEV_FLOOR=0 MERGE_DEV_PROFILE=1 npx tsx tests/bench/merge-dev.ts   # + step by step
 *   MERGE_DEV_PRAGMAS='mmap_size=0|mmap_size=268435456' ...   # runs alternate between pragma sets
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePackage } from '../../electron/team/package-file.ts';
import { BenchFolder } from './bench-temp.ts';
import { median } from './measure.ts';
import { figuresTable } from './report.ts';
import {
  buildScenario,
  closeLead,
  freshLead,
  importFile,
  measureBareInserts,
  profileImports,
  SCALE_LEAD,
  SCALE_MEMBER,
  SCALE_MEMBERS,
  type Scenario,
} from './merge-bench.ts';

const dir = process.env.MERGE_DEV_DIR ?? path.join(os.tmpdir(), 'aw-merge-dev');
const runs = Number(process.env.MERGE_DEV_RUNS ?? 3);
const withFloor = process.env.MERGE_DEV_FLOOR !== '0';
const folder = new BenchFolder();

function loadScenario(): Scenario {
  const meta = path.join(dir, 'scenario.json');
  if (!fs.existsSync(meta)) {
    const built = buildScenario(folder, 'scale', SCALE_LEAD, SCALE_MEMBERS, SCALE_MEMBER, 8);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(built.leadFile, path.join(dir, 'lead.iso20k'));
    const names = built.packageFiles.map((file) => {
      fs.copyFileSync(file, path.join(dir, path.basename(file)));
      return path.basename(file);
    });
    fs.writeFileSync(meta, JSON.stringify({ names, setupSeconds: built.setupSeconds }));
    console.log(`scenario built in ${built.setupSeconds.toFixed(1)} s, kept in ${dir}`);
  }
  const { names } = JSON.parse(fs.readFileSync(meta, 'utf8')) as { names: string[] };
  const packageFiles = names.map((name) => path.join(dir, name));
  const counts = packageFiles.map((file) => {
    const { entries } = decodePackage(fs.readFileSync(file));
    return { entries: entries.length, rows: new Set(entries.map((e) => `${e.entity}\u001f${e.row_id}`)).size };
  });
  return {
    leadFile: path.join(dir, 'lead.iso20k'),
    packageFiles,
    firstPackage: decodePackage(fs.readFileSync(packageFiles[0]!)),
    entries: counts.reduce((n, c) => n + c.entries, 0),
    rowsPerPackage: counts.map((c) => c.rows),
    setupSeconds: 0,
  };
}

/**
 * MERGE_DEV_PRAGMAS="cache_size=-16000|mmap_size=268435456;cache_size=-16000": runs alternate between
 * these pragma sets on the lead's connection (A/B in one process, as the VM is shared).
 */
const caches = (process.env.MERGE_DEV_PRAGMAS ?? '').split('|').filter(Boolean);

try {
  const scenario = loadScenario();
  const totals = new Map<string, { wall: number[]; cpu: number[] }>();
  for (let r = 0; r < runs * Math.max(1, caches.length); r++) {
    const cache = caches.length ? caches[r % caches.length]! : 'default';
    const lead = freshLead(scenario, folder);
    for (const pragma of cache === 'default' ? [] : cache.split(';')) lead.db.pragma(pragma);
    try {
      const cpu0 = process.cpuUsage();
      const times = scenario.packageFiles.map((file) => importFile(lead, file));
      const cpu = process.cpuUsage(cpu0);
      const total = times.reduce((s, t) => s + t.readMs + t.mergeMs, 0);
      const slot = totals.get(cache) ?? { wall: [], cpu: [] };
      slot.wall.push(total);
      slot.cpu.push((cpu.user + cpu.system) / 1000);
      totals.set(cache, slot);
      console.log(
        `run ${r + 1} (${cache}): ${(total / 1000).toFixed(2)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (sys ${(cpu.system / 1e6).toFixed(2)}); ` +
          `read+decode ${times.reduce((s, t) => s + t.readMs, 0).toFixed(0)} ms; ` +
          `per package ${times.map((t) => (t.readMs + t.mergeMs).toFixed(0)).join(', ')} ms; ` +
          `conflicts opened ${times.reduce((n, t) => n + t.summary.conflictsOpened, 0)}, open ${times.at(-1)!.summary.conflictsOpen}; ` +
          `entries added ${times.reduce((n, t) => n + t.summary.entriesAdded, 0)} of ${scenario.entries}`,
      );
    } finally {
      closeLead(lead);
    }
  }
  for (const [cache, { wall, cpu }] of totals) {
    console.log(`${cache}: median ${(median(wall) / 1000).toFixed(2)} s, cpu ${(median(cpu) / 1000).toFixed(2)} s`);
  }
  if (process.env.MERGE_DEV_PROFILE === '1') {
    const { wall, cpu } = profileImports(scenario, folder);
    console.log(figuresTable('the 8 imports step by step, summed', ['wall ms', 'cpu ms'], wall.map((s, i) => ({ name: s.name, values: [s.ms, cpu[i]!.ms] }))));
  }
  if (withFloor) console.log(`floor (read, gunzip, JSON.parse, bare INSERTs) ${(median(measureBareInserts(scenario, folder, runs)) / 1000).toFixed(2)} s`);
} finally {
  folder.remove();
}
