import { Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSearch } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistQuestion, LocalizedText } from '../../../../shared/checklist/pack.ts';
import { Labelled, PackCard } from './PackCard.tsx';

export const ASPECT_COLOURS: Record<string, string> = {
  'policy-plan': 'grape',
  operation: 'blue',
  records: 'teal',
  measurement: 'orange',
  improvement: 'green',
};

/** One audit question with what good looks like, common weaknesses and typical evidence. */
export const QuestionCard = forwardRef<
  HTMLDivElement,
  { question: ChecklistQuestion; text: (t: LocalizedText | undefined) => string; highlighted: boolean }
>(function QuestionCard({ question, text, highlighted }, ref) {
  const { t } = useTranslation();
  return (
    <PackCard ref={ref} testId={`question-${question.id}`} highlighted={highlighted} colour="indigo">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={500} style={{ lineHeight: 1.5 }}>
            <span translate="no">{text(question.text)}</span>
          </Text>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <Text size="xs" c="dimmed" ff="monospace">
              {question.id}
            </Text>
            {question.aspect ? (
              <Badge size="xs" variant="light" color={ASPECT_COLOURS[question.aspect]}>
                {t(`checklists.browser.aspect.${question.aspect}`)}
              </Badge>
            ) : null}
          </Stack>
        </Group>
        {question.guidance || question.weaknesses ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {question.guidance ? (
              <Labelled icon={<IconCircleCheck size={15} color="var(--mantine-color-green-7)" />} label={t('checklists.browser.guidance')} colour="green">
                <Text size="sm" c="gray.8">
                  <span translate="no">{text(question.guidance)}</span>
                </Text>
              </Labelled>
            ) : null}
            {question.weaknesses ? (
              <Labelled icon={<IconAlertTriangle size={15} color="var(--mantine-color-orange-7)" />} label={t('checklists.browser.weaknesses')} colour="orange">
                <Text size="sm" c="gray.8">
                  <span translate="no">{text(question.weaknesses)}</span>
                </Text>
              </Labelled>
            ) : null}
          </SimpleGrid>
        ) : null}
        {question.evidence?.length ? (
          <Labelled icon={<IconFileSearch size={15} color="var(--mantine-color-indigo-7)" />} label={t('checklists.browser.evidence')} colour="indigo">
            <List size="sm" spacing={2} c="gray.8">
              {question.evidence.map((item, index) => (
                <List.Item key={index}><span translate="no">{text(item)}</span></List.Item>
              ))}
            </List>
          </Labelled>
        ) : null}
      </Stack>
    </PackCard>
  );
});
