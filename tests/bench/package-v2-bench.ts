/**
 * Return packages v2 with 300 MB of evidence: export (writePackageV2) and import (readPackageV2,
 * every blob stored and verified) against the floor of copying the same bytes through gzip and
 * SHA-256 (read the files → SHA-256 → gzip → write; then read → gunzip → SHA-256), both with the
 * same zlib settings (level 6, the package's chunk size). The goal: at most 2× the floor.
 *
 * The evidence is half random bytes (photos, video, PDFs: incompressible) and half generated log
 * text (compressible), in six 50 MB files, as an auditor's attachments would be.
 *
 *   npx tsx tests/bench/package-v2-bench.ts [runs]
 */
import { createCipheriv, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { readPackageV2, writePackageV2, type BlobSource } from '../../electron/team/package-v2/index.ts';
import { GZIP_CHUNK_SIZE } from '../../electron/team/package-v2/format.ts';
import { HEADER_FIELDS, makeEntries } from '../helpers/package-v2.ts';
import { mulberry32 } from '../helpers/prng.ts';
import { BenchFolder } from './bench-temp.ts';
import { MB, median, spread } from './measure.ts';
import type { BenchRow } from './report.ts';

const FILE_SIZE = 50 * MB;
const READ_CHUNK = MB;

export function writeRandom(file: string, seed: number): void {
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(`bench ${seed}`).digest(), Buffer.alloc(16));
  const zeros = Buffer.alloc(MB);
  const fd = fs.openSync(file, 'w');
  for (let left = FILE_SIZE; left > 0; left -= MB) fs.writeSync(fd, cipher.update(zeros.subarray(0, Math.min(MB, left))));
  fs.closeSync(fd);
}

const WORDS = ['change', 'approved', 'CAB', 'rollback', 'incident', 'P2', 'resolved', 'customer', 'SLA', 'breach', 'known error', 'workaround', 'release', 'deployed', 'backup', 'restore', 'tested', 'capacity', 'threshold', 'supplier'];

