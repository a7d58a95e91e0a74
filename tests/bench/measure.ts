/** Timing helpers for the benchmark: wall-clock milliseconds and medians, nothing statistical beyond that. */

export async function timeMs<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export function median(samples: readonly number[]): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(samples: readonly number[]): string {
  if (!samples.length) return '';
  return `min ${Math.min(...samples).toFixed(1)} / max ${Math.max(...samples).toFixed(1)} (n=${samples.length})`;
}

export const MB = 1024 * 1024;
