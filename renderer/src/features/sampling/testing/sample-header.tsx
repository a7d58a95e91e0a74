import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconPlus, IconRefresh, IconUserCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionVerifiedView } from '../../../../../shared/contract/sampling-views.ts';
import { CopyableCode } from '../../../components/CopyableCode.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { formatDayRange, formatInstant, formatNumber } from '../../../components/format.ts';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { runJob } from '../../../state/run-job.ts';
import { useSampling } from '../../../state/sampling.ts';
import { useSaveStore } from '../../../state/save-store.ts';
import type { FieldworkContext } from '../../fieldwork/records-context.ts';
import { JobProgress } from '../../team/JobProgress.tsx';
import { percent } from './percent.ts';
import type { SampleParts } from './sample-data.ts';
import { PickModal } from './sample-pick.tsx';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/**
 * What a sample is and how anyone can recompute it: its population, how its size was set (the
 * judgment's justification or the statistical parameters), how it was selected (method, seed,
 * algorithm, the population's ids hash), who drew it and when. Its actions: verify the selection
 * (the draw recomputed from what the sample records), extend it (every item already drawn stays),
 * add a record by judgment with its reason.
 */
export function SampleHeader({ parts, ctx }: { parts: SampleParts; ctx: FieldworkContext }) {
  const { t } = useTranslation();
  const { sample, population, items } = parts;
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'verify' | 'extend' | null>(null);
  const [verified, setVerified] = useState<SelectionVerifiedView | null>(null);
  const [extended, setExtended] = useState<number | null>(null);
  const [more, setMore] = useState<number | string>(5);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const readOnly = ctx.readOnly;

  async function verify() {
    setBusy('verify');
    setError(null);
    setVerified(null);
    try {
      await useSaveStore.getState().flush();
      setVerified(await runJob({ kind: 'sampling:verify', engagementHandle: ctx.handle, sampleId: sample.id }, setJobId));
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
      setBusy(null);
    }
  }

  async function extend() {
    const count = typeof more === 'number' ? more : Number.parseInt(more, 10);
    if (!Number.isSafeInteger(count) || count < 1) return;
    setBusy('extend');
    setError(null);
    setExtended(null);
    try {
      await useSaveStore.getState().flush();
      const drawn = await runJob({ kind: 'sampling:extend', engagementHandle: ctx.handle, sampleId: sample.id, more: count }, setJobId);
      setExtended(drawn.added);
      // The new items and their records seen.
      await Promise.all([useSampling.getState().reload(), useFieldworkRecords.getState().reload()]);
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
      setBusy(null);
    }
  }

  const statistical = sample.sizing === 'statistical';
  const period = population?.periodFrom && population.periodTo ? formatDayRange(population.periodFrom, population.periodTo) : (population?.periodFrom ?? population?.periodTo ?? null);
  const site = population?.siteId ? (ctx.plan?.sites.find((row) => row.id === population.siteId)?.name ?? population.siteId) : t('sampleTesting.header.allSites');
  return (
    <Paper withBorder p="md" radius="md" data-testid="sample-header">
      <Stack gap="sm">
        <div>
          <Title order={3} translate="no">
            {population ? population.name : t('sampleTesting.header.populationGone')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="sample-summary">
            {[
              population ? ctx.topicName(population.topic) : null,
              t('sampleTesting.header.summary', { size: formatNumber(items.length), rows: formatNumber(population?.rowCount ?? 0) }),
              period,
              site,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          <Fact label={t('sampleTesting.header.method')} testId="sample-method">
            {t(`sampleTesting.method.${sample.method}`)}
            {sample.method === 'stratified' && sample.stratify_by
              ? ` · ${t('sampleTesting.header.stratifiedBy', { column: sample.stratify_by })} · ${sample.allocation === 'minimum' ? t('sampleTesting.header.minimum', { count: sample.minimum_per_stratum ?? 0 }) : t('sampleTesting.header.proportional')}`
              : null}
          </Fact>
          <Fact label={t('sampleTesting.header.size')} testId="sample-size">
            {sample.planned_size && sample.planned_size !== items.length
              ? t('sampleTesting.header.sizePlanned', { size: formatNumber(items.length), planned: formatNumber(sample.planned_size) })
              : formatNumber(items.length)}
          </Fact>
          <Fact label={t('sampleTesting.header.drawnBy')}>
            {[ctx.memberName(sample.drawn_by), sample.drawn_at ? formatInstant(sample.drawn_at) : null].filter(Boolean).join(' · ')}
          </Fact>
        </SimpleGrid>
        <Fact label={statistical ? t('sampleTesting.header.statistical') : t('sampleTesting.header.judgment')} testId="sample-sizing">
          {statistical
            ? t('sampleTesting.header.parameters', {
                confidence: percent(sample.confidence ?? 0),
                tolerable: percent(sample.tolerable_rate ?? 0),
                expected: percent(sample.expected_rate ?? 0),
                model: sample.statistical_model ? t(`sampleTesting.model.${sample.statistical_model}`) : '',
              })
            : sample.justification || t('sampleTesting.header.noJustification')}
        </Fact>
        {sample.seed ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('sampleTesting.header.seed')}
              {sample.algorithm ? ` · ${sample.algorithm}` : ''}
            </Text>
            <CopyableCode value={sample.seed} label={t('sampleTesting.header.copy')} testId="sample-seed" />
          </div>
        ) : null}
        {sample.population_hash ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('sampleTesting.header.populationHash')}
            </Text>
            <CopyableCode value={sample.population_hash} label={t('sampleTesting.header.copy')} testId="sample-population-hash" />
          </div>
        ) : null}

        <Group gap="sm" align="flex-end">
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void verify()} loading={busy === 'verify'} disabled={busy !== null || !population?.rowsHere} data-testid="sample-verify">
            {t('sampleTesting.verify.button')}
          </Button>
          <NumberInput
            w={110}
            min={1}
            max={1_000_000}
            allowDecimal={false}
            allowNegative={false}
            label={t('sampleTesting.extend.more')}
            value={more}
            onChange={setMore}
            disabled={readOnly || busy !== null}
            data-testid="sample-extend-count"
          />
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => void extend()} loading={busy === 'extend'} disabled={readOnly || busy !== null || !population?.rowsHere || sample.method === 'judgmental'} data-testid="sample-extend">
            {t('sampleTesting.extend.button')}
          </Button>
          <Button variant="default" leftSection={<IconUserCheck size={16} />} onClick={() => setPicking(true)} disabled={readOnly || busy !== null || !population?.rowsHere} data-testid="sample-pick">
            {t('sampleTesting.pick.button')}
          </Button>
        </Group>
        {population && !population.rowsHere ? (
          <Text size="xs" c="dimmed">
            {t('sampleTesting.header.noRowsHere')}
          </Text>
        ) : null}
        <JobProgress jobId={jobId} phaseLabel={() => t(busy === 'extend' ? 'sampleTesting.extend.running' : 'sampleTesting.verify.running')} />
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {extended !== null ? (
          <Alert color="teal" variant="light" icon={<IconCheck size={16} />} withCloseButton onClose={() => setExtended(null)} data-testid="sample-extended">
            {t('sampleTesting.extend.done', { count: extended })}
          </Alert>
        ) : null}
        {verified ? <Verified result={verified} onClose={() => setVerified(null)} /> : null}
      </Stack>
      {picking && population ? <PickModal handle={ctx.handle} sampleId={sample.id} population={population} drawn={items} onClose={() => setPicking(false)} /> : null}
    </Paper>
  );
}

