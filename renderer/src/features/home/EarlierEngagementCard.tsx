import { Alert, Anchor, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EarlierEngagementView } from '../../../../shared/contract/next-audit-views.ts';
import { auditDayOf } from '../../../../shared/time.ts';
import { formatDay, formatDayRange } from '../../components/format.ts';

/**
 * What a new engagement takes over from the earlier one: the lead sees the earlier audit, what
 * carries over and what does not, before creating the next audit's file.
 */
export function EarlierEngagementCard({
  earlier,
  newStart,
  onChange,
  onBlank,
}: {
  earlier: EarlierEngagementView;
  newStart: string;
  onChange: () => void;
  onBlank: () => void;
}) {
  const { t } = useTranslation();
  const { counts } = earlier;
  const today = auditDayOf(Date.now(), earlier.timeZone);
  const notOver = earlier.endDate > today;
  const startsBefore = Boolean(newStart) && newStart <= earlier.endDate;
  return (
    <Paper withBorder radius="md" p="md" bg="indigo.0" data-testid="earlier-engagement">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap">
            <IconHistory size={18} color="var(--mantine-color-indigo-7)" />
            <div>
              <Text fw={600} size="sm">
                {t('earlier.title', { client: earlier.clientName })}
              </Text>
              <Text size="xs" c="dimmed" translate="no">
                {earlier.file}
              </Text>
            </div>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Anchor component="button" type="button" size="sm" onClick={onChange}>
              {t('earlier.change')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onBlank}>
              {t('earlier.blank')}
            </Anchor>
          </Group>
        </Group>
        <Text size="sm">
          {t('earlier.was', { type: t(`auditType.${earlier.auditType}`), dates: formatDayRange(earlier.startDate, earlier.endDate) })}
          {earlier.certificateNumber
            ? ` · ${
                earlier.certificateExpiresOn
                  ? t('earlier.certificate', { number: earlier.certificateNumber, expires: formatDay(earlier.certificateExpiresOn) })
                  : t('earlier.certificateNoExpiry', { number: earlier.certificateNumber })
              }`
            : ''}
        </Text>
        <Text size="sm" fw={500} mt={4}>
          {t('earlier.carries')}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            {[
              t('earlier.counts.sites', { count: counts.sites }),
              t('earlier.counts.team', { count: counts.team }),
              t('earlier.counts.services', { count: counts.services }),
              t('earlier.counts.otherParties', { count: counts.otherParties }),
            ].join(' · ')}
          </List.Item>
          <List.Item>{t('earlier.counts.history', { count: counts.earlierAudits + 1 })}</List.Item>
          <List.Item>{earlier.profileTitle ? t('earlier.profile', { title: earlier.profileTitle }) : t('earlier.noProfile')}</List.Item>
          {earlier.packTitle ? <List.Item>{t('earlier.pack', { title: earlier.packTitle })}</List.Item> : null}
        </List>
        <Text size="xs" c="dimmed">
          {t('earlier.notCarried')} {t('earlier.readOnly')}
        </Text>
        {notOver ? (
          <Alert color="yellow" variant="light" p="xs" data-testid="earlier-not-over">
            <Text size="sm">{t('earlier.notOver', { date: formatDay(earlier.endDate) })}</Text>
          </Alert>
        ) : null}
        {startsBefore ? (
          <Alert color="yellow" variant="light" p="xs" data-testid="earlier-starts-before">
            <Text size="sm">{t('earlier.startsBefore', { date: formatDay(earlier.endDate) })}</Text>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
