import { Anchor, Badge, Box, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconRepeat } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackIndex } from '../../../../shared/checklist/pack-index.ts';
import type { LocalizedText } from '../../../../shared/checklist/pack.ts';
import { QuestionCard } from './QuestionCard.tsx';
import { SamplingPlanCard } from './SamplingPlanCard.tsx';

/**
 * One clause: its summary, process, older-edition mappings, questions and records to sample. A parent
 * clause without questions lists its sub-clauses with their question counts.
 */
export function ClauseDetail({
  index,
  clauseId,
  text,
  highlight,
  onSelect,
}: {
  index: PackIndex;
  clauseId: string;
  text: (t: LocalizedText | undefined) => string;
  /** A question or sampling plan to scroll to (from search). */
  highlight: string | null;
  onSelect: (clauseId: string) => void;
}) {
  const { t } = useTranslation();
  const clause = index.clauseById.get(clauseId);
  const targets = useRef(new Map<string, HTMLDivElement | null>());
  useEffect(() => {
    if (highlight) targets.current.get(highlight)?.scrollIntoView({ block: 'center' });
  }, [highlight, clauseId]);
  if (!clause) return null;

  const process = index.processOf(clause.id);
  const processClause = process ? index.clauseById.get(process.clause) : undefined;
  const mappings = index.mappingsOf(clause.id);
  const selections = (index.pack.selections ?? []).filter((s) => s.clauses.includes(clause.id));
  const questions = clause.questions ?? [];
  const children = index.children(clause.id);
  const path = index.path(clause.id).slice(0, -1);

  return (
    <Stack gap="md" data-testid="clause-detail">
      <Box>
        {path.length ? (
          <Group gap={6} mb={4}>
            {path.map((ancestor) => (
              <Anchor key={ancestor.id} size="xs" c="dimmed" onClick={() => onSelect(ancestor.id)}>
                {ancestor.number} <span translate="no">{text(ancestor.title)}</span> ›
              </Anchor>
            ))}
          </Group>
        ) : null}
        <Group gap="sm" align="baseline">
          <Title order={3} data-testid="clause-title">
            {clause.number} <span translate="no">{text(clause.title)}</span>
          </Title>
        </Group>
        <Group gap="xs" mt={6}>
          {process && processClause ? (
            <Badge variant="light" color="indigo" leftSection={<IconRepeat size={12} />}>
              {t('checklists.browser.process')}: {processClause.number} <span translate="no">{text(processClause.title)}</span>
            </Badge>
          ) : null}
          {selections.map((selection) => (
            <Badge key={selection.id} variant="light" color="yellow">
              <span translate="no">{text(selection.title)}</span>
            </Badge>
          ))}
        </Group>
      </Box>

      {clause.summary ? (
        <Paper withBorder radius="md" p="md" bg="white">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
            {t('checklists.browser.summary')}
          </Text>
          <Text size="sm"><span translate="no">{text(clause.summary)}</span></Text>
        </Paper>
      ) : null}

      {mappings.length ? (
        <Group gap="xs" data-testid="clause-mappings">
          <IconArrowsExchange size={16} color="var(--mantine-color-gray-6)" />
          <Text size="sm" c="dimmed">
            {t('checklists.browser.mappings')}
          </Text>
          {mappings.map(({ lens, item }) => (
            <Badge key={`${lens.id}/${item.id}`} variant="outline" color="gray" tt="none">
              {lens.id.replace(/^iso20000-1-/, '')} {item.number} <span translate="no">{text(item.title)}</span>
            </Badge>
          ))}
        </Group>
      ) : null}

      {questions.length ? (
        <Stack gap="sm">
          <Text fw={600}>{t('checklists.browser.questions', { count: questions.length })}</Text>
          {questions.map((question) => (
            <QuestionCard
              key={question.id}
              ref={(node) => {
                targets.current.set(question.id, node);
              }}
              question={question}
              text={text}
              highlighted={highlight === question.id}
            />
          ))}
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {children.length ? t('checklists.browser.noQuestionsParent') : t('checklists.browser.noQuestions')}
          </Text>
          {children.map((child) => (
            <Anchor key={child.id} size="sm" onClick={() => onSelect(child.id)}>
              {child.number} <span translate="no">{text(child.title)}</span> ({index.questionsUnder(child.id).length})
            </Anchor>
          ))}
        </Stack>
      )}

      {clause.sampling?.length ? (
        <Stack gap="sm">
          <Divider />
          <Text fw={600}>{t('checklists.browser.sampling')}</Text>
          {clause.sampling.map((plan) => (
            <SamplingPlanCard
              key={plan.id}
              ref={(node) => {
                targets.current.set(plan.id, node);
              }}
              plan={plan}
              text={text}
              highlighted={highlight === plan.id}
            />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
