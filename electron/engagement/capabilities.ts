import { evidenceCapability } from '../evidence/worker.ts';
import { exportsCapability } from '../exports/worker.ts';
import { fieldworkCapability } from '../fieldwork/worker.ts';
import { closingCapability } from '../closing/worker.ts';
import { findingsCapability } from '../findings/worker.ts';
import { followUpCapability } from '../follow-up/worker.ts';
import { ncDocumentsCapability } from '../nc-documents/worker.ts';
import { nextAuditCapability } from '../next-audit/worker.ts';
import { packsCapability } from '../packs/worker.ts';
import { planCapability } from '../plan/worker.ts';
import { profilesCapability } from '../profiles/worker.ts';
import { reportCapability } from '../report/worker.ts';
import { samplingCapability } from '../sampling/worker.ts';
import type { CallsOf, JobsOf } from '../store/capability.ts';
import { coreCapability } from '../store/core-capability.ts';
import type { EngagementSession } from '../store/engagement-session.ts';
import { teamCapability } from '../team/worker.ts';

/**
 * The one place where the engagement worker is composed: the core plus every capability. Adding a
 * capability is one line here; a duplicate operation name stops the worker at start-up.
 */
export const engagementCapabilities = (session: EngagementSession) => [coreCapability(session), packsCapability, teamCapability, profilesCapability, nextAuditCapability, planCapability, exportsCapability, fieldworkCapability, evidenceCapability, findingsCapability, closingCapability, followUpCapability, ncDocumentsCapability, reportCapability, samplingCapability] as const;

type Capabilities = ReturnType<typeof engagementCapabilities>;
/** Every call the main thread may make on an engagement worker. */
export type EngagementCalls = CallsOf<Capabilities>;
/** Every job an engagement worker runs (the JobContext is the worker's; the main thread passes the rest). */
export type EngagementJobs = JobsOf<Capabilities>;

type Fn = (...args: never[]) => unknown;
/** A call's arguments and awaited result, as the main thread sees them. */
export type CallArgs<K extends keyof EngagementCalls> = EngagementCalls[K] extends Fn ? Parameters<EngagementCalls[K]> : never;
export type CallResult<K extends keyof EngagementCalls> = EngagementCalls[K] extends Fn ? Awaited<ReturnType<EngagementCalls[K]>> : never;
/** A job's arguments as the main thread passes them: without the worker's JobContext. */
export type JobArgs<K extends keyof EngagementJobs> = EngagementJobs[K] extends (context: never, ...rest: infer A) => unknown ? A : never;
export type JobResult<K extends keyof EngagementJobs> = EngagementJobs[K] extends Fn ? Awaited<ReturnType<EngagementJobs[K]>> : never;
