import { Badge, Box, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSearch } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistQuestion, LocalizedText } from '../../../../shared/checklist/pack.ts';

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
    <Paper
      ref={ref}
      withBorder
      radius="md"
      p="md"
      data-testid={`question-${question.id}`}
      style={highlighted ? { borderColor: 'var(--mantine-color-indigo-5)', boxShadow: '0 0 0 2px var(--mantine-color-indigo-1)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={500} style={{ lineHeight: 1.5 }}>
            {text(question.text)}
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
              <Box>
                <Group gap={6} mb={2}>
                  <IconCircleCheck size={15} color="var(--mantine-color-green-7)" />
                  <Text size="xs" fw={600} c="green.8" tt="uppercase">
                    {t('checklists.browser.guidance')}
                  </Text>
                </Group>
                <Text size="sm" c="gray.8">
                  {text(question.guidance)}
                </Text>
              </Box>
            ) : null}
            {question.weaknesses ? (
              <Box>
                <Group gap={6} mb={2}>
                  <IconAlertTriangle size={15} color="var(--mantine-color-orange-7)" />
                  <Text size="xs" fw={600} c="orange.8" tt="uppercase">
                    {t('checklists.browser.weaknesses')}
                  </Text>
                </Group>
                <Text size="sm" c="gray.8">
                  {text(question.weaknesses)}
                </Text>
              </Box>
            ) : null}
          </SimpleGrid>
        ) : null}
        {question.evidence?.length ? (
          <Box>
            <Group gap={6} mb={2}>
              <IconFileSearch size={15} color="var(--mantine-color-indigo-7)" />
              <Text size="xs" fw={600} c="indigo.8" tt="uppercase">
                {t('checklists.browser.evidence')}
              </Text>
            </Group>
            <List size="sm" spacing={2} c="gray.8">
              {question.evidence.map((item, index) => (
                <List.Item key={index}>{text(item)}</List.Item>
              ))}
            </List>
          </Box>
        ) : null}
      </Stack>
    </Paper>
  );
});
