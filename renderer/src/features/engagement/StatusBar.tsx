import { Badge, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileDatabase, IconLock, IconPencil, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store.ts';
import { useSaveStore } from '../../state/save-store.ts';

/** File, saved state, current auditor, read-only state: always visible at the bottom. */
export function StatusBar() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current);
  const installation = useAppStore((s) => s.installation);
  const state = useSaveStore((s) => s.state);
  if (!current) return null;
  const saved = {
    saved: { icon: <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" />, label: t('status.saved') },
    pending: { icon: <IconPencil size={16} color="var(--mantine-color-gray-6)" />, label: t('status.pending') },
    saving: { icon: <Loader size={12} />, label: t('status.saving') },
    failed: { icon: <IconAlertCircle size={16} color="var(--mantine-color-red-6)" />, label: t('status.failed') },
  }[state];
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="lg" role="status">
      <Group gap="lg" wrap="nowrap">
        <Tooltip label={current.file}>
          <Group gap={6} wrap="nowrap" maw={420}>
            <IconFileDatabase size={16} color="var(--mantine-color-gray-6)" />
            <Text size="xs" c="dimmed" truncate data-testid="status-file" translate="no">
              {current.file}
            </Text>
          </Group>
        </Tooltip>
        {current.fileCheck.state === 'pending' ? (
          <Group gap={6} wrap="nowrap" data-testid="status-checking">
            <Loader size={12} color="gray" />
            <Text size="xs" c="dimmed">
              {t('engagement.checking')}
            </Text>
          </Group>
        ) : null}
        {current.readOnly ? (
          <Badge color="orange" variant="light" size="sm" leftSection={<IconLock size={12} />} data-testid="status-read-only">
            {t('status.readOnly')}
          </Badge>
        ) : (
          <Group gap={6} wrap="nowrap" data-testid="save-state" data-state={state}>
            {saved.icon}
            <Text size="xs">{saved.label}</Text>
          </Group>
        )}
      </Group>
      {installation ? (
        <Group gap={6} wrap="nowrap">
          <IconUser size={16} color="var(--mantine-color-gray-6)" />
          <Text size="xs" c="dimmed">
            {t('status.auditor', { name: t('common.withDetail', { name: installation.name, detail: installation.initials }) })}
          </Text>
        </Group>
      ) : null}
    </Group>
  );
}
