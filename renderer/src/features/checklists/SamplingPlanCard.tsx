import { Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconListCheck, IconSquareCheck } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, SamplingPlan } from '../../../../shared/checklist/pack.ts';

/** A kind of record to sample, how to select it, and the attributes to test on each record. */
export const SamplingPlanCard = forwardRef<
  HTMLDivElement,
  { plan: SamplingPlan; text: (t: LocalizedText | undefined) => string; highlighted: boolean }
>(function SamplingPlanCard({ plan, text, highlighted }, ref) {
  const { t } = useTranslation();
  return (
    <Paper
      ref={ref}
      withBorder
      radius="md"
      p="md"
      bg="teal.0"
      data-testid={`sampling-${plan.id}`}
      style={highlighted ? { borderColor: 'var(--mantine-color-teal-6)', boxShadow: '0 0 0 2px var(--mantine-color-teal-2)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" color="teal" size="md">
              <IconListCheck size={16} />
            </ThemeIcon>
            <Text fw={600}>{text(plan.record)}</Text>
          </Group>
          <Text size="xs" c="dimmed" ff="monospace">
            {plan.id}
          </Text>
        </Group>
        {plan.hint ? (
          <Text size="sm" c="gray.8">
            <Text span fw={600} size="sm">
              {t('checklists.browser.samplingHint')}:{' '}
            </Text>
            {text(plan.hint)}
          </Text>
        ) : null}
        <Text size="xs" fw={600} c="teal.9" tt="uppercase">
          {t('checklists.browser.attributes')}
        </Text>
        <List size="sm" spacing={4} icon={<IconSquareCheck size={16} color="var(--mantine-color-teal-7)" />}>
          {plan.attributes.map((attribute) => (
            <List.Item key={attribute.id}>{text(attribute.text)}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
});
