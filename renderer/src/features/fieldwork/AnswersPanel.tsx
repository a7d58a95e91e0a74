import { Alert, Badge, Button, Grid, Group, NavLink, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import { ANSWER_RESULTS } from '../../../../shared/fieldwork/answer-results.ts';
import { checklistUnits } from '../../../../shared/fieldwork/checklist-units.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import type { TeamMember } from '../../../../shared/engagement.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import { AnswerCard } from './AnswerCard.tsx';
import { useAnswers } from './use-answers.ts';

/**
 * Fieldwork's checklist tab: the checklist process by process (clauses 4–7, 9, 10 as groups),
 * answered from the keyboard by the team member at this computer. One key per result; the next
 * question shows at once and the answer is written behind it.
 */
export function AnswersPanel() {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const [pack, setPack] = useState<ChecklistPack | null | undefined>(undefined);
  const [team, setTeam] = useState<TeamMember[]>([]);
  const { typing, answers, answer, linkMe, error, setError } = useAnswers(handle);
  const [unitIndex, setUnitIndex] = useState(0);
  const [questionIndex, setQuestionIndex] = useState(0);
  const cards = useRef<(HTMLDivElement | null)[]>([]);
  const notes = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    engagementPack(handle, current.engagement?.checklist_pack_id ?? null).then(setPack, setError);
    invoke('engagement:roster', { engagementHandle: handle }).then((roster) => setTeam(roster.team as TeamMember[]), setError);
  }, [handle, current.engagement?.checklist_pack_id, setError]);

  const units = useMemo(() => (pack ? checklistUnits(pack) : []), [pack]);
  const unit = units[unitIndex];
  const text = (value: Parameters<typeof textIn>[0]) => (pack ? textIn(value, i18n.language, pack.defaultLanguage) : '');
  const focusedQuestion = unit?.questions[questionIndex];
  useEffect(() => {
    // A block: newer Chromium returns a promise from scrollIntoView, which React would call as the cleanup.
    cards.current[questionIndex]?.scrollIntoView({ block: 'nearest' });
  }, [questionIndex, unitIndex]);

  const goUnit = (by: number) => {
    setUnitIndex((index) => Math.min(Math.max(index + by, 0), Math.max(units.length - 1, 0)));
    setQuestionIndex(0);
  };
  const goQuestion = (by: number) => setQuestionIndex((index) => Math.min(Math.max(index + by, 0), Math.max((unit?.questions.length ?? 1) - 1, 0)));
  const canAnswer = Boolean(typing?.memberId) && !current.readOnly;
  const answerKey = (index: number) => () => {
    if (!focusedQuestion || !canAnswer) return;
    answer(focusedQuestion.question.id, { result: ANSWER_RESULTS[index]! });
    // Not applicable asks for a reason: stay, and show the field it opened; any other result moves on.
    if (ANSWER_RESULTS[index] !== 'not_applicable') goQuestion(1);
    else
      requestAnimationFrame(() => {
        cards.current[questionIndex]?.scrollIntoView({ block: 'nearest' });
      });
  };
  useGuardedHotkeys([
    ['ArrowDown', () => goQuestion(1)],
    ['j', () => goQuestion(1)],
    ['ArrowUp', () => goQuestion(-1)],
    ['k', () => goQuestion(-1)],
    [']', () => goUnit(1)],
    ['[', () => goUnit(-1)],
    ['1', answerKey(0)],
    ['2', answerKey(1)],
    ['3', answerKey(2)],
    ['4', answerKey(3)],
    ['5', answerKey(4)],
    ['n', () => notes.current?.focus()],
  ]);
  // Esc in a note goes back to the list, where the keys work again.
  useEffect(() => {
    const leave = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && document.activeElement instanceof HTMLTextAreaElement) document.activeElement.blur();
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, []);

  const answeredIn = (questions: readonly { question: { id: string } }[]) => questions.filter((item) => answers.has(item.question.id) && answers.get(item.question.id)!.result !== 'not_audited').length;

  if (pack === undefined) return error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('fieldwork.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('fieldwork.intro')}
          </Text>
        </div>
        {typing?.name ? (
          <Badge size="lg" variant="light" data-testid="answering-as">
            {t('fieldwork.answering', { name: typing.name })}
          </Badge>
        ) : null}
      </Group>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {!pack ? <Alert color="yellow">{t('fieldwork.noPack')}</Alert> : null}
      {pack && typing && typing.source === 'none' && !current.readOnly ? (
        <Paper withBorder p="md" data-testid="who-are-you">
          <Title order={5}>{t('fieldwork.whoTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {team.length ? t('fieldwork.whoText') : t('fieldwork.whoNone')}
          </Text>
          <Group gap="xs">
            {team.map((member) => (
              <Button key={member.id} variant="default" onClick={() => void linkMe(member.id)}>
                <span translate="no">{member.name}</span>
              </Button>
            ))}
          </Group>
        </Paper>
      ) : null}
      {pack && unit ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <ScrollArea h="calc(100vh - 260px)" type="auto">
              {units.map((item, index) => (
                <NavLink
                  key={item.key}
                  active={index === unitIndex}
                  onClick={() => (setUnitIndex(index), setQuestionIndex(0))}
                  label={<span translate="no">{topicLabel(item.kind, item.kind === 'process' ? item.key : item.number, pack, i18n.language)}</span>}
                  rightSection={
                    <Text size="xs" c="dimmed">
                      {answeredIn(item.questions)}/{item.questions.length}
                    </Text>
                  }
                  data-testid="fieldwork-unit"
                />
              ))}
            </ScrollArea>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Group justify="space-between" mb="xs">
              <Title order={4} translate="no">
                {topicLabel(unit.kind, unit.kind === 'process' ? unit.key : unit.number, pack, i18n.language)}
              </Title>
              <Text size="sm" c="dimmed" data-testid="unit-progress">
                {t('fieldwork.progress', { answered: answeredIn(unit.questions), total: unit.questions.length })}
              </Text>
            </Group>
            <ScrollArea h="calc(100vh - 300px)" type="auto">
              <Stack gap="xs" pr="sm">
                {unit.questions.map((item, index) => (
                  <AnswerCard
                    key={item.question.id}
                    ref={(element) => {
                      cards.current[index] = element;
                    }}
                    question={item.question}
                    clauseNumber={item.clauseNumber}
                    text={text(item.question.text)}
                    answer={answers.get(item.question.id)}
                    focused={index === questionIndex}
                    readOnly={!canAnswer}
                    onFocus={() => setQuestionIndex(index)}
                    onAnswer={(change) => canAnswer && answer(item.question.id, change)}
                    notesRef={
                      index === questionIndex
                        ? (element) => {
                            // A block, not an expression: React 19 calls what a ref callback returns as its cleanup.
                            notes.current = element;
                          }
                        : undefined
                    }
                  />
                ))}
              </Stack>
            </ScrollArea>
            <Text size="xs" c="dimmed" mt="xs">
              {t('fieldwork.keys')}
            </Text>
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
