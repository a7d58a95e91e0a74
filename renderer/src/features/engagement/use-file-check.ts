import { useEffect } from 'react';
import type { FileCheckView } from '../../../../shared/contract/views.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useJobsStore } from '../../state/jobs-store.ts';

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
  const track = useJobsStore((s) => s.track);

  useEffect(() => {
    if (!handle || !pending) return;
    let jobId: string | null = null;
    let stopped = false;
    const finish = (state: ReturnType<typeof useJobsStore.getState>['jobs'][string] | undefined): boolean => {
      if (!state || state.status === 'running') return false;
      // A failed check (the engagement was closed meanwhile) leaves the verdict pending: the next open runs it.
      if (state.status === 'done' && useAppStore.getState().current?.handle === handle) updateCurrent({ fileCheck: state.value as FileCheckView });
      return true;
    };
    const unsubscribe = useJobsStore.subscribe((store) => {
      if (jobId && finish(store.jobs[jobId])) unsubscribe();
    });
    const timer = setTimeout(() => {
      invoke('job:start', { kind: 'engagement:checkFile', engagementHandle: handle }).then(
        (started) => {
          if (stopped) return;
          jobId = started.jobId;
          track(jobId);
          if (finish(useJobsStore.getState().jobs[jobId])) unsubscribe();
        },
        () => undefined, // the check is offered again at the next open
      );
    }, AFTER_FIRST_SCREEN_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [handle, pending, track, updateCurrent]);
}
