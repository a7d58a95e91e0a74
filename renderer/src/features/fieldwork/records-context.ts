import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { ChecklistAnswerView, TypingMemberView } from '../../../../shared/contract/fieldwork-channels.ts';
import type { PlanLoadView } from '../../../../shared/contract/plan-views.ts';
import { checklistUnits, type ChecklistUnit } from '../../../../shared/fieldwork/checklist-units.ts';
import { sessionOrder, type PlanSession } from '../../../../shared/plan/plan-rows.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { formatDay } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { engagementPack } from '../../state/engagement-pack.ts';

/**
 * What the records seen, the trails and the evidence list read besides the fieldwork records store:
 * the pack (shared copy), the plan (sessions, sites, team, services: one `plan:load`), and who is
 * typing with every team member's answers (`fieldwork:state`, for where evidence is cited).
 */
export interface FieldworkContext {
  readonly handle: string;
  readonly readOnly: boolean;
  /** undefined while loading, null when the engagement has no pack. */
  readonly pack: ChecklistPack | null | undefined;
  readonly units: readonly ChecklistUnit[];
  readonly plan: PlanLoadView | null;
  readonly typing: TypingMemberView | null;
  readonly answers: readonly ChecklistAnswerView[];
  readonly error: unknown;
  setError(error: unknown): void;
  linkMe(memberId: string): Promise<void>;
  /** "8.5.1 Change management", in the interface language where the pack has it. */
  topicName(topic: string): string;
  /** "8 Dec 2026 09:00 Change, design and transition…", or the title alone when the session is gone. */
  sessionName(sessionId: string | null): string;
  memberName(memberId: string): string;
  text(value: Parameters<typeof textIn>[0]): string;
}

export function useFieldworkContext(language: string): FieldworkContext {
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const packId = current.engagement?.checklist_pack_id ?? null;
  const [pack, setPack] = useState<ChecklistPack | null | undefined>(undefined);
  const [plan, setPlan] = useState<PlanLoadView | null>(null);
  const [typing, setTyping] = useState<TypingMemberView | null>(null);
  const [answers, setAnswers] = useState<readonly ChecklistAnswerView[]>([]);
  const [error, setError] = useState<unknown>(null);

  const loadState = useCallback(
    () =>
      invoke('fieldwork:state', { engagementHandle: handle }).then((state) => {
        setTyping(state.typing);
        setAnswers(state.answers);
      }, setError),
    [handle],
  );
  useEffect(() => {
    engagementPack(handle, packId).then(setPack, setError);
    invoke('plan:load', { engagementHandle: handle }).then(setPlan, setError);
    void loadState();
  }, [handle, packId, loadState]);

  const linkMe = useCallback(
    async (memberId: string) => {
      try {
        setTyping(await invoke('fieldwork:linkMe', { engagementHandle: handle, memberId }));
      } catch (failure) {
        setError(failure);
      }
    },
    [handle],
  );

  const units = useMemo(() => (pack ? checklistUnits(pack) : []), [pack]);
  const sessions = useMemo(() => new Map((plan?.sessions ?? []).map((session) => [session.id, session])), [plan]);
  const members = useMemo(() => new Map((plan?.team ?? []).map((member) => [member.id, member.name])), [plan]);

  return useMemo<FieldworkContext>(
    () => ({
      handle,
      readOnly: Boolean(current.readOnly),
      pack,
      units,
      plan,
      typing,
      answers,
      error,
      setError,
      linkMe,
      topicName: (topic) => topicLabel(/^\d/.test(topic) ? 'clause' : 'process', topic, pack ?? null, language),
      sessionName: (sessionId) => {
        const session = sessionId ? sessions.get(sessionId) : undefined;
        return session ? sessionLabel(session) : '';
      },
      memberName: (memberId) => members.get(memberId) ?? '',
      text: (value) => (pack ? textIn(value, language, pack.defaultLanguage) : ''),
    }),
    [handle, current.readOnly, pack, units, plan, typing, answers, error, linkMe, sessions, members, language],
  );
}

/** A session as the records name it: its day, start time and title. */
export function sessionLabel(session: PlanSession): string {
  return `${formatDay(session.day)} ${session.start_time}${session.title ? ` ${session.title}` : ''}`;
}

/**
 * The session a new query on `topic` most likely comes from: the plan's session covering the topic
 * on today's date, else the first covering it, else none.
 */
export function sessionForTopic(plan: PlanLoadView | null, topic: string, today: string): PlanSession | null {
  if (!plan) return null;
  const covering = new Set(plan.topics.filter((link) => link.topic === topic).map((link) => link.session_id));
  const sessions = plan.sessions.filter((session) => covering.has(session.id)).sort(sessionOrder);
  return sessions.find((session) => session.day === today) ?? sessions[0] ?? null;
}

/** Where each row shown in a stable order first appeared (rows read from the file come in id order, which means nothing). */
const sequence = new Map<string, number>();
let nextSequence = 0;

/**
 * Rows in an order that holds while the engagement is open: rows first seen together are placed by
 * `compare`, a row added later goes after them (a new query does not jump into the middle, nor move
 * while its fields are typed). Reopened, everything is placed by `compare`.
 */
export function stableOrder<T extends { readonly id: string }>(rows: readonly T[], compare: (a: T, b: T) => number): T[] {
  const fresh = rows.filter((row) => !sequence.has(row.id)).sort(compare);
  for (const row of fresh) sequence.set(row.id, nextSequence++);
  return [...rows].sort((a, b) => sequence.get(a.id)! - sequence.get(b.id)!);
}

const recordCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
/** Record ids as people count them: CHG-9 before CHG-10. */
export const compareRecordRefs = (a: string, b: string): number => recordCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Queries of a process: by the plan's order of their sessions, then their period, then as added. */
export function queryOrder<T extends { readonly id: string; readonly session_id: string | null; readonly period_from: string | null }>(queries: readonly T[], plan: PlanLoadView | null): T[] {
  const sessions = [...(plan?.sessions ?? [])].sort(sessionOrder).map((session) => session.id);
  const rank = (query: T) => (query.session_id ? sessions.indexOf(query.session_id) : -1);
  return stableOrder(queries, (a, b) => rank(a) - rank(b) || (a.period_from ?? '9999').localeCompare(b.period_from ?? '9999') || a.id.localeCompare(b.id));
}
