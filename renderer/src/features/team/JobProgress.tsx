import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useJobsStore } from '../../state/jobs-store.ts';

/** The progress of one running job, as the long-poll reports it. */
export function JobProgress({ jobId }: { jobId: string | null }) {
  const { t } = useTranslation();
  const job = useJobsStore((s) => (jobId ? s.jobs[jobId] : undefined));
  if (!job || job.status !== 'running') return null;
  const percent = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">{t(`team.phase.${job.phase}`, { defaultValue: t('team.phase.working') })}</Text>
      <Progress value={Math.max(percent, 5)} animated striped aria-label={t('team.phase.working')} />
    </Stack>
  );
}
