import { Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconListCheck, IconSquareCheck } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, SamplingPlan } from '../../../../shared/checklist/pack.ts';
import { PackCard } from './PackCard.tsx';

/** A kind of record to sample, how to select it, and the attributes to test on each record. */
export const SamplingPlanCard = forwardRef<
  HTMLDivElement,
  { plan: SamplingPlan; text: (t: LocalizedText | undefined) => string; highlighted: boolean }
>(function SamplingPlanCard({ plan, text, highlighted }, ref) {
  const { t } = useTranslation();
  return (
    <PackCard ref={ref} testId={`sampling-${plan.id}`} highlighted={highlighted} colour="teal" background="teal.0">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" color="teal" size="md">
              <IconListCheck size={16} />
            </ThemeIcon>
            <Text fw={600}><span translate="no">{text(plan.record)}</span></Text>
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
            <span translate="no">{text(plan.hint)}</span>
          </Text>
        ) : null}
        <Text size="xs" fw={600} c="teal.9" tt="uppercase">
          {t('checklists.browser.attributes')}
        </Text>
        <List size="sm" spacing={4} icon={<IconSquareCheck size={16} color="var(--mantine-color-teal-7)" />}>
          {plan.attributes.map((attribute) => (
            <List.Item key={attribute.id}><span translate="no">{text(attribute.text)}</span></List.Item>
          ))}
        </List>
      </Stack>
    </PackCard>
  );
});
