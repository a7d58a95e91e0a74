import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS, makeEntries, pseudoRandomChunks, sha256Of } from '../../../tests/helpers/package-v2.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { readPackageV2, writePackageV2, type BlobSource } from './index.ts';

const MB = 1024 * 1024;
const BLOB_SIZE = 300 * MB;
/** The budget: a few MiB of buffers, the compressor's state and garbage not yet collected. */
const GROWTH_LIMIT = 100 * MB;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * Samples resident memory while `work` runs; returns the largest growth over the start, measured
 * after a full collection so the garbage of earlier steps does not hide this one's growth.
 */
async function rssGrowth(work: (sample: () => void) => Promise<void>): Promise<number> {
  collectGarbage();
  const start = process.memoryUsage().rss;
  let peak = start;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  try {
    await work(sample);
  } finally {
    clearInterval(timer);
  }
  sample();
  return peak - start;
}

describe('return package v2: bounded memory', () => {
  it('a 300 MB blob is written and read back without resident memory growing by 100 MB', { timeout: 240_000 }, async () => {
    const file = path.join(tempDir(), 'large.iso20k-return');
    const sha256 = sha256Of(pseudoRandomChunks(BLOB_SIZE, 300));
    const blob: BlobSource = { sha256, size: BLOB_SIZE, mediaType: 'video/mp4', read: () => pseudoRandomChunks(BLOB_SIZE, 300) };

    const writeGrowth = await rssGrowth(async () => {
      await writePackageV2(file, HEADER_FIELDS, makeEntries(100), [blob], [], { passphrase: 'walkthrough' });
    });
    expect(fs.statSync(file).size).toBeGreaterThan(BLOB_SIZE);

    let received = 0;
    let ended = false;
    const readGrowth = await rssGrowth(async (sample) => {
      let chunks = 0;
      await readPackageV2(file, 'walkthrough', {
        header: () => undefined,
        entries: () => undefined,
        blobStart: () => 'store',
        blobData: (chunk) => {
          received += chunk.length;
          if (++chunks % 64 === 0) sample();
        },
        blobEnd: () => {
          ended = true;
        },
        bulkStart: () => 'skip',
        bulkData: () => undefined,
        bulkEnd: () => undefined,
      });
    });
    console.log(`[memory] 300 MB blob: rss grew ${(writeGrowth / MB).toFixed(1)} MB writing, ${(readGrowth / MB).toFixed(1)} MB reading`);
    expect(received).toBe(BLOB_SIZE);
    expect(ended).toBe(true); // its SHA-256 matched
    expect(writeGrowth).toBeLessThan(GROWTH_LIMIT);
    expect(readGrowth).toBeLessThan(GROWTH_LIMIT);
  });
});
