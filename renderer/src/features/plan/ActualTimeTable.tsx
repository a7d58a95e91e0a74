import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { splitTotal, type ActualTime, type DaySpan, type TimeSplit } from '../../../../shared/plan/actual-time.ts';
import { formatDay } from '../../components/format.ts';
import { auditorDays, hoursMinutes, signedHoursMinutes } from './plan-words.ts';
import type { Plan } from './use-plan.ts';

const span = (value: DaySpan | null): string => (value ? `${value.start}–${value.end}` : '—');

/**
 * Planned against actual time per team member and day: on-site and remote planned, on-site,
 * remote and off-site actual, the difference, the first start and last end; a line per day with
 * the counted time and the day's span, and the totals in auditor-days against the allocation.
 */
export function ActualTimeTable({ plan, time }: { plan: Plan; time: ActualTime }) {
  const { t } = useTranslation();
  const member = (id: string) => plan.team.find((candidate) => candidate.id === id);
  const cells = (planned: TimeSplit, actual: TimeSplit, pending: number, bold = false) => {
    const difference = splitTotal(actual) - splitTotal(planned);
    const fw = bold ? 600 : undefined;
    return (
      <>
        <Table.Td ta="right" fw={fw}>{hoursMinutes(planned.onSite)}</Table.Td>
        <Table.Td ta="right" fw={fw}>{hoursMinutes(planned.remote)}</Table.Td>
        <Table.Td ta="right" fw={fw} style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}>{hoursMinutes(actual.onSite)}</Table.Td>
        <Table.Td ta="right" fw={fw}>{hoursMinutes(actual.remote)}</Table.Td>
        <Table.Td ta="right" fw={fw}>{hoursMinutes(actual.offSite)}</Table.Td>
        {pending ? (
          // Sessions not recorded yet: a difference now would only say what is missing.
          <Table.Td ta="right" c="dimmed" fz="xs" data-testid="actual-pending">
            {t('plan.actual.pending', { count: pending })}
          </Table.Td>
        ) : (
          <Table.Td ta="right" fw={fw} c={difference < 0 ? 'red.7' : difference > 0 ? 'teal.8' : 'dimmed'}>
            {splitTotal(actual) || splitTotal(planned) ? signedHoursMinutes(difference) : '—'}
          </Table.Td>
        )}
      </>
    );
  };
  const allocated = time.allocation;
  const totalAllocated = allocated.onSite === null && allocated.remote === null ? null : (allocated.onSite ?? 0) + (allocated.remote ?? 0);
  const days = (minutes: number | null) => (minutes === null ? t('plan.actual.notAllocated') : auditorDays(minutes));

  return (
    <Card withBorder padding="md" data-testid="actual-time">
      <Stack gap="xs">
        <div>
          <Title order={5}>{t('plan.actual.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('plan.actual.intro')} {t('plan.actual.hours')}
          </Text>
        </div>
        {time.notRecorded.length ? (
          <Group gap={6} wrap="nowrap">
            <IconInfoCircle size={16} color="var(--mantine-color-blue-7)" style={{ flexShrink: 0 }} />
            <Text size="sm" data-testid="actual-not-recorded">
              {t('plan.actual.notRecorded', { count: time.notRecorded.length })}
            </Text>
          </Group>
        ) : null}
        {time.days.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plan.actual.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing={4} fz="sm" data-testid="actual-time-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2}>{t('plan.actual.member')}</Table.Th>
                  <Table.Th colSpan={2} ta="center">{t('plan.actual.planned')}</Table.Th>
                  <Table.Th colSpan={3} ta="center" style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}>{t('plan.actual.actual')}</Table.Th>
                  <Table.Th rowSpan={2} ta="right">{t('plan.actual.difference')}</Table.Th>
                  <Table.Th colSpan={2} ta="center">{t('plan.actual.from')}</Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th ta="right">{t('plan.actual.onSite')}</Table.Th>
                  <Table.Th ta="right">{t('plan.actual.remote')}</Table.Th>
                  <Table.Th ta="right" style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}>{t('plan.actual.onSite')}</Table.Th>
                  <Table.Th ta="right">{t('plan.actual.remote')}</Table.Th>
                  <Table.Th ta="right">{t('plan.actual.offSite')}</Table.Th>
                  <Table.Th>{t('plan.actual.planned')}</Table.Th>
                  <Table.Th>{t('plan.actual.actual')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {time.days.map((day) => (
                  <Fragment key={day.day}>
                    <Table.Tr bg="gray.0" data-testid="actual-day" data-day={day.day}>
                      <Table.Td fw={600}>
                        {formatDay(day.day)}
                        <Text size="xs" c="dimmed" fw={400}>
                          {t('plan.actual.dayTotal')}
                        </Text>
                      </Table.Td>
                      {cells(day.planned, day.actual, day.pending, true)}
                      <Table.Td fw={600} data-testid="actual-day-planned-span">{span(day.plannedSpan)}</Table.Td>
                      <Table.Td fw={600} data-testid="actual-day-span">{span(day.actualSpan)}</Table.Td>
                    </Table.Tr>
                    {time.members
                      .filter((row) => row.day === day.day)
                      .map((row) => {
                        const who = member(row.memberId);
                        return (
                          <Table.Tr key={row.memberId} c={row.counted ? undefined : 'dimmed'} data-testid="actual-member" data-member={who?.name} data-day={row.day}>
                            <Table.Td pl="lg">
                              <Text span size="sm" translate="no">
                                {who?.name}
                              </Text>
                              <Text span size="xs" c="dimmed">
                                {' · '}
                                {who ? t(`teamRole.${who.role}`) : ''}
                                {row.counted ? '' : ` (${t('plan.actual.notCounted')})`}
                              </Text>
                            </Table.Td>
                            {cells(row.planned, row.actual, row.pending)}
                            <Table.Td>{span(row.plannedSpan)}</Table.Td>
                            <Table.Td>{span(row.actualSpan)}</Table.Td>
                          </Table.Tr>
                        );
                      })}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('plan.actual.totals')}
          </Text>
          <Table verticalSpacing={4} fz="sm" w="auto" data-testid="actual-totals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">{t('plan.actual.onSite')}</Table.Th>
                <Table.Th ta="right">{t('plan.actual.remote')}</Table.Th>
                <Table.Th ta="right">{t('plan.actual.offSite')}</Table.Th>
                <Table.Th ta="right">{t('plan.actual.totalRow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('plan.actual.allocated')}</Table.Td>
                <Table.Td ta="right">{days(allocated.onSite)}</Table.Td>
                <Table.Td ta="right">{days(allocated.remote)}</Table.Td>
                <Table.Td ta="right">—</Table.Td>
                <Table.Td ta="right">{days(totalAllocated)}</Table.Td>
              </Table.Tr>
              <Table.Tr data-testid="actual-totals-planned">
                <Table.Td>{t('plan.actual.planned')}</Table.Td>
                <Table.Td ta="right">{auditorDays(time.totals.planned.onSite)}</Table.Td>
                <Table.Td ta="right">{auditorDays(time.totals.planned.remote)}</Table.Td>
                <Table.Td ta="right">{auditorDays(time.totals.planned.offSite)}</Table.Td>
                <Table.Td ta="right">{auditorDays(splitTotal(time.totals.planned))}</Table.Td>
              </Table.Tr>
              <Table.Tr data-testid="actual-totals-actual">
                <Table.Td fw={600}>{t('plan.actual.actual')}</Table.Td>
                <Table.Td ta="right" fw={600}>{auditorDays(time.totals.actual.onSite)}</Table.Td>
                <Table.Td ta="right" fw={600}>{auditorDays(time.totals.actual.remote)}</Table.Td>
                <Table.Td ta="right" fw={600}>{auditorDays(time.totals.actual.offSite)}</Table.Td>
                <Table.Td ta="right" fw={600}>{auditorDays(splitTotal(time.totals.actual))}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
    </Card>
  );
}
