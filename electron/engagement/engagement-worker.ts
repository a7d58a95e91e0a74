import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { serveWorker } from '../jobs/worker-host.ts';
import { combineCapabilities } from '../store/capability.ts';
import { EngagementSession } from '../store/engagement-session.ts';
import { engagementCapabilities } from './capabilities.ts';

/** One worker per open engagement: it owns the file's only SQLite connection. */
interface EngagementWorkerData {
  readonly workerDir: string;
}

const { workerDir } = workerData as EngagementWorkerData;
const session = new EngagementSession(path.join(workerDir, 'vacuum-worker.cjs'));
const { calls, jobs } = combineCapabilities(session, engagementCapabilities(session));
serveWorker(calls, jobs);
