import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChecklistAnswerView, TypingMemberView } from '../../../../shared/contract/fieldwork-channels.ts';
import type { AnswerResult } from '../../../../shared/fieldwork/answer-results.ts';
import { invoke } from '../../contract/client.ts';

export interface AnswerChange {
  readonly result?: AnswerResult;
  readonly notes?: string;
  readonly naReason?: string;
}

/**
 * The typing member's answers: shown at once (the next question is painted before the file has the
 * answer), written one after another behind it; a failure is reported and the answers reload from
 * the file, so the screen never shows what was not saved.
 */
export function useAnswers(handle: string) {
  const [typing, setTyping] = useState<TypingMemberView | null>(null);
  const [answers, setAnswers] = useState<ReadonlyMap<string, ChecklistAnswerView>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const load = useCallback(() => {
    invoke('fieldwork:state', { engagementHandle: handle }).then((state) => {
      setTyping(state.typing);
      const mine = state.answers.filter((answer) => answer.team_member_id === state.typing.memberId);
      setAnswers(new Map(mine.map((answer) => [answer.question_id, answer])));
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

  const answer = (questionId: string, change: AnswerChange) => {
    setAnswers((all) => {
      const before = all.get(questionId);
      const next = new Map(all);
      next.set(questionId, {
        ...(before ?? ({ question_id: questionId, result: 'not_audited', notes: '', na_reason: '' } as ChecklistAnswerView)),
        ...(change.result !== undefined ? { result: change.result } : {}),
        ...(change.notes !== undefined ? { notes: change.notes } : {}),
        ...(change.naReason !== undefined ? { na_reason: change.naReason } : {}),
      });
      return next;
    });
    queue.current = queue.current
      .then(() => invoke('fieldwork:answer', { engagementHandle: handle, questionId, ...change }))
      .catch((failure: unknown) => {
        setError(failure);
        load();
      });
  };

  return { typing, answers, answer, linkMe, error, setError };
}
