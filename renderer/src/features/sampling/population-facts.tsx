import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PopulationView } from '../../../../shared/contract/sampling-views.ts';
import { CopyableCode } from '../../components/CopyableCode.tsx';
import { formatInstant, formatNumber } from '../../components/format.ts';
import { usePeriodText } from './population-list.tsx';
import type { SamplingContext } from './use-sampling-context.ts';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** What identifies a population and where it came from: what a reviewer checks before trusting a sample drawn from it. */
export function PopulationFacts({ ctx, population }: { ctx: SamplingContext; population: PopulationView }) {
  const { t } = useTranslation();
  const periodText = usePeriodText();
  return (
    <Stack gap="sm" data-testid="population-facts">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Fact label={t('sampling.facts.rows')}>{formatNumber(population.rowCount)}</Fact>
        <Fact label={t('sampling.facts.skipped')}>{formatNumber(population.skippedRows)}</Fact>
        <Fact label={t('sampling.facts.period')}>{periodText(population)}</Fact>
        <Fact label={t('sampling.facts.site')}>{population.siteId ? (ctx.siteName(population.siteId) ?? population.siteId) : t('sampling.allSites')}</Fact>
        <Fact label={t('sampling.facts.source')}>
          <span translate="no">{population.sourceName}</span>
        </Fact>
        <Fact label={t('sampling.facts.reading')}>
          {[population.sourceFormat.toUpperCase(), population.encoding, population.sheet || (population.delimiter === '\t' ? 'TAB' : population.delimiter)].filter(Boolean).join(' · ')}
        </Fact>
        <Fact label={t('sampling.facts.imported')}>{t('sampling.list.imported', { name: ctx.memberName(population.importedBy) || t('sampling.list.someone'), at: formatInstant(population.importedAt) })}</Fact>
      </SimpleGrid>
      <Fact label={t('sampling.facts.contentHash')}>
        <CopyableCode value={population.contentHash} testId="population-content-hash" />
      </Fact>
      <Fact label={t('sampling.facts.idsHash')}>
        <CopyableCode value={population.idsHash} testId="population-ids-hash" />
      </Fact>
      <div>
        <Text size="xs" c="dimmed">
          {t('sampling.facts.columns', { count: population.columns.length })}
        </Text>
        <Table withTableBorder fz="xs" mt={4} data-testid="population-columns">
          <Table.Tbody>
            {population.columns.map((column) => (
              <Table.Tr key={column.name}>
                <Table.Td translate="no">{column.name}</Table.Td>
                <Table.Td c="dimmed">{t(`sampling.role.${column.role}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}

/** The strata built at import: per stratifiable column, how many records each value holds. */
export function PopulationStrata({ population }: { population: PopulationView }) {
  const { t } = useTranslation();
  if (!population.strata.length) return <Text size="sm" c="dimmed">{t('sampling.strata.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="population-strata">
      {population.strata.map((strata) => (
        <div key={strata.column}>
          <Text size="sm" fw={600} translate="no">
            {strata.column}
          </Text>
          <Table fz="xs" striped>
            <Table.Tbody>
              {strata.strata.map((stratum) => (
                <Table.Tr key={stratum.name}>
                  <Table.Td translate="no">{stratum.name || t('sampling.strata.empty')}</Table.Td>
                  <Table.Td ta="right">{formatNumber(stratum.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </SimpleGrid>
  );
}
