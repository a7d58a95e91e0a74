import { Badge, Group, NavLink, Stack, Text } from '@mantine/core';
import { IconDatabase, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PopulationView, SampleRowView } from '../../../../shared/contract/sampling-views.ts';
import { formatDay, formatDayRange, formatInstant, formatNumber } from '../../components/format.ts';
import type { SamplingContext } from './use-sampling-context.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export type Selection = { readonly kind: 'population' | 'sample'; readonly id: string } | null;

/** "1 Jan 2026 – 31 Mar 2026", an open end said as such, or "No period". */
export function usePeriodText() {
  const { t } = useTranslation();
  return (population: PopulationView): string => {
    const { periodFrom: from, periodTo: to } = population;
    if (from && to) return formatDayRange(from, to);
    if (from) return t('sampling.period.from', { date: formatDay(from) });
    if (to) return t('sampling.period.to', { date: formatDay(to) });
    return t('sampling.period.none');
  };
}

/** The populations by process (in the pack's order, then any process the pack no longer has), each with its samples beneath. */
export function PopulationList({ ctx, populations, samples, selection, onSelect }: { ctx: SamplingContext; populations: readonly PopulationView[]; samples: readonly SampleRowView[]; selection: Selection; onSelect: (selection: Selection) => void }) {
  const { t } = useTranslation();
  const periodText = usePeriodText();
  const order = new Map(ctx.units.map((unit, i) => [unit.key, i]));
  const topics = [...new Set(populations.map((population) => population.topic))].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  return (
    <Stack gap="md" data-testid="population-list">
      {topics.map((topic) => (
        <Stack key={topic} gap={4} data-testid="population-topic" data-topic={topic}>
          <Text size="sm" fw={600} translate="no">
            {ctx.topicName(topic)}
          </Text>
          {populations
            .filter((population) => population.topic === topic)
            .map((population) => {
              const drawn = samples.filter((sample) => sample.population_id === population.id);
              return (
                <div key={population.id}>
                  <NavLink
                    active={selection?.kind === 'population' && selection.id === population.id}
                    onClick={() => onSelect({ kind: 'population', id: population.id })}
                    leftSection={<IconDatabase size={16} />}
                    label={<span translate="no">{population.name}</span>}
                    description={
                      <Stack gap={0}>
                        {/* The count and the site kept whole: Chinese breaks between any two characters (所有 / 场所). */}
                        <span>
                          <span style={NOWRAP}>{t('sampling.list.rows', { count: population.rowCount, rows: formatNumber(population.rowCount) })}</span> · {periodText(population)} ·{' '}
                          <span style={NOWRAP}>{population.siteId ? (ctx.siteName(population.siteId) ?? population.siteId) : t('sampling.allSites')}</span>
                        </span>
                        <span translate="no">{population.sourceName}</span>
                        <span>{t('sampling.list.imported', { name: ctx.memberName(population.importedBy) || t('sampling.list.someone'), at: formatInstant(population.importedAt) })}</span>
                      </Stack>
                    }
                    rightSection={population.rowsHere ? null : <Badge size="xs" color="gray">{t('sampling.list.notHere')}</Badge>}
                    data-testid="population-item"
                  />
                  {drawn.map((sample) => (
                    <NavLink
                      key={sample.id}
                      pl={36}
                      active={selection?.kind === 'sample' && selection.id === sample.id}
                      onClick={() => onSelect({ kind: 'sample', id: sample.id })}
                      leftSection={<IconListCheck size={14} />}
                      label={
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{t('sampling.list.sample', { count: sample.planned_size, size: formatNumber(sample.planned_size) })}</Text>
                          <Text size="xs" c="dimmed">
                            {t(`sampling.method.${sample.method}`)}
                          </Text>
                        </Group>
                      }
                      description={sample.drawn_at ? formatInstant(sample.drawn_at) : undefined}
                      data-testid="sample-item"
                    />
                  ))}
                </div>
              );
            })}
        </Stack>
      ))}
    </Stack>
  );
}
