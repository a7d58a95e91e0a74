/**
 * For working on the merge engine: the scale imports of the merge benchmark alone, on a scenario
 * built once and kept in MERGE_DEV_DIR (default: <tmp>/aw-merge-dev), so each try costs seconds,
 * not the ~25 s of setup. Not part of `npm run bench`; remove the folder to rebuild the scenario.
 *
 *   npx tsx tests/bench/merge-dev.ts            # 3 runs of the 8 imports + the bare-insert floor
 *   MERGE_DEV_RUNS=1 MERGE_DEV_FLOOR=0 npx tsx --cpu-prof tests/bench/merge-dev.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePackage } from '../../electron/consolidation/package-file.ts';
import { BenchFolder } from './bench-temp.ts';
import { median } from './measure.ts';
import {
  buildScenario,
  closeLead,
  freshLead,
  importFile,
  measureBareInserts,
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
  const packages = packageFiles.map((file) => decodePackage(fs.readFileSync(file)));
  return {
    leadFile: path.join(dir, 'lead.iso20k'),
    packageFiles,
    packages,
    entries: packages.reduce((n, p) => n + p.entries.length, 0),
    rowsPerPackage: packages.map((p) => new Set(p.entries.map((e) => `${e.entity}\u001f${e.row_id}`)).size),
    setupSeconds: 0,
  };
}

try {
  const scenario = loadScenario();
  const totals: number[] = [];
  for (let r = 0; r < runs; r++) {
    const lead = freshLead(scenario, folder);
    try {
      const times = scenario.packageFiles.map((file) => importFile(lead, file));
      const total = times.reduce((s, t) => s + t.readMs + t.mergeMs, 0);
      totals.push(total);
      console.log(
        `run ${r + 1}: ${(total / 1000).toFixed(2)} s; read+decode ${times.reduce((s, t) => s + t.readMs, 0).toFixed(0)} ms; ` +
          `per package ${times.map((t) => (t.readMs + t.mergeMs).toFixed(0)).join(', ')} ms; ` +
          `conflicts opened ${times.reduce((n, t) => n + t.summary.conflictsOpened, 0)}, open ${times.at(-1)!.summary.conflictsOpen}; ` +
          `entries added ${times.reduce((n, t) => n + t.summary.entriesAdded, 0)} of ${scenario.entries}`,
      );
    } finally {
      closeLead(lead);
    }
  }
  console.log(`median ${(median(totals) / 1000).toFixed(2)} s`);
  if (withFloor) console.log(`floor (read, gunzip, JSON.parse, bare INSERTs) ${(median(measureBareInserts(scenario, folder, runs)) / 1000).toFixed(2)} s`);
} finally {
  folder.remove();
}
