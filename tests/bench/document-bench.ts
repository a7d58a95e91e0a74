/**
 * The document engine (issue 14): the audit plan of 80 sessions with 6 people as .docx (goal < 1 s)
 * and as a Chinese PDF (goal < 2 s), through the real `DocumentRenderer` and its built worker
 * (dist/workers/document-worker.cjs, fonts from dist/fonts). The first PDF includes the worker's start
 * and reading the font (what the first export of a session waits); later ones reuse the worker.
 * Floors, same run: an empty .docx from the same library; a one-line Chinese PDF in the warm worker
 * (font parsing, subsetting and writing a file: the fixed cost of any PDF). Sizes of the PDFs too.
 * `warmUp()` (a small document rendered as a screen that exports opens) takes the cold part away.
 */
import { DocumentRenderer, renderDocx } from '../../electron/documents/index.ts';
import { paragraph, title, type DocumentModel } from '../../shared/documents/model.ts';
import { planDocument } from '../../shared/documents/plan-document.ts';
import { largePlanInput, samplePlanInput } from '../fixtures/plan-documents.ts';
import { median, spread } from './measure.ts';
import type { BenchRow } from './report.ts';
import { WORKER_DIR } from './service-bench.ts';

const KB = 1024;

export async function runDocumentBench(runs: number): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const large = { en: largePlanInput('en', 80, 6), zh: largePlanInput('zh-Hans', 80, 6) };
  const times = Math.max(runs, 7);

  // .docx: the model built from the plan's input, then the file, in this thread.
  const docx: number[] = [];
  const emptyDocx: number[] = [];
  const empty: DocumentModel = { ...planDocument(samplePlanInput('en')), blocks: [title('x')] };
  let docxBytes = 0;
  for (let i = 0; i < times; i++) {
    let start = performance.now();
    docxBytes = (await renderDocx(planDocument(large.zh))).length;
    docx.push(performance.now() - start);
    start = performance.now();
    await renderDocx(empty);
    emptyDocx.push(performance.now() - start);
  }
  rows.push({ name: 'plan as .docx (80 sessions, 6 people, Chinese; model + file)', value: median(docx), unit: 'ms', goal: '< 1000', floor: median(emptyDocx), kind: 'time', note: `${spread(docx)}; ${(docxBytes / KB).toFixed(0)} KB; floor = a one-line .docx` });

  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  try {
    let start = performance.now();
    const first = await renderer.pdf(planDocument(large.zh));
    const cold = performance.now() - start;
    const warm: number[] = [];
    const floor: number[] = [];
    const oneLine: DocumentModel = { ...planDocument(samplePlanInput('zh-Hans')), blocks: [paragraph('审核计划')] };
    for (let i = 0; i < times; i++) {
      start = performance.now();
      await renderer.pdf(planDocument(large.zh));
      warm.push(performance.now() - start);
      start = performance.now();
      await renderer.pdf(oneLine);
      floor.push(performance.now() - start);
    }
    rows.push({ name: 'plan as PDF, Chinese, first of the session (worker start + font read)', value: cold, unit: 'ms', goal: '< 2000', floor: median(floor), kind: 'time', note: 'one sample; floor = a one-line Chinese PDF in the warm worker' });
    // What the export channel gets when it calls warmUp() as the screen opens.
    const warmed = new DocumentRenderer({ workerDir: WORKER_DIR });
    try {
      start = performance.now();
      await warmed.warmUp();
      const warmUp = performance.now() - start;
      start = performance.now();
      await warmed.pdf(planDocument(large.zh));
      rows.push({ name: 'plan as PDF, Chinese, first after warmUp() (a new worker)', value: performance.now() - start, unit: 'ms', goal: '< 2000', floor: median(floor), kind: 'time', note: `one sample; the warm-up itself took ${warmUp.toFixed(0)} ms in the background` });
    } finally {
      await warmed.close();
    }
    rows.push({ name: 'plan as PDF, Chinese (80 sessions, 6 people; warm worker)', value: median(warm), unit: 'ms', goal: '< 2000', floor: median(floor), kind: 'time', note: spread(warm) });
    const english = await renderer.pdf(planDocument(large.en));
    const sampleZh = await renderer.pdf(planDocument(samplePlanInput('zh-Hans')));
    const sampleEn = await renderer.pdf(planDocument(samplePlanInput('en')));
    for (const [name, bytes] of [
      ['PDF size: plan of 80 sessions, Chinese', first],
      ['PDF size: plan of 80 sessions, English', english],
      ['PDF size: two-day plan (15 sessions), Chinese', sampleZh],
      ['PDF size: two-day plan (15 sessions), English', sampleEn],
    ] as const) {
      rows.push({ name, value: bytes.length / KB, unit: 'KB', goal: '-', floor: null, kind: 'time' });
    }
    notes.push('PDF sizes: the font (Noto Sans SC, 10.5 MB a weight) is subset to the glyphs used; the logo is a 360 × 120 PNG.');
  } finally {
    await renderer.close();
  }
  return { rows, notes };
}
