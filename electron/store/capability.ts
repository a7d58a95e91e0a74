import type { JobContext } from '../jobs/job-context.ts';
import type { EngagementContext } from './engagement-context.ts';

/**
 * A capability of the engagement worker: the operations it adds (calls answer at once, jobs run in
 * slices with progress), made from the core's EngagementContext. Each capability declares,
 * registers and implements its operations in its own folder; the worker serves the core plus the
 * list of capabilities combined in one place (electron/engagement/capabilities.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each capability's own signatures
export type Call = (...args: any[]) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each capability's own signatures
export type Job = (context: JobContext, ...args: any[]) => Promise<unknown>;

export interface Capability<Calls extends Record<string, Call>, Jobs extends Record<string, Job>> {
  readonly name: string;
  readonly calls: (engagement: EngagementContext) => Calls;
  readonly jobs: (engagement: EngagementContext) => Jobs;
}

/** Declares a capability with its exact call and job types (they reach the main thread's proxy). */
export function defineCapability<Calls extends Record<string, Call>, Jobs extends Record<string, Job>>(
  capability: Capability<Calls, Jobs>,
): Capability<Calls, Jobs> {
  return capability;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any capability of the list
export type AnyCapability = Capability<any, any>;
type Intersect<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
/** Every call of a list of capabilities, as one object type. */
export type CallsOf<L extends readonly AnyCapability[]> = Intersect<ReturnType<L[number]['calls']>>;
/** Every job of a list of capabilities, as one object type. */
export type JobsOf<L extends readonly AnyCapability[]> = Intersect<ReturnType<L[number]['jobs']>>;

/**
 * Builds the worker's call and job tables from the capabilities. An operation name used twice
 * (by two capabilities, or as a call and a job) stops the worker at start-up, before any file opens.
 */
export function combineCapabilities(
  engagement: EngagementContext,
  capabilities: readonly AnyCapability[],
): { calls: Record<string, Call>; jobs: Record<string, Job> } {
  const calls: Record<string, Call> = {};
  const jobs: Record<string, Job> = {};
  const owner = new Map<string, string>();
  const add = (table: Record<string, Call | Job>, capability: string, entries: Record<string, Call | Job>): void => {
    for (const [name, operation] of Object.entries(entries)) {
      const first = owner.get(name);
      if (first) throw new Error(`The engagement operation "${name}" is declared by ${first} and by ${capability}`);
      owner.set(name, capability);
      table[name] = operation;
    }
  };
  for (const capability of capabilities) {
    add(calls, capability.name, capability.calls(engagement));
    add(jobs, capability.name, capability.jobs(engagement));
  }
  return { calls, jobs };
}
