import type { AuditType } from '../engagement.ts';
import type { PlanTopicKind } from './plan-kinds.ts';

/** What the plan needs of the checklist pack: its processes (clause 8) and clause numbers. */
export interface PackOutline {
  readonly processes: readonly { readonly key: string; readonly clause: string }[];
  readonly clauses: readonly string[];
}

/** A unit the plan must cover: a process of the pack, or a clause outside the processes. */
export interface CoverageUnit {
  readonly kind: PlanTopicKind;
  /** The process key, or the clause number. */
  readonly key: string;
  /** The clause it stands for. */
  readonly clause: string;
}

/** Audits that cover the whole standard: initial certification's stage 2, recertification (and older files' transfer). */
const WHOLE_STANDARD: readonly AuditType[] = ['stage2', 'recertification', 'transfer'];
const SURVEILLANCE: readonly AuditType[] = ['surveillance1', 'surveillance2'];

/**
 * The units of an audit of the whole standard: every process of the pack, plus the clauses of
 * 4–7, 9 and 10 and 8.1 at their second level (the way audits are planned: 4.1 context, 9.2
 * internal audit …). Other clause-8 subclauses belong to the processes.
 */
export function allUnits(pack: PackOutline): CoverageUnit[] {
  const processes = pack.processes.map((process) => ({ kind: 'process' as const, key: process.key, clause: process.clause }));
  const clauses = pack.clauses
    .filter((number) => /^\d+\.\d+$/.test(number) && (!number.startsWith('8.') || number === '8.1'))
    .map((number) => ({ kind: 'clause' as const, key: number, clause: number }));
  return [...clauses.filter((unit) => Number(unit.clause.split('.')[0]) < 8), ...clauses.filter((unit) => unit.clause === '8.1'), ...processes, ...clauses.filter((unit) => Number(unit.clause.split('.')[0]) > 8)];
}

/**
 * What an audit of this type must cover: the whole standard at stage 2 and recertification; at
 * surveillance the selection (the mandatory items and the programme's rotation, which the lead
 * edits); nothing at stage 1 or a special audit, whose focus the lead sets.
 */
export function requiredUnits(auditType: AuditType, pack: PackOutline, surveillanceClauses: readonly string[]): CoverageUnit[] {
  if (WHOLE_STANDARD.includes(auditType)) return allUnits(pack);
  if (!SURVEILLANCE.includes(auditType)) return [];
  return surveillanceClauses.map((number) => {
    const process = pack.processes.find((candidate) => candidate.clause === number);
    return process ? { kind: 'process', key: process.key, clause: number } : { kind: 'clause', key: number, clause: number };
  });
}

/** Two clause numbers on one branch (equal, or one within the other): a session on either covers the unit. */
const sameBranch = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** Whether a session's topic covers the unit: the same process, or a clause on the unit's branch. */
export function unitCovered(unit: CoverageUnit, topics: readonly { readonly kind: PlanTopicKind; readonly topic: string }[], pack: PackOutline): boolean {
  return topics.some((topic) => {
    if (topic.kind === 'process') {
      if (unit.kind === 'process') return topic.topic === unit.key;
      const clause = pack.processes.find((process) => process.key === topic.topic)?.clause;
      return clause !== undefined && sameBranch(clause, unit.clause);
    }
    return sameBranch(topic.topic, unit.clause);
  });
}

/** The surveillance selection: the engagement's own list when the lead edited it, else the pack's. */
export function surveillanceSelection(engagementClauses: string, packSelection: readonly string[]): string[] {
  const own = engagementClauses.split(/[;；,\s]+/).map((item) => item.trim()).filter(Boolean);
  return own.length ? [...new Set(own)] : [...packSelection];
}
