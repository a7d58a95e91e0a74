import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { forwardRef, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistQuestion } from '../../../../shared/checklist/pack.ts';
import type { ChecklistAnswerView } from '../../../../shared/contract/fieldwork-channels.ts';
import { ANSWER_RESULTS, FINDING_EXPECTED, type AnswerResult } from '../../../../shared/fieldwork/answer-results.ts';
import type { AnswerChange } from './use-answers.ts';

const COLOURS: Record<AnswerResult, string> = { conforming: 'teal', nonconformity: 'red', observation: 'orange', not_applicable: 'gray', not_audited: 'gray' };

/** One question with the typing member's answer: a result (its key shown), notes, and the reason when "not applicable". */
export const AnswerCard = forwardRef<
  HTMLDivElement,
  {
    question: ChecklistQuestion;
    clauseNumber: string;
    text: string;
    answer: ChecklistAnswerView | undefined;
    focused: boolean;
    readOnly: boolean;
    onFocus: () => void;
    onAnswer: (change: AnswerChange) => void;
    notesRef?: (element: HTMLTextAreaElement | null) => void;
  }
>(function AnswerCard({ question, clauseNumber, text, answer, focused, readOnly, onFocus, onAnswer, notesRef }, ref) {
  const { t } = useTranslation();
  const result = answer?.result;
  // Notes are typed here and written when typing pauses or the field is left.
  const [notes, setNotes] = useState(answer?.notes ?? '');
  const [reason, setReason] = useState(answer?.na_reason ?? '');
  useEffect(() => setNotes(answer?.notes ?? ''), [answer?.notes]);
  useEffect(() => setReason(answer?.na_reason ?? ''), [answer?.na_reason]);
  useEffect(() => {
    if (notes === (answer?.notes ?? '')) return;
    const timer = setTimeout(() => onAnswer({ notes }), 500);
    return () => clearTimeout(timer);
  }, [notes]);
  return (
    <Paper
      ref={ref}
      withBorder
      radius="sm"
      p="sm"
      onClick={onFocus}
      style={{ outline: focused ? '2px solid var(--mantine-color-indigo-5)' : undefined, scrollMarginTop: 80 }}
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
          <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {clauseNumber} · {question.id}
          </Text>
        </Group>
        <Group gap={6}>
          {ANSWER_RESULTS.map((value, index) => (
            <Button
              key={value}
              size="compact-xs"
              variant={result === value ? 'filled' : 'default'}
              color={COLOURS[value]}
              onClick={() => onAnswer({ result: value })}
              disabled={readOnly}
              aria-pressed={result === value}
              tabIndex={-1}
            >
              <Badge size="xs" variant="outline" color="gray" mr={6} radius="sm">
                {index + 1}
              </Badge>
              {t(`fieldwork.results.${value}`)}
            </Button>
          ))}
        </Group>
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
              onBlur={() => reason !== (answer?.na_reason ?? '') && onAnswer({ naReason: reason })}
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
            label={t('fieldwork.notes')}
            placeholder={t('fieldwork.notesPlaceholder')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            onBlur={() => notes !== (answer?.notes ?? '') && onAnswer({ notes })}
            autosize
            minRows={1}
            maxRows={8}
            readOnly={readOnly}
          />
        ) : null}
      </Stack>
    </Paper>
  );
});
