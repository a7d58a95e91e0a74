/**
 * The audit report (issue 18): an engagement with 300 findings, 1,500 answers, 40 records seen and
 * 100 photos (their report copies in the evidence annex) exported as .docx (goal < 5 s) and as PDF
 * (goal < 10 s), each under 800 MB peak, through the real exporter (the content built in the
 * engagement worker, rendered in the documents worker, written and recorded) — drafts, so the gate
 * does not stop the bench. Floors, same run: the `docx` library and pdfmake packing the same
 * paragraphs, tables and pictures with no logic of ours (every text a plain paragraph, every table a
 * plain table, every photo at its printed width), so the overhead of the model shows as a ratio.
 * Peak memory: the process's resident set (main thread and every worker) sampled every 20 ms.
 */
import path from 'node:path';
import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake/interfaces.js';
import { DocumentRenderer } from '../../electron/documents/index.ts';
import { builtFontDir, readPdfFonts } from '../../electron/documents/pdf-fonts.ts';
import type { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { ReportExporter } from '../../electron/report/index.ts';
import { TemplateService } from '../../electron/templates/index.ts';
import { documentTexts, type DocumentModel, type Inline } from '../../shared/documents/model.ts';
import { auditReportDocument } from '../../shared/documents/report-document.ts';
import type { BenchFolder } from './bench-temp.ts';
import { writeLargeReportEngagement } from './large-report-engagement.ts';
import { MB, median, spread } from './measure.ts';
import type { BenchRow } from './report.ts';
import { WORKER_DIR } from './service-bench.ts';

/** Runs `work` while sampling the process's resident set; the peak in MB. */
async function withPeak<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms, peakMb: peak / MB };
  } finally {
    clearInterval(timer);
  }
}

const inlineText = (content: Inline): string => content.map((part) => part.text).join('');
/** A row's cell texts, one per column: a cell spanning columns is followed by empty ones (no spans in a plain table). */
const rowTexts = (cells: readonly { readonly lines: readonly Inline[]; readonly span?: number }[]): string[] =>
  cells.flatMap((cell) => [cell.lines.map(inlineText).join('\n'), ...Array.from({ length: (cell.span ?? 1) - 1 }, () => '')]);
const dataBytes = (dataUrl: string): Buffer => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

/** The same paragraphs, tables and pictures as `model`, packed by `docx` with nothing of ours. */
async function docxFloor(model: DocumentModel): Promise<number> {
  const children: (Paragraph | Table)[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'table') {
      const header = new TableRow({ children: block.columns.map((column) => new TableCell({ children: [new Paragraph(column.header)] })) });
      const rows = block.rows.map((row) => new TableRow({ children: rowTexts(row.cells).map((text) => new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)) })) }));
      children.push(new Table({ rows: [header, ...rows] }));
    } else if (block.kind === 'image') {
      const width = 600;
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: block.dataUrl.startsWith('data:image/png') ? 'png' : 'jpg', data: dataBytes(block.dataUrl), transformation: { width, height: Math.round((width * block.heightPx) / block.widthPx) } })] }));
      children.push(new Paragraph(block.caption));
    } else {
      for (const text of documentTexts({ ...model, blocks: [block] }).slice(3)) children.push(new Paragraph({ children: [new TextRun(text)] }));
    }
  }
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return bytes.length;
}

/** The same paragraphs, tables and pictures as `model`, laid out by pdfmake with nothing of ours, in the same font. */
async function pdfFloor(model: DocumentModel): Promise<number> {
  const content: Content[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'table') {
      content.push({ table: { headerRows: 1, body: [block.columns.map((column) => column.header), ...block.rows.map((row) => rowTexts(row.cells))] } });
    } else if (block.kind === 'image') {
      content.push({ image: block.dataUrl, width: 450 }, { text: block.caption });
    } else {
      for (const text of documentTexts({ ...model, blocks: [block] }).slice(3)) content.push({ text });
    }
  }
  const buffer = await pdfmake.createPdf({ content, defaultStyle: { font: 'NotoSansSC' } }).getBuffer();
  return buffer.length;
}

