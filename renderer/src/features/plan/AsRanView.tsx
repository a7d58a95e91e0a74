import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDeviceLaptop, IconPencil } from '@tabler/icons-react';
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { placeOf } from '../../../../shared/plan/session-outcomes.ts';
import { formatDay } from '../../components/format.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import type { PlanSession } from './plan-types.ts';
import { statusOf, type AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';

/**
 * The plan as it ran, session by session under each day: the planned time, what happened, the
 * actual day and times, where the time went, the reason. A click selects (then H, T, C record it),
 * a double click or Enter opens the session on "On the day".
 */
export function AsRanView({ plan, asRan, days, selected, onSelect, onOpen }: { plan: Plan; asRan: AsRan; days: readonly string[]; selected: string | null; onSelect: (id: string) => void; onOpen: (session: PlanSession) => void }) {
  const { t } = useTranslation();
  const { rows, team, sites } = plan;
  const selectedRow = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (plan.loaded && rows.sessions.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="as-ran-empty">
        {t('plan.asRan.empty')}
      </Text>
    );
  }
  const initials = (sessionId: string) =>
    [...new Set(rows.members.filter((link) => link.session_id === sessionId).map((link) => link.team_member_id))]
      .map((id) => team.find((member) => member.id === id)?.initials)
      .filter(Boolean)
      .join(' ');
  return (
    <Table verticalSpacing={5} highlightOnHover data-testid="as-ran" aria-label={t('plan.views.asRan')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={104}>{t('plan.asRan.columns.planned')}</Table.Th>
          <Table.Th>{t('plan.asRan.columns.session')}</Table.Th>
          <Table.Th w={160}>{t('plan.asRan.columns.status')}</Table.Th>
          <Table.Th w={150}>{t('plan.asRan.columns.actual')}</Table.Th>
          <Table.Th w="24%">{t('plan.asRan.columns.reason')}</Table.Th>
          <Table.Th w={36} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {days.map((day) => {
          const ofDay = rows.sessions.filter((session) => session.day === day);
          if (!ofDay.length) return null;
          return (
            <Fragment key={day}>
              <Table.Tr bg="gray.0">
                <Table.Td colSpan={6}>
                  <Text size="sm" fw={600}>
                    {formatDay(day)}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {ofDay.map((session) => {
                const outcome = asRan.outcomeOf.get(session.id);
                const status = statusOf(asRan, session.id);
                const issues = asRan.issues.get(session.id) ?? [];
                const isBreak = session.kind === 'break';
                const title = session.title || t(`plan.kind.${session.kind}`);
                const where = session.remote ? t('plan.remote') : (sites.find((site) => site.id === session.site_id)?.name ?? '');
                const ran = outcome && status !== 'planned' && status !== 'cancelled';
                const actualDay = outcome?.actual_day ?? session.day;
                const sameAsPlan = ran && actualDay === session.day && (outcome.actual_start ?? session.start_time) === session.start_time && (outcome.actual_end ?? session.end_time) === session.end_time;
                const place = ran ? placeOf({ remote: session.remote === 1 }, outcome.mode) : null;
                return (
                  <Table.Tr
                    key={session.id}
                    ref={selected === session.id ? selectedRow : undefined}
                    onClick={() => onSelect(session.id)}
                    onDoubleClick={() => !isBreak && onOpen(session)}
                    bg={selected === session.id ? 'indigo.0' : undefined}
                    style={{ cursor: 'pointer', outline: selected === session.id ? '2px solid var(--mantine-color-indigo-4)' : undefined, outlineOffset: -2 }}
                    aria-selected={selected === session.id}
                    data-testid="as-ran-row"
                    data-session={session.id}
                    data-status={status}
                  >
                    <Table.Td>
                      <Text size="sm" c={isBreak ? 'dimmed' : undefined} td={status === 'cancelled' ? 'line-through' : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {session.start_time}–{session.end_time}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={isBreak ? 400 : 500} c={isBreak ? 'dimmed' : undefined} lineClamp={2} translate={session.title ? 'no' : undefined} td={status === 'cancelled' ? 'line-through' : undefined}>
                        {title}
                      </Text>
                      {!isBreak ? (
                        <Text size="xs" c="dimmed" translate="no">
                          {[where, initials(session.id)].filter(Boolean).join(' · ')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {isBreak ? (
                        <Text size="xs" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Group gap={6} wrap="nowrap">
                          <OutcomeBadge status={status} />
                          {issues.length ? (
                            <Tooltip label={issues.map((code) => t(`plan.day.issues.${code}`)).join(' ')} multiline w={260}>
                              <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-label={issues.map((code) => t(`plan.day.issues.${code}`)).join(' ')} data-testid="as-ran-issue" />
                            </Tooltip>
                          ) : null}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {ran ? (
                        <>
                          <Text size="sm">
                            {sameAsPlan ? t('plan.asRan.asPlanned') : `${actualDay !== session.day ? `${formatDay(actualDay)} ` : ''}${outcome.actual_start ?? session.start_time}–${outcome.actual_end ?? session.end_time}`}
                          </Text>
                          {place && (outcome.mode !== 'as_planned' || session.remote === 1) ? (
                            <Badge size="xs" variant="light" color={place === 'remote' ? 'grape' : place === 'offSite' ? 'yellow' : 'gray'} leftSection={place === 'remote' ? <IconDeviceLaptop size={10} /> : undefined}>
                              {t(`plan.actual.${place}`)}
                            </Badge>
                          ) : null}
                          {/* Its own line: in the badge, "Remote · Partly effective" was cut off in this column. */}
                          {place === 'remote' && outcome.remote_effectiveness !== 'not_assessed' ? (
                            <Text size="xs" c={outcome.remote_effectiveness === 'effective' ? 'dimmed' : 'orange.8'} data-testid="as-ran-effectiveness">
                              {t(`plan.effectiveness.${outcome.remote_effectiveness}`)}
                            </Text>
                          ) : null}
                        </>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} translate="no">
                        {outcome?.reason ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {!isBreak ? (
                        <ActionIcon variant="subtle" color="gray" aria-label={t('plan.asRan.open', { title })} onClick={(event) => (event.stopPropagation(), onOpen(session))}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