/** A service desk's log export: timestamps, ticket numbers, users and a few words, line by line. */
export function writeLog(file: string, seed: number): void {
  const random = mulberry32(seed);
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let time = Date.parse('2026-01-05T07:00:00Z');
  while (written < FILE_SIZE) {
    const lines: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      time += Math.floor(random() * 90_000);
      const words = Array.from({ length: 4 + Math.floor(random() * 8) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
      lines.push(`${new Date(time).toISOString()} INC${String(100_000 + Math.floor(random() * 900_000))} user${Math.floor(random() * 400)} ${words}\n`);
    }
    const chunk = Buffer.from(lines.join(''));
    const part = chunk.subarray(0, Math.min(chunk.length, FILE_SIZE - written));
    fs.writeSync(fd, part);
    written += part.length;
  }
  fs.closeSync(fd);
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function* hashing(hash: ReturnType<typeof createHash>, source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

/** The floor, write side: every file read, hashed, through one gzip stream, to one file. */
export async function floorWrite(files: readonly string[], target: string): Promise<void> {
  const hash = createHash('sha256');
  async function* all(): AsyncGenerator<Buffer> {
    for (const file of files) yield* hashing(hash, fs.createReadStream(file, { highWaterMark: READ_CHUNK }));
  }
  await pipeline(all(), createGzip({ chunkSize: GZIP_CHUNK_SIZE }), fs.createWriteStream(target));
  hash.digest('hex');
}

/** The floor, read side: the gzip file read, decompressed and hashed. */
export async function floorRead(source: string): Promise<void> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(source, { highWaterMark: READ_CHUNK }), createGunzip({ chunkSize: GZIP_CHUNK_SIZE }), async (stream: AsyncIterable<Buffer>) => {
    for await (const chunk of stream) hash.update(chunk);
  });
  hash.digest('hex');
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export interface PackageV2BenchResult {
  readonly rows: BenchRow[];
  readonly notes: string[];
}

export async function runPackageV2Bench(folder: BenchFolder, runs: number): Promise<PackageV2BenchResult> {
  const files: string[] = [];
  for (let i = 0; i < 3; i++) {
    files.push(folder.file(`photo-${i}.bin`), folder.file(`log-${i}.txt`));
    writeRandom(files.at(-2)!, i);
    writeLog(files.at(-1)!, i);
  }
  const blobs: BlobSource[] = [];
  for (const file of files) {
    blobs.push({
      sha256: await sha256OfFile(file),
      size: fs.statSync(file).size,
      mediaType: file.endsWith('.txt') ? 'text/plain' : 'application/octet-stream',
      read: () => fs.createReadStream(file, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>,
    });
  }
  const total = blobs.reduce((sum, blob) => sum + blob.size, 0);
  const entries = makeEntries(2_000);
  const visitor = {
    header: () => undefined,
    entries: () => undefined,
    blobStart: () => 'store' as const,
    blobData: () => undefined,
    blobEnd: () => undefined,
    bulkStart: () => 'store' as const,
    bulkData: () => undefined,
    bulkEnd: () => undefined,
  };

  const floor = { write: [] as number[], read: [] as number[] };
  const plain = { write: [] as number[], read: [] as number[] };
  const sealed = { write: [] as number[], read: [] as number[] };
  const floorFile = folder.file('floor.gz');
  const plainFile = folder.file('plain.iso20k-return');
  const sealedFile = folder.file('sealed.iso20k-return');
  let rssPeak = 0;
  const rssBase = process.memoryUsage().rss;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss - rssBase)), 50);
  for (let run = 0; run < runs; run++) {
    // Interleaved, so drift of the machine (other jobs, the page cache) touches all three alike.
    floor.write.push(await timed(() => floorWrite(files, floorFile)));
    floor.read.push(await timed(() => floorRead(floorFile)));
    plain.write.push(await timed(() => writePackageV2(plainFile, HEADER_FIELDS, entries, blobs, [], { passphrase: null })));
    plain.read.push(await timed(() => readPackageV2(plainFile, null, visitor)));
    sealed.write.push(await timed(() => writePackageV2(sealedFile, HEADER_FIELDS, entries, blobs, [], { passphrase: 'bench passphrase' })));
    sealed.read.push(await timed(() => readPackageV2(sealedFile, 'bench passphrase', visitor)));
  }
  clearInterval(timer);

  const mb = (total / MB).toFixed(0);
  const floorBoth = median(floor.write) + median(floor.read);
  const row = (name: string, samples: readonly number[], floorMs: number, goal = '-'): BenchRow => ({
    name,
    value: median(samples),
    unit: 'ms',
    goal,
    floor: floorMs,
    kind: 'time',
    note: spread(samples),
  });
  const both = (m: { write: number[]; read: number[] }): number[] => m.write.map((w, i) => w + m.read[i]!);
  const rows: BenchRow[] = [
    row(`package v2 export, ${mb} MB evidence, plain`, plain.write, median(floor.write)),
    row(`package v2 import, ${mb} MB evidence, plain`, plain.read, median(floor.read)),
    row(`package v2 export + import, ${mb} MB, plain`, both(plain), floorBoth, '≤ 2× floor'),
    row(`package v2 export, ${mb} MB evidence, passphrase`, sealed.write, median(floor.write)),
    row(`package v2 import, ${mb} MB evidence, passphrase`, sealed.read, median(floor.read)),
    row(`package v2 export + import, ${mb} MB, passphrase`, both(sealed), floorBoth, '≤ 2× floor'),
  ];
  const notes = [
    `Floor: the same ${mb} MB read → SHA-256 → gzip (level 6) → written, then read → gunzip → SHA-256; package sizes: plain ${(fs.statSync(plainFile).size / MB).toFixed(1)} MB, passphrase ${(fs.statSync(sealedFile).size / MB).toFixed(1)} MB, floor ${(fs.statSync(floorFile).size / MB).toFixed(1)} MB.`,
    `Resident memory grew by at most ${(rssPeak / MB).toFixed(0)} MB over the runs.`,
  ];
  return { rows, notes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const runs = Number(process.argv[2] ?? 3);
  const folder = new BenchFolder();
  const { rows, notes } = await runPackageV2Bench(folder, runs);
  const { resultTable } = await import('./report.ts');
  console.log(resultTable(rows));
  for (const note of notes) console.log(note);
  folder.remove();
}
