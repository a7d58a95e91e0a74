/**
 * Issue 17 (in progress): the statement check under 2 ms per keystroke on 5,000 characters. Two
 * texts: a factual English statement (few candidate words: windows around each hit) and a Chinese
 * one full of vague words (one pass of the segmenter over the whole text). Floor: one pass of
 * Intl.Segmenter over the same text, what any word-boundary check has to pay, same run.
 */
import { checkStatement } from '../../shared/findings/statement-check.ts';
import { median } from './measure.ts';
import type { BenchRow } from './report.ts';

const FACTUAL = 'Change CHG-10422 was approved by the CAB on 3 March 2026 and implemented on 5 March 2026 with a rollback plan; some of the tests were late. '.repeat(40).slice(0, 5000);
const VAGUE_ZH = '部分变更未经CAB批准，包括紧急变更等，有时未记录原因，事件按等级分类。'.repeat(150).slice(0, 5000);

const p95 = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]!;

export function runFindingsBench(runs: number): BenchRow[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const rows: BenchRow[] = [];
  for (const [label, text] of [
    ['English, a few vague words', FACTUAL],
    ['Chinese, vague words throughout', VAGUE_ZH],
  ] as const) {
    const checks: number[] = [];
    const floors: number[] = [];
    let sink = 0;
    for (let i = 0; i < Math.max(200, runs * 30); i++) {
      // A keystroke: the text grows by one character.
      const typed = text.slice(0, 4999) + String.fromCharCode(97 + (i % 26));
      let start = performance.now();
      sink += checkStatement({ nature: 'nonconformity', evidence: typed, notFulfilled: '' }).length;
      checks.push(performance.now() - start);
      start = performance.now();
      for (const segment of segmenter.segment(typed)) sink += segment.index & 1;
      floors.push(performance.now() - start);
    }
    if (sink < 0) console.log(sink);
    rows.push({ name: `statement check, 5,000 characters (${label}), p95`, value: p95(checks), unit: 'ms', goal: '< 2 ms', floor: median(floors), kind: 'time', note: `median ${median(checks).toFixed(2)} ms; floor = one Intl.Segmenter pass over the text` });
  }
  return rows;
}