/** What "verify selection" found: an exact recomputation, or the first differences, or a population that hashes otherwise. */
function Verified({ result, onClose }: { result: SelectionVerifiedView; onClose: () => void }) {
  const { t } = useTranslation();
  const ok = result.matches && result.populationMatches;
  return (
    <Alert color={ok ? 'teal' : 'red'} variant="light" withCloseButton onClose={onClose} data-testid="sample-verified" data-matches={ok}>
      <Stack gap={6}>
        {ok ? <Text size="sm">{t('sampleTesting.verify.matches', { count: result.checkedItems, items: formatNumber(result.checkedItems) })}</Text> : null}
        {!result.populationMatches ? <Text size="sm">{t('sampleTesting.verify.populationChanged', { hash: result.recomputedPopulationHash })}</Text> : null}
        {result.populationMatches && !result.matches ? <Text size="sm">{t('sampleTesting.verify.differs', { count: result.differences.length })}</Text> : null}
        {result.judgmentalItems ? (
          <Text size="xs" c="dimmed">
            {t('sampleTesting.verify.judgmental', { count: result.judgmentalItems })}
          </Text>
        ) : null}
        {result.differences.length ? (
          <Table withTableBorder striped fz="xs" data-testid="sample-differences">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sampleTesting.verify.position')}</Table.Th>
                <Table.Th>{t('sampleTesting.verify.recorded')}</Table.Th>
                <Table.Th>{t('sampleTesting.verify.recomputed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.differences.map((difference) => (
                <Table.Tr key={difference.drawSeq}>
                  <Table.Td>{formatNumber(difference.drawSeq + 1)}</Table.Td>
                  <Table.Td ff="monospace" translate="no">
                    {difference.recorded || '—'}
                  </Table.Td>
                  <Table.Td ff="monospace" translate="no">
                    {difference.recomputed || '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Alert>
  );
}
