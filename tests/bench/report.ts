import os from 'node:os';
import type { Machine } from './machine.ts';

export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal: string;
  readonly floor: number | null;
  /** 'time': ratio = value / floor; 'rate': ratio = floor / value. Either way, how many times slower. */
  readonly kind: 'time' | 'rate';
  readonly note?: string;
}

const format = (value: number): string =>
  !Number.isFinite(value) ? '-' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

function ratio(row: BenchRow): string {
  if (row.floor === null || !row.floor || !row.value) return '-';
  const times = row.kind === 'time' ? row.value / row.floor : row.floor / row.value;
  return `${times.toFixed(1)}x`;
}

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The main table, in Markdown so it can be pasted into BENCHMARKS.md as printed. */
export function resultTable(rows: readonly BenchRow[]): string {
  return table(
    ['name', 'value', 'unit', 'goal', 'floor', 'ratio'],
    rows.map((r) => [r.name, format(r.value), r.unit, r.goal, r.floor === null ? '-' : format(r.floor), ratio(r)]),
    new Set([1, 4, 5]),
  );
}

export function stepTable(title: string, steps: readonly { name: string; ms: number }[]): string {
  return table([title, 'median ms'], steps.map((s) => [s.name, format(s.ms)]), new Set([1]));
}

export function machineLines(machine: Machine): string {
  return [
    `CPU: ${machine.cpu} (${machine.cores} cores)`,
    `RAM: ${machine.ramGiB} GiB`,
    `OS: ${machine.platform}`,
    `Node: ${machine.node}, SQLite: ${machine.sqlite}`,
    `Load average (1 min): ${machine.loadAverage.toFixed(2)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end`,
  ].join('\n');
}

/** Steps with several figures each (for example wall clock and CPU time). */
export function figuresTable(title: string, columns: readonly string[], steps: readonly { name: string; values: readonly number[] }[]): string {
  return table(
    [title, ...columns],
    steps.map((s) => [s.name, ...s.values.map(format)]),
    new Set(columns.map((_, i) => i + 1)),
  );
}
