import type { AuditType } from '../engagement.ts';
import { requiredUnits, unitCovered, type CoverageUnit, type PackOutline } from './plan-coverage.ts';
import type { PlanSessionKind, PlanTopicKind } from './plan-kinds.ts';

export interface CancelledCoverageInput {
  readonly auditType: AuditType;
  readonly pack: PackOutline | null;
  readonly surveillanceClauses: readonly string[];
  readonly sessions: readonly { readonly id: string; readonly kind: PlanSessionKind }[];
  readonly topics: readonly { readonly sessionId: string; readonly kind: PlanTopicKind; readonly topic: string }[];
  /** Sessions recorded as cancelled. */
  readonly cancelled: ReadonlySet<string>;
}

/** A cancelled session and what it alone covered: the units no session still held covers. */
export interface CancelledGap {
  readonly sessionId: string;
  readonly units: readonly CoverageUnit[];
}

/** A session's own topic as a coverage unit (used when the audit type requires nothing of its own). */
function topicUnit(topic: { readonly kind: PlanTopicKind; readonly topic: string }, pack: PackOutline | null): CoverageUnit {
  if (topic.kind === 'clause') return { kind: 'clause', key: topic.topic, clause: topic.topic };
  return { kind: 'process', key: topic.topic, clause: pack?.processes.find((process) => process.key === topic.topic)?.clause ?? topic.topic };
}

/**
 * What each cancelled session leaves uncovered, by the plan's coverage rules (plan-coverage.ts): the
 * units the audit type requires (else the session's own topics) that the cancelled session covered
 * and that no other working session — held, moved, added or not yet recorded — covers. These are the
 * gaps the lead must fill with another session or report as not audited.
 */
export function cancelledGaps(input: CancelledCoverageInput): CancelledGap[] {
  const working = new Set(input.sessions.filter((session) => session.kind !== 'break').map((session) => session.id));
  const live = input.topics.filter((topic) => working.has(topic.sessionId) && !input.cancelled.has(topic.sessionId));
  const required = input.pack ? requiredUnits(input.auditType, input.pack, input.surveillanceClauses) : [];
  const covers = (unit: CoverageUnit, topics: readonly { readonly kind: PlanTopicKind; readonly topic: string }[]): boolean =>
    input.pack ? unitCovered(unit, topics, input.pack) : topics.some((topic) => topic.kind === unit.kind && topic.topic === unit.key);

  const gaps: CancelledGap[] = [];
  for (const session of input.sessions) {
    if (!input.cancelled.has(session.id) || !working.has(session.id)) continue;
    const own = input.topics.filter((topic) => topic.sessionId === session.id);
    if (!own.length) continue;
    const candidates = required.length ? required.filter((unit) => covers(unit, own)) : dedupe(own.map((topic) => topicUnit(topic, input.pack)));
    const units = candidates.filter((unit) => !covers(unit, live));
    if (units.length) gaps.push({ sessionId: session.id, units });
  }
  return gaps;
}

function dedupe(units: readonly CoverageUnit[]): CoverageUnit[] {
  const seen = new Set<string>();
  return units.filter((unit) => {
    const key = `${unit.kind}:${unit.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
