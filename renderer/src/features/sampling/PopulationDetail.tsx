import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PopulationView, SamplingStateView } from '../../../../shared/contract/sampling-views.ts';
import { formatNumber } from '../../components/format.ts';
import { DrawPanel } from './DrawPanel.tsx';
import { PopulationFacts, PopulationStrata } from './population-facts.tsx';
import { PopulationRecords } from './population-records.tsx';
import type { SamplingContext } from './use-sampling-context.ts';

/** A population: its facts, its records, its strata, and the panel that draws a sample from it. */
export function PopulationDetail({ ctx, population, judgment, onDrawn }: { ctx: SamplingContext; population: PopulationView; judgment: SamplingStateView['recordSampling']; onDrawn: (sampleId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="population-detail">
      <div>
        <Group gap="xs">
          <Title order={3} translate="no">
            {population.name}
          </Title>
          <Badge variant="light" color="gray">
            {t('sampling.list.rows', { count: population.rowCount, rows: formatNumber(population.rowCount) })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" translate="no">
          {ctx.topicName(population.topic)}
        </Text>
      </div>
      <Tabs defaultValue={population.rowsHere ? 'draw' : 'facts'} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="draw" disabled={!population.rowsHere} data-testid="population-tab-draw">
            {t('sampling.tabs.draw')}
          </Tabs.Tab>
          <Tabs.Tab value="facts" data-testid="population-tab-facts">
            {t('sampling.tabs.facts')}
          </Tabs.Tab>
          <Tabs.Tab value="records" data-testid="population-tab-records">
            {t('sampling.tabs.records')}
          </Tabs.Tab>
          <Tabs.Tab value="strata" data-testid="population-tab-strata">
            {t('sampling.tabs.strata')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="draw">
          <DrawPanel key={population.id} ctx={ctx} population={population} judgment={judgment} onDrawn={onDrawn} />
        </Tabs.Panel>
        <Tabs.Panel value="facts">
          <PopulationFacts ctx={ctx} population={population} />
        </Tabs.Panel>
        <Tabs.Panel value="records">
          <PopulationRecords handle={ctx.handle} population={population} />
        </Tabs.Panel>
        <Tabs.Panel value="strata">
          <PopulationStrata population={population} />
        </Tabs.Panel>
      </Tabs>
      {!population.rowsHere ? (
        <Text size="sm" c="dimmed">
          {t('sampling.records.notHere')}
        </Text>
      ) : null}
    </Stack>
  );
}
