/**
 * Runs `work` once the page is idle (at the latest after a second), so a screen paints before its
 * secondary cards ask the engagement's worker; returns what cancels it (a card that unmounts first).
 */
export function afterPaint(work: () => void): () => void {
  if (window.requestIdleCallback) {
    const idle = window.requestIdleCallback(work, { timeout: 1000 });
    return () => window.cancelIdleCallback(idle);
  }
  const timer = window.setTimeout(work, 200);
  return () => window.clearTimeout(timer);
}
