import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecentEngagementView } from '../../../../shared/contract/views.ts';
import { formatDayRange, formatInstant } from '../../components/format.ts';

/** Recent engagements: click to open; a missing file is marked and can be removed from the list. */
export function RecentEngagements({
  recent,
  onOpen,
  onRemove,
}: {
  recent: RecentEngagementView[];
  onOpen: (file: string) => void;
  onRemove: (file: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table highlightOnHover verticalSpacing="sm" aria-label={t('home.recentTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('home.columns.client')}</Table.Th>
          <Table.Th>{t('home.columns.type')}</Table.Th>
          <Table.Th>{t('home.columns.dates')}</Table.Th>
          <Table.Th>{t('home.columns.file')}</Table.Th>
          <Table.Th>{t('home.columns.lastOpened')}</Table.Th>
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {recent.map((entry) => (
          <Table.Tr
            key={entry.file}
            style={{ cursor: entry.missing ? 'default' : 'pointer' }}
            onClick={() => !entry.missing && onOpen(entry.file)}
            onKeyDown={(e) => e.key === 'Enter' && !entry.missing && onOpen(entry.file)}
            tabIndex={0}
            data-testid="recent-row"
          >
            <Table.Td>
              <Group gap="xs">
                <Text size="sm" fw={500} c={entry.missing ? 'dimmed' : undefined} translate="no">
                  {entry.clientName}
                </Text>
                {entry.missing ? (
                  <Tooltip label={t('home.missingHint')}>
                    <Badge color="orange" variant="light" size="sm">
                      {t('home.missing')}
                    </Badge>
                  </Tooltip>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`auditType.${entry.auditType}`, { defaultValue: entry.auditType })}</Text>
            </Table.Td>
            <Table.Td>
              {/* Whole: a narrow column splits 2026年12月10日 before 日. */}
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDayRange(entry.startDate, entry.endDate)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" lineClamp={1} translate="no">
                {entry.file}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {formatInstant(entry.lastOpenedAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label={t('home.removeRecent')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('home.removeRecent')}
                  onClick={(e) => {
                    e.stopPropagation();
                    onRemove(entry.file);
                  }}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
