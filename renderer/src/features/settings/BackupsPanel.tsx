import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLLING_BACKUP_LIMITS } from '../../../../shared/backup-limits.ts';
import type { BackupUsageView } from '../../../../shared/contract/views.ts';
import { CopyableCode } from '../../components/CopyableCode.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, formatNumber } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';

/**
 * Settings → Backups: how many rolling backups are kept and how much space they may take (the same
 * limits the app-data store prunes by), where they are, and what each engagement's take now.
 */
export function BackupsPanel() {
  const { t } = useTranslation();
  const currentId = useAppStore((s) => s.current?.engagementId ?? null);
  const [usage, setUsage] = useState<BackupUsageView | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    invoke('backup:usage', {}).then(setUsage, setError);
  }, []);

  const total = usage?.engagements.reduce((sum, engagement) => sum + engagement.bytes, 0) ?? 0;
  return (
    <Stack gap="xs" data-testid="backups-panel">
      <div>
        <Text size="sm" fw={500}>
          {t('settings.backups.title')}
        </Text>
        <Text size="sm" data-testid="backup-rule">
          {t('settings.backups.rule', { count: ROLLING_BACKUP_LIMITS.count, size: formatBytes(ROLLING_BACKUP_LIMITS.bytes) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('settings.backups.when')}
        </Text>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {!usage && !error ? (
        <Text size="xs" c="dimmed">
          {t('settings.backups.loading')}
        </Text>
      ) : null}
      {usage?.folder ? (
        <Group gap="xs" wrap="nowrap" align="center">
          <Text size="xs" c="dimmed">
            {t('settings.backups.folder')}
          </Text>
          <CopyableCode value={usage.folder} label={t('settings.backups.copyFolder')} testId="backup-folder" />
        </Group>
      ) : null}
      {usage && usage.engagements.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="backups-empty">
          {t('settings.backups.empty')}
        </Text>
      ) : null}
      {usage && usage.engagements.length > 0 ? (
        <Table verticalSpacing={4} fz="sm" aria-label={t('settings.backups.title')} data-testid="backup-usage">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.backups.client')}</Table.Th>
              <Table.Th ta="right">{t('settings.backups.count')}</Table.Th>
              <Table.Th ta="right">{t('settings.backups.space')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {usage.engagements.map((engagement) => (
              <Table.Tr key={engagement.engagementId}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <span translate="no">{engagement.clientName}</span>
                    {engagement.engagementId === currentId ? (
                      <Badge size="xs" variant="light">
                        {t('settings.backups.open')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(engagement.count)}</Table.Td>
                <Table.Td ta="right">{formatBytes(engagement.bytes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {usage.engagements.length > 1 ? (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('settings.backups.total')}</Table.Th>
                <Table.Th ta="right">{formatNumber(usage.engagements.reduce((sum, engagement) => sum + engagement.count, 0))}</Table.Th>
                <Table.Th ta="right">{formatBytes(total)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('settings.backups.others')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('settings.backups.restore')}
      </Text>
    </Stack>
  );
}
