import { useEffect } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { runJob } from '../../state/run-job.ts';

/** Long enough for the first screen to paint and its first reads to answer before the check starts. */
const AFTER_FIRST_SCREEN_MS = 400;

/**
 * Starts the check of every logged value (damage integrity_check cannot see) once the engagement's
 * first screen is up, and puts its verdict into the current summary. The check runs in slices in
 * the engagement's worker, so editing goes on meanwhile.
 */
export function useFileCheck(): void {
  const handle = useAppStore((s) => s.current?.handle);
  const pending = useAppStore((s) => s.current?.fileCheck.state === 'pending');
  const updateCurrent = useAppStore((s) => s.updateCurrent);

  useEffect(() => {
    if (!handle || !pending) return;
    let stopped = false;
    const timer = setTimeout(() => {
      runJob({ kind: 'engagement:checkFile', engagementHandle: handle }).then(
        (fileCheck) => {
          if (!stopped && useAppStore.getState().current?.handle === handle) updateCurrent({ fileCheck });
        },
        // Closed meanwhile, or the host went away: the verdict stays pending and the next open runs it.
        () => undefined,
      );
    }, AFTER_FIRST_SCREEN_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [handle, pending, updateCurrent]);
}
