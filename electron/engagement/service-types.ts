import type { WorkerClient } from '../jobs/worker-client.ts';
import type { OpenSummary } from '../store/engagement-session.ts';
import type { EngagementCalls } from './capabilities.ts';

export interface ServiceOptions {
  /** The installation's app-data folder (app-data store, backups). */
  readonly appDataDir: string;
  /** Folder with the built worker bundles (engagement-worker.cjs, app-data-worker.cjs, vacuum-worker.cjs). */
  readonly workerDir: string;
  /** How often an edited engagement gets a rolling backup; 0 turns the timer off. */
  readonly rollingBackupIntervalMs?: number;
  /** Take a rolling backup when a writable engagement is opened (the state before this session's edits). */
  readonly backupOnOpen?: boolean;
}

export interface OpenOptions {
  /** The user agreed to roll back an unfinished change (a hot journal); a copy is kept first. */
  readonly recoverHotJournal?: boolean;
  /** The file came from someone else: run the full integrity and reference checks. */
  readonly received?: boolean;
  /** The file was just made from a template (the e2e suite's demo): like a new engagement, nothing to back up yet. */
  readonly justMade?: boolean;
}

export interface OpenedEngagement {
  readonly handle: string;
  /** The file was already open in this app: the caller focuses its window instead. */
  readonly alreadyOpen: boolean;
  readonly summary: OpenSummary;
}

/** The service's record of an engagement open in a worker. */
export interface OpenEngagement {
  readonly handle: string;
  readonly realpath: string;
  readonly client: WorkerClient<EngagementCalls>;
  readonly jobs: Set<string>;
  /** Rolling backups under way (with their app-data record): a close waits for them instead of cancelling. */
  readonly backups: Set<Promise<unknown>>;
  summary: OpenSummary;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
}