function loadPdfmakeFonts(): void {
  const fonts = readPdfFonts(builtFontDir(WORKER_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const files = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Uint8Array): void } }).virtualfs;
  files.writeFileSync('floor-regular.ttf', Buffer.from(fonts.regular));
  files.writeFileSync('floor-bold.ttf', Buffer.from(fonts.bold));
  pdfmake.setFonts({ NotoSansSC: { normal: 'floor-regular.ttf', bold: 'floor-bold.ttf', italics: 'floor-regular.ttf', bolditalics: 'floor-bold.ttf' } });
}

export async function runReportBench(service: EngagementService, folder: BenchFolder, progress: (line: string) => void, runs: number): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const times = Math.max(3, Math.min(runs, 5));
  progress('report: writing the engagement (300 findings, 1,500 answers, 40 records, 100 photos)');
  const file = await writeLargeReportEngagement(service, folder.sub('report'), progress);
  const { handle } = await service.openFile(file);
  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  const templates = new TemplateService({ workerDir: WORKER_DIR });
  try {
    const exporter = new ReportExporter(service, renderer, templates);
    const out = folder.sub('report-out');
    await renderer.warmUp();
    const measured: { format: 'docx' | 'pdf'; samples: number[]; peakMb: number; size: number }[] = [];
    for (const format of ['docx', 'pdf'] as const) {
      const samples: number[] = [];
      let peakMb = 0;
      let size = 0;
      for (let i = 0; i < times; i++) {
        progress(`report: ${format} with the photo annex (run ${i + 1}/${times})`);
        const run = await withPeak(() => exporter.export(handle, { format, language: 'en', file: path.join(out, `report-${i}.${format}`), draft: true, photos: true }, () => undefined));
        samples.push(run.ms);
        peakMb = Math.max(peakMb, run.peakMb);
        size = run.value.size;
      }
      measured.push({ format, samples, peakMb, size });
    }

    // The floors: the same blocks, packed by the libraries with nothing of ours, in this thread.
    const input = await service.call(handle, 'reportInput', { language: 'en', revision: 1, issuedAt: new Date().toISOString(), issuedBy: 'Bench', draft: true, photos: true });
    const model = auditReportDocument(input);
    const blocks = model.blocks.length;
    loadPdfmakeFonts();
    const floors: Record<'docx' | 'pdf', number[]> = { docx: [], pdf: [] };
    for (let i = 0; i < times; i++) {
      progress(`report: the libraries' floors (run ${i + 1}/${times})`);
      let started = performance.now();
      await docxFloor(model);
      floors.docx.push(performance.now() - started);
      started = performance.now();
      await pdfFloor(model);
      floors.pdf.push(performance.now() - started);
    }
    for (const { format, samples, peakMb, size } of measured) {
      const name = format === 'docx' ? '.docx' : 'PDF';
      rows.push({ name: `audit report as ${name} (300 findings, 1,500 answers, 40 records, 100 photos; export end to end)`, value: median(samples), unit: 'ms', goal: format === 'docx' ? '< 5000' : '< 10000', floor: median(floors[format]), kind: 'time', note: `${spread(samples)}; ${(size / MB).toFixed(1)} MB file; floor = the ${format === 'docx' ? 'docx library' : 'pdfmake'} packing the same blocks with nothing of ours` });
      rows.push({ name: `audit report as ${name}: peak resident memory (process and its workers)`, value: peakMb, unit: 'MB', goal: '< 800', floor: null, kind: 'time' });
    }
    notes.push(`Report floors: docx library ${median(floors.docx).toFixed(0)} ms (${spread(floors.docx)}), pdfmake ${median(floors.pdf).toFixed(0)} ms (${spread(floors.pdf)}) for the same ${blocks} blocks with nothing of ours.`);
  } finally {
    await renderer.close();
    await service.close(handle);
  }
  return { rows, notes };
}
