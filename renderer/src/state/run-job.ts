import type { ChannelInput } from '../../../shared/contract/channels.ts';
import { ContractFailure, invoke } from '../contract/client.ts';
import { useJobsStore } from './jobs-store.ts';

/**
 * Starts a job and resolves with its value when the long-poll reports it done (rejects with its
 * contract error when it fails). Progress stays readable in the jobs store under the returned id.
 */
export async function runJob(input: ChannelInput<'job:start'>, onStarted?: (jobId: string) => void): Promise<unknown> {
  const { jobId } = await invoke('job:start', input);
  useJobsStore.getState().track(jobId);
  onStarted?.(jobId);
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const job = useJobsStore.getState().jobs[jobId];
      if (job?.status === 'done') resolve(job.value);
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
