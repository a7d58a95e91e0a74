import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { memo, useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { afterComposition } from '../../state/composition.ts';
import type { ChecklistQuestion } from '../../../../shared/checklist/pack.ts';
import type { ChecklistAnswerView } from '../../../../shared/contract/fieldwork-channels.ts';
import { ANSWER_RESULTS, FINDING_EXPECTED, type AnswerResult } from '../../../../shared/fieldwork/answer-results.ts';
import { KeyHint } from './answer-details.tsx';
import type { AnswerChange } from './use-answers.ts';

export const RESULT_COLOURS: Record<AnswerResult, string> = { conforming: 'teal', nonconformity: 'red', observation: 'orange', not_applicable: 'gray', not_audited: 'gray' };

/** Another team member's answer as the card shows it: their name and result. */
export interface TeamAnswer {
  readonly memberId: string;
  readonly name: string;
  readonly result: AnswerResult;
  readonly notes: string;
}

/**
 * One question: the typing member's answer (a result, its key shown; notes; the reason when "not
 * applicable"), the rest of the team's answers beside it (name and result), and — when focused —
 * the details (session, evidence, interviewees). Memoized: a result key re-renders only the card
 * answered and the card focused next.
 */
export const AnswerCard = memo(function AnswerCard({
  group,
  question,
  clauseNumber,
  text,
  answer,
  team,
  sessionLabel,
  evidenceCount,
  peopleCount,
  focused,
  readOnly,
  onFocus,
  onAnswer,
  notesRef,
  details,
}: {
  /** The group the card is shown under (the plan's order can show a question twice). */
  group: string;
  question: ChecklistQuestion;
  clauseNumber: string;
  text: string;
  answer: ChecklistAnswerView | undefined;
  team: readonly TeamAnswer[];
  /** What the answer links to, shown when the card is not focused: its session, how many references and interviewees. */
  sessionLabel: string | null;
  evidenceCount: number;
  peopleCount: number;
  focused: boolean;
  readOnly: boolean;
  onFocus: (group: string, questionId: string) => void;
  onAnswer: (questionId: string, change: AnswerChange) => void;
  notesRef?: Ref<HTMLTextAreaElement>;
  details?: ReactNode;
}) {
  const { t } = useTranslation();
  const result = answer?.result;
  // Notes are typed here and written when typing pauses, the field is left, or the card leaves the page.
  const [notes, setNotes] = useState(answer?.notes ?? '');
  const [reason, setReason] = useState(answer?.na_reason ?? '');
  useEffect(() => setNotes(answer?.notes ?? ''), [answer?.notes]);
  useEffect(() => setReason(answer?.na_reason ?? ''), [answer?.na_reason]);
  const unsaved = useRef<{ notes: string; saved: string }>({ notes, saved: answer?.notes ?? '' });
  unsaved.current = { notes, saved: answer?.notes ?? '' };
  useEffect(() => {
    if (notes === (answer?.notes ?? '')) return;
    // Never the half-typed pinyin: while an input method composes, wait for it to end and write what
    // the field then holds (the committed Chinese).
    const timer = setTimeout(
      () =>
        afterComposition(() => {
          const latest = unsaved.current;
          if (latest.notes !== latest.saved) onAnswer(question.id, { notes: latest.notes });
        }),
      500,
    );
    return () => clearTimeout(timer);
  }, [notes]);
  // Scrolled out of the window while a note was being typed: write it now.
  useEffect(
    () => () => {
      if (unsaved.current.notes !== unsaved.current.saved) onAnswer(question.id, { notes: unsaved.current.notes });
    },
    [],
  );
  const others = team.filter((member) => member.result !== 'not_audited' || member.notes);
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      onClick={() => !focused && onFocus(group, question.id)}
      style={{ outline: focused ? '2px solid var(--mantine-color-indigo-5)' : undefined }}
      data-testid="answer-card"
      data-question={question.id}
      data-result={result ?? ''}
      data-focused={focused}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500} translate="no">
            {text}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }} translate="no">
            {clauseNumber} · {question.id}
          </Text>
        </Group>
        <Group gap={6}>
          {ANSWER_RESULTS.map((value, index) => (
            <Button
              key={value}
              size="compact-xs"
              variant={result === value ? 'filled' : 'default'}
              color={RESULT_COLOURS[value]}
              onClick={() => onAnswer(question.id, { result: value })}
              disabled={readOnly}
              aria-pressed={result === value}
              tabIndex={-1}
            >
              <Badge size="xs" variant={result === value ? 'white' : 'outline'} color="gray" mr={6} radius="sm" translate="no">
                {index + 1}
              </Badge>
              {t(`fieldwork.results.${value}`)}
            </Button>
          ))}
        </Group>
        {others.length ? (
          <Group gap={6} aria-label={t('fieldwork.team.label')} data-testid="team-answers">
            {others.map((member) => (
              <Badge key={member.memberId} size="sm" variant="dot" color={RESULT_COLOURS[member.result]} tt="none" fw={500} title={member.notes || undefined} data-testid="team-answer">
                <span translate="no">{member.name}</span>
                {': '}
                {t(`fieldwork.results.${member.result}`)}
              </Badge>
            ))}
          </Group>
        ) : null}
        {result === 'not_applicable' ? (
          <>
            <Alert color="yellow" variant="light" p="xs">
              <Text size="xs">{t('fieldwork.naWarning')}</Text>
            </Alert>
            <TextInput
              size="xs"
              label={t('fieldwork.naReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              onBlur={() => reason !== (answer?.na_reason ?? '') && onAnswer(question.id, { naReason: reason })}
              error={!reason.trim() ? t('fieldwork.naReason') : null}
              readOnly={readOnly}
            />
          </>
        ) : null}
        {result && FINDING_EXPECTED.includes(result) ? (
          <Text size="xs" c="red.7">
            {t('fieldwork.findingExpected')}
          </Text>
        ) : null}
        {focused || notes ? (
          <Textarea
            ref={notesRef}
            size="xs"
            label={
              focused ? (
                <>
                  {t('fieldwork.notes')} <KeyHint>N</KeyHint>
                </>
              ) : (
                t('fieldwork.notes')
              )
            }
            placeholder={t('fieldwork.notesPlaceholder')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            onBlur={() => notes !== (answer?.notes ?? '') && onAnswer(question.id, { notes })}
            autosize
            minRows={1}
            maxRows={8}
            readOnly={readOnly}
          />
        ) : null}
        {focused ? (
          details
        ) : sessionLabel || evidenceCount || peopleCount ? (
          <Text size="xs" c="dimmed" data-testid="answer-summary">
            {[
              sessionLabel ? (
                <span key="session" translate="no">
                  {sessionLabel}
                </span>
              ) : null,
              evidenceCount ? <span key="evidence">{t('fieldwork.summary.evidence', { count: evidenceCount })}</span> : null,
              peopleCount ? <span key="people">{t('fieldwork.summary.people', { count: peopleCount })}</span> : null,
            ]
              .filter(Boolean)
              .flatMap((part, index) => (index ? [' · ', part] : [part]))}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
});
