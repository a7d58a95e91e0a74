import { Group, Progress, Stack, Text } from '@mantine/core';
import { formatDuration } from '../../components/format.ts';
import { secondsLeft } from '../../state/time-left.ts';
import { useTranslation } from 'react-i18next';
import { useJobsStore } from '../../state/jobs-store.ts';

/** The progress of one running job, as the long-poll reports it. `phaseLabel` words the phases of a job that has its own (the report's). */
export function JobProgress({ jobId, phaseLabel }: { jobId: string | null; phaseLabel?: (phase: string) => string }) {
  const { t } = useTranslation();
  const job = useJobsStore((s) => (jobId ? s.jobs[jobId] : undefined));
  if (!job || job.status !== 'running') return null;
  const percent = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  const left = secondsLeft(job, Date.now());
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" data-testid="job-phase">
          {phaseLabel ? phaseLabel(job.phase) : t(`team.phase.${job.phase}`, { defaultValue: t('team.phase.working') })}
        </Text>
        {left === null ? null : (
          <Text size="xs" c="dimmed" data-testid="time-left">
            {t('common.timeLeft', { duration: formatDuration(left) })}
          </Text>
        )}
      </Group>
      <Progress value={Math.max(percent, 5)} animated striped aria-label={t('team.phase.working')} />
    </Stack>
  );
}
