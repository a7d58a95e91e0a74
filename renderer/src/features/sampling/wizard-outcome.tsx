import { Alert, Group, List, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportedPopulationView } from '../../../../shared/contract/sampling-views.ts';
import { formatBytes, formatNumber } from '../../components/format.ts';
import { useJobsStore } from '../../state/jobs-store.ts';
import { BadRowLine } from './wizard-reading.tsx';

/**
 * The import's progress: the worker reports the bytes read of the export (done of total) while it
 * streams, and the rows read so far in the phase's count when its phase is 'rows'.
 */
export function ImportProgress({ jobId }: { jobId: string | null }) {
  const { t } = useTranslation();
  const job = useJobsStore((s) => (jobId ? s.jobs[jobId] : undefined));
  if (!job || job.status !== 'running') return null;
  const percent = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  const counted = job.phase === 'rows' ? t('sampling.progress.rows', { done: formatNumber(job.done), total: formatNumber(job.total) }) : t('sampling.progress.bytes', { done: formatBytes(job.done), total: formatBytes(job.total) });
  return (
    <Stack gap={4} data-testid="import-progress">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t(`sampling.progress.phase.${job.phase}`, { defaultValue: t('sampling.progress.working') })}</Text>
        <Text size="xs" c="dimmed" data-testid="import-progress-count">
          {counted}
        </Text>
      </Group>
      <Progress value={Math.max(percent, 3)} animated striped aria-label={t('sampling.progress.working')} />
    </Stack>
  );
}

/** What the import did: the rows imported, the rows skipped with their lines and reasons, or that the same export was already there. */
export function ImportOutcome({ result }: { result: ImportedPopulationView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="import-result">
      {result.existed ? (
        <Alert color="blue" variant="light" data-testid="import-existed">
          {t('sampling.result.existed')}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" title={t('sampling.result.imported', { count: result.population.rowCount, rows: formatNumber(result.population.rowCount) })}>
          <Text size="sm">{t('sampling.result.kept', { count: result.population.columns.length })}</Text>
        </Alert>
      )}
      {result.skippedCount ? (
        <Alert color="orange" variant="light" title={t('sampling.result.skipped', { count: result.skippedCount, rows: formatNumber(result.skippedCount) })} data-testid="import-skipped">
          <ScrollArea.Autosize mah={220} type="auto">
            <List size="xs" spacing={2}>
              {result.skipped.map((row, i) => (
                <List.Item key={i}>
                  <BadRowLine row={row} />
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          {result.skippedCount > result.skipped.length ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('sampling.result.firstSkipped', { shown: formatNumber(result.skipped.length) })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
