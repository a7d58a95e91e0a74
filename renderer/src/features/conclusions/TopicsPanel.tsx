import { Alert, Badge, Grid, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRecordsView } from '../../../../shared/contract/fieldwork-views.ts';
import { checklistUnits } from '../../../../shared/fieldwork/checklist-units.ts';
import { tallyAnswers, type AnswerTally, type NarrativeInput } from '../../../../shared/fieldwork/narrative.ts';
import { entriesForTopic } from '../../../../shared/fieldwork/notebook-topics.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { ConclusionEditor, type DraftSources } from './ConclusionEditor.tsx';
import { STATUS_COLOURS, type Topic } from './topic-types.ts';
import type { ConclusionsData } from './use-conclusions-data.ts';

/**
 * Conclusions per process (clause 8) and per clause group (4–7, 9, 10, and the rest of 8): the list
 * with each topic's state and the answers' tally, and the editor of the chosen one. ↑↓ or J/K move
 * through the list when no field has the focus; E writes the conclusion; Esc goes back to the list.
 */
export function TopicsPanel({
  data,
  records,
  gridOn,
  readOnly,
  timeZone,
  onError,
}: {
  data: ConclusionsData;
  records: FieldworkRecordsView;
  gridOn: boolean;
  readOnly: boolean;
  timeZone: string;
  onError: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const { pack, plan, answers } = data;
  const root = useRef<HTMLDivElement | null>(null);
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const [index, setIndex] = useState(0);

  const units = useMemo(() => (pack ? checklistUnits(pack) : []), [pack]);
  const topics = useMemo<Topic[]>(
    () =>
      units.map((unit) => ({
        key: unit.key,
        kind: unit.kind,
        label: topicLabel(unit.kind, unit.kind === 'process' ? unit.key : unit.number, pack, i18n.language),
        questionIds: new Set(unit.questions.map((item) => item.question.id)),
      })),
    [units, pack, i18n.language],
  );
  const clauseOf = useMemo(() => new Map(units.flatMap((unit) => unit.questions.map((item) => [item.question.id, item.clauseNumber] as const))), [units]);
  const topicOfQuestion = useMemo(() => new Map(units.flatMap((unit) => unit.questions.map((item) => [item.question.id, unit.key] as const))), [units]);
  const packOrder = useMemo(() => new Map(units.flatMap((unit) => unit.questions.map((item) => item.question.id)).map((id, at) => [id, at] as const)), [units]);
  const answersByTopic = useMemo(() => {
    const byTopic = new Map<string, (typeof answers)[number][]>();
    for (const answer of answers) {
      const topic = topicOfQuestion.get(answer.question_id);
      if (topic === undefined) continue;
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), answer]);
    }
    // In the pack's order, so the draft's notes follow the checklist.
    for (const list of byTopic.values()) list.sort((a, b) => (packOrder.get(a.question_id) ?? 0) - (packOrder.get(b.question_id) ?? 0));
    return byTopic;
  }, [answers, topicOfQuestion, packOrder]);
  const conclusions = useMemo(() => new Map(records.conclusion.map((row) => [row.topic, row])), [records.conclusion]);
  const names = useMemo(() => new Map(plan.team.map((member) => [member.id, member.name])), [plan.team]);
  const tallyOf = (topic: Topic): AnswerTally =>
    tallyAnswers(
      (answersByTopic.get(topic.key) ?? []).map((answer) => ({ questionId: answer.question_id, result: answer.result })),
      topic.questionIds.size,
    );

  const topic = topics[Math.min(index, Math.max(topics.length - 1, 0))];
  const sources = useMemo<DraftSources | null>(() => {
    if (!topic) return null;
    const topicAnswers = answersByTopic.get(topic.key) ?? [];
    const answerIds = new Set(topicAnswers.map((answer) => answer.id));
    const people = new Map(records.person.map((person) => [person.id, person]));
    const evidence = new Map(records.evidence_item.map((item) => [item.id, item]));
    const entries = entriesForTopic(topic.key, records.notebook_entry, plan.topics, pack).map((entry) => ({
      id: entry.id,
      writtenAt: entry.written_at,
      author: names.get(entry.team_member_id) ?? '',
      body: entry.body,
    }));
    const input: NarrativeInput = {
      entries,
      answers: topicAnswers.map((answer) => ({
        questionId: answer.question_id,
        clauseNumber: clauseOf.get(answer.question_id) ?? '',
        author: names.get(answer.team_member_id) ?? '',
        result: answer.result,
        notes: answer.notes,
      })),
      questionCount: topic.questionIds.size,
      interviewees: records.answer_person
        .filter((link) => answerIds.has(link.answer_id))
        .flatMap((link) => {
          const person = people.get(link.person_id);
          return person ? [{ name: person.name, role: person.role || null }] : [];
        }),
      documents: records.answer_evidence
        .filter((link) => answerIds.has(link.answer_id))
        .flatMap((link) => {
          const item = evidence.get(link.evidence_id);
          return item && (item.kind === 'document' || item.kind === 'record' || item.kind === 'screenshot') ? [item.version ? `${item.title}, ${item.version}` : item.title] : [];
        }),
      records: records.record_seen.filter((record) => record.topic === topic.key).map((record) => ({ ref: record.record_ref, result: record.result })),
    };
    return { input, entries, notes: input.answers.filter((answer) => answer.notes.trim() !== '') };
    // Not `records`: a keystroke in the conclusion changes the conclusion table only.
  }, [topic, answersByTopic, records.person, records.evidence_item, records.notebook_entry, records.answer_person, records.answer_evidence, records.record_seen, plan.topics, pack, names, clauseOf]);

  const go = (by: number) => setIndex((at) => Math.min(Math.max(at + by, 0), Math.max(topics.length - 1, 0)));
  useGuardedHotkeys([
    ['ArrowDown', () => go(1)],
    ['j', () => go(1)],
    ['ArrowUp', () => go(-1)],
    ['k', () => go(-1)],
    ['e', () => textRef.current?.focus()],
  ]);
  useEffect(() => {
    // A block: newer Chromium returns a promise from scrollIntoView, which React would call as the cleanup.
    root.current?.querySelector('[data-selected="true"][data-testid="conclusion-topic"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  if (!topic || !sources) return null;
  const done = topics.filter((item) => (conclusions.get(item.key)?.status ?? 'not_concluded') !== 'not_concluded').length;
  return (
    <div ref={root}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Text size="sm" c="dimmed" mb={6} data-testid="concluded-count">
            {t('conclusions.list.concluded', { done, total: topics.length })}
          </Text>
          <ScrollArea h="calc(100vh - 300px)" type="auto">
            {topics.map((item, at) => {
              const status = conclusions.get(item.key)?.status ?? 'not_concluded';
              return (
                <NavLink
                  key={item.key}
                  active={at === index}
                  data-selected={at === index}
                  onClick={() => setIndex(at)}
                  label={<span translate="no">{item.label}</span>}
                  description={
                    <Text span size="xs" c={STATUS_COLOURS[status] === 'gray' ? 'dimmed' : STATUS_COLOURS[status]}>
                      {t(`conclusions.status.${status}`)}
                    </Text>
                  }
                  rightSection={<TallyBadges tally={tallyOf(item)} />}
                  data-testid="conclusion-topic"
                  data-topic={item.key}
                  data-status={status}
                />
              );
            })}
          </ScrollArea>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md">
            <Group justify="space-between" align="baseline">
              <Title order={3} translate="no" data-testid="conclusion-title">
                {topic.label}
              </Title>
              <Text size="xs" c="dimmed">
                {t('conclusions.editor.keys')}
              </Text>
            </Group>
            {readOnly ? <Alert color="gray">{t('conclusions.readOnly')}</Alert> : null}
            <ConclusionEditor
              key={topic.key}
              topic={topic}
              row={conclusions.get(topic.key)}
              tally={tallyOf(topic)}
              sources={sources}
              gridOn={gridOn && topic.kind === 'process'}
              readOnly={readOnly}
              timeZone={timeZone}
              textRef={textRef}
              onError={onError}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </div>
  );
}

/** The answers' tally of a topic as three small counts (conforming, nonconformity found, observation), worded for screen readers. */
function TallyBadges({ tally }: { tally: AnswerTally }) {
  const { t } = useTranslation();
  if (!tally.answeredQuestions) return null;
  const label = t('conclusions.list.tally', { conforming: tally.conforming, nonconformity: tally.nonconformity, observation: tally.observation });
  return (
    <Group gap={3} wrap="nowrap" aria-label={label} title={label} data-testid="topic-tally">
      <Badge size="xs" variant="light" color="teal" px={5}>
        {tally.conforming}
      </Badge>
      {tally.nonconformity ? (
        <Badge size="xs" variant="filled" color="red" px={5}>
          {tally.nonconformity}
        </Badge>
      ) : null}
      {tally.observation ? (
        <Badge size="xs" variant="light" color="orange" px={5}>
          {tally.observation}
        </Badge>
      ) : null}
    </Group>
  );
}
