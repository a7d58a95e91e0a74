import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChecklistAnswerView, TypingMemberView } from '../../../../shared/contract/fieldwork-channels.ts';
import type { AnswerResult } from '../../../../shared/fieldwork/answer-results.ts';
import { invoke } from '../../contract/client.ts';

export interface AnswerChange {
  readonly result?: AnswerResult;
  readonly notes?: string;
  readonly naReason?: string;
  /** A plan session, or null for none. */
  readonly sessionId?: string | null;
}

const NONE: readonly ChecklistAnswerView[] = [];

/** An answer shown before the file has it (no id yet). */
const blank = (questionId: string, memberId: string): ChecklistAnswerView =>
  ({ question_id: questionId, team_member_id: memberId, result: 'not_audited', notes: '', na_reason: '', session_id: null }) as ChecklistAnswerView;

/**
 * The checklist answered by the whole team. The typing member's answers (`mine`) are shown at once
 * (the next question is painted before the file has the answer) and written one after another behind
 * it; a failure is reported and the answers reload from the file, so the screen never shows what was
 * not saved. The other members' answers (`others`) come from the file (their copies, merged).
 */
export function useAnswers(handle: string) {
  const [typing, setTyping] = useState<TypingMemberView | null>(null);
  const [mine, setMine] = useState<ReadonlyMap<string, ChecklistAnswerView>>(new Map());
  const [others, setOthers] = useState<ReadonlyMap<string, readonly ChecklistAnswerView[]>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(mine);
  latest.current = mine;
  const typingRef = useRef(typing);
  typingRef.current = typing;

  const load = useCallback(() => {
    invoke('fieldwork:state', { engagementHandle: handle }).then((state) => {
      setTyping(state.typing);
      const own = new Map<string, ChecklistAnswerView>();
      const rest = new Map<string, ChecklistAnswerView[]>();
      for (const answer of state.answers) {
        if (answer.team_member_id === state.typing.memberId) own.set(answer.question_id, answer);
        else rest.set(answer.question_id, [...(rest.get(answer.question_id) ?? []), answer]);
      }
      setMine(own);
      setOthers(rest);
    }, setError);
  }, [handle]);
  useEffect(load, [load]);

  const linkMe = async (memberId: string) => {
    try {
      setTyping(await invoke('fieldwork:linkMe', { engagementHandle: handle, memberId }));
      load();
    } catch (failure) {
      setError(failure);
    }
  };

  /** The row the file returned: its id (and stamps) join what is shown, the fields typed since stay. */
  const settle = useCallback((row: ChecklistAnswerView) => {
    setMine((all) => {
      const shown = all.get(row.question_id);
      if (shown && 'id' in shown && shown.id === row.id) return all;
      const next = new Map(all);
      next.set(row.question_id, shown ? { ...row, result: shown.result, notes: shown.notes, na_reason: shown.na_reason, session_id: shown.session_id } : row);
      return next;
    });
  }, []);

  const answer = useCallback(
    (questionId: string, change: AnswerChange) => {
      const memberId = typingRef.current?.memberId;
      if (!memberId) return;
      setMine((all) => {
        const next = new Map(all);
        next.set(questionId, {
          ...(all.get(questionId) ?? blank(questionId, memberId)),
          ...(change.result !== undefined ? { result: change.result } : {}),
          ...(change.notes !== undefined ? { notes: change.notes } : {}),
          ...(change.naReason !== undefined ? { na_reason: change.naReason } : {}),
          ...(change.sessionId !== undefined ? { session_id: change.sessionId } : {}),
        });
        return next;
      });
      queue.current = queue.current
        .then(() => invoke('fieldwork:answer', { engagementHandle: handle, questionId, ...change }))
        .then(settle)
        .catch((failure: unknown) => {
          setError(failure);
          load();
        });
    },
    [handle, load, settle],
  );

  /**
   * The id of the typing member's answer to a question, writing it first when there is none yet
   * (evidence and interviewees link to the answer row). `initial` is written with a new answer.
   */
  const ensureAnswer = useCallback(
    async (questionId: string, initial: AnswerChange = {}): Promise<string> => {
      await queue.current;
      const shown = latest.current.get(questionId);
      if (shown && 'id' in shown && shown.id) return shown.id;
      const row = await invoke('fieldwork:answer', { engagementHandle: handle, questionId, ...(shown ? {} : initial) });
      settle(row);
      return row.id;
    },
    [handle, settle],
  );

  return { typing, mine, others, none: NONE, answer, ensureAnswer, linkMe, error, setError, reload: load };
}
