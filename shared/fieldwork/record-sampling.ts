import type { ChecklistPack, SamplingPlan } from '../checklist/pack.ts';
import type { RecordResult } from './fieldwork-kinds.ts';

/**
 * What the pack says to sample for a process or clause group, and how the attributes seen on a
 * record add up to its result (issue 15). Pure.
 */

/** A record kind to sample with the clause it comes from. */
export interface TopicSamplingPlan {
  readonly plan: SamplingPlan;
  readonly clauseNumber: string;
}

const top = (number: string): string => number.split('.')[0]!;

/**
 * The pack's records to sample for a topic: a process gets the sampling plans of its clause and the
 * clauses below it; a clause group ('9', '10', …) those of its clauses that belong to no process.
 * In the pack's order.
 */
export function samplingPlansFor(pack: ChecklistPack, topic: string): TopicSamplingPlan[] {
  const numberOf = new Map(pack.clauses.map((clause) => [clause.id, clause.number]));
  const processNumbers = pack.processes.map((process) => ({ key: process.key, number: numberOf.get(process.clause) ?? process.clause }));
  const processOf = (number: string) => processNumbers.find((process) => number === process.number || number.startsWith(`${process.number}.`))?.key;
  const plans: TopicSamplingPlan[] = [];
  for (const clause of pack.clauses) {
    if (!clause.sampling?.length) continue;
    const owner = processOf(clause.number) ?? top(clause.number);
    if (owner !== topic) continue;
    for (const plan of clause.sampling) plans.push({ plan, clauseNumber: clause.number });
  }
  return plans;
}

/** Every sampling attribute of the pack by id, with its plan (a record's attribute rows name them by id). */
export function samplingAttributeIndex(pack: ChecklistPack): Map<string, { readonly plan: SamplingPlan; readonly index: number }> {
  const index = new Map<string, { plan: SamplingPlan; index: number }>();
  for (const clause of pack.clauses) for (const plan of clause.sampling ?? []) plan.attributes.forEach((attribute, i) => index.set(attribute.id, { plan, index: i }));
  return index;
}

/**
 * What a record's attributes say about it, over the attributes tested for its record kind: any fail
 * fails it; every attribute pass or not applicable (at least one pass) passes it; all not applicable
 * makes it not applicable; otherwise (some still not tested, none failing) it is not tested yet.
 * No attributes at all says nothing: not tested.
 */
export function resultFromAttributes(results: readonly RecordResult[]): RecordResult {
  if (results.length === 0) return 'not_tested';
  if (results.includes('fail')) return 'fail';
  if (results.includes('not_tested')) return 'not_tested';
  return results.includes('pass') ? 'pass' : 'not_applicable';
}

/**
 * A record's result after one of its attributes changed: it follows its attributes (a failing
 * attribute fails it) while it is what they said before the change; a result the auditor set
 * otherwise (a fail on a record whose attributes passed, a pass despite a failed attribute with the
 * reason in the note) stays.
 */
export function followedResult(current: RecordResult, before: readonly RecordResult[], after: readonly RecordResult[]): RecordResult {
  return current === resultFromAttributes(before) ? resultFromAttributes(after) : current;
}

/**
 * The sampling plan a set of recorded attributes belongs to: the plan most of the attribute ids
 * come from (ties: the pack's order among `plans`), or null when none of them is in `plans`.
 */
export function planOfAttributes(attributeIds: Iterable<string>, plans: readonly TopicSamplingPlan[]): string | null {
  const count = new Map<string, number>();
  const planOf = new Map<string, string>();
  for (const { plan } of plans) for (const attribute of plan.attributes) planOf.set(attribute.id, plan.id);
  for (const id of attributeIds) {
    const plan = planOf.get(id);
    if (plan) count.set(plan, (count.get(plan) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const { plan } of plans) if ((count.get(plan.id) ?? 0) > (best ? count.get(best)! : 0)) best = plan.id;
  return best;
}
