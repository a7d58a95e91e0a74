import type { JobInput, JobKind, JobResult } from '../../../shared/contract/jobs.ts';
import { ContractFailure, invoke } from '../contract/client.ts';
import { useJobsStore } from './jobs-store.ts';

/**
 * Starts a job and resolves with its result — typed by the kind's declaration in the contract —
 * when the long-poll reports it done (rejects with its contract error when it fails). Progress
 * stays readable in the jobs store under the returned id.
 */
export async function runJob<K extends JobKind>(input: JobInput<K> & { kind: K }, onStarted?: (jobId: string) => void): Promise<JobResult<K>> {
  const { jobId } = await invoke('job:start', input);
  useJobsStore.getState().track(jobId);
  onStarted?.(jobId);
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const job = useJobsStore.getState().jobs[jobId];
      // The value is what the router's starter for this kind returned, checked by the contract's types.
      if (job?.status === 'done') resolve(job.value as JobResult<K>);
      else if (job?.status === 'failed') reject(new ContractFailure({ code: job.error!.code as never, params: job.error!.params as never }));
      else return false;
      return true;
    };
    if (settle()) return;
    const unsubscribe = useJobsStore.subscribe(() => {
      if (settle()) unsubscribe();
    });
  });
}
