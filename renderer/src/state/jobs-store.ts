import { create } from 'zustand';
import type { JobEvent } from '../../../shared/contract/views.ts';
import { ContractFailure, TransportFailure, invoke } from '../contract/client.ts';

export interface JobState {
  readonly jobId: string;
  readonly phase: string;
  readonly done: number;
  readonly total: number;
  readonly status: 'running' | 'done' | 'failed';
  /** When the current phase began here (ms), and how far it was then: the time-left estimate's base. */
  readonly phaseStartedAt: number;
  readonly phaseStartDone: number;
  readonly value?: unknown;
  readonly error?: { code: string; params: Record<string, unknown> };
}

interface JobsStore {
  jobs: Record<string, JobState>;
  apply(events: JobEvent[]): void;
  track(jobId: string): void;
}

export const useJobsStore = create<JobsStore>((set, get) => ({
  jobs: {},
  track(jobId) {
    if (!get().jobs[jobId]) {
      set({ jobs: { ...get().jobs, [jobId]: { jobId, phase: 'copy', done: 0, total: 1, status: 'running', phaseStartedAt: Date.now(), phaseStartDone: 0 } } });
    }
  },
  apply(events) {
    const jobs = { ...get().jobs };
    for (const event of events) {
      const previous = jobs[event.jobId] ?? { jobId: event.jobId, phase: '', done: 0, total: 1, status: 'running' as const, phaseStartedAt: Date.now(), phaseStartDone: 0 };
      if (event.kind === 'progress') {
        const newPhase = event.phase !== previous.phase;
        jobs[event.jobId] = {
          ...previous,
          phase: event.phase,
          done: event.done,
          total: event.total,
          phaseStartedAt: newPhase ? Date.now() : previous.phaseStartedAt,
          phaseStartDone: newPhase ? event.done : previous.phaseStartDone,
        };
      }
      else if (event.kind === 'done') jobs[event.jobId] = { ...previous, status: 'done', value: event.value, done: previous.total };
      else jobs[event.jobId] = { ...previous, status: 'failed', error: event.error };
    }
    set({ jobs });
  },
}));

let polling = false;

/** One long-poll per page carries the progress of all its jobs (a browser allows six connections). */
export function startJobPolling(): void {
  if (polling) return;
  polling = true;
  let afterSeq = 0;
  const loop = async (): Promise<void> => {
    for (;;) {
      try {
        const result = await invoke('jobs:poll', { afterSeq, waitMs: 25_000 });
        afterSeq = result.lastSeq;
        if (result.events.length) useJobsStore.getState().apply(result.events);
      } catch (error) {
        // The host restarted or the page is unloading: wait and try again, quietly.
        if (!(error instanceof TransportFailure || error instanceof ContractFailure)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  };
  void loop();
}
