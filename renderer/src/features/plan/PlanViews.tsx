import { Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../components/format.ts';
import type { PlanSession } from './plan-types.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import { SessionCard, type Severity } from './SessionCard.tsx';
import { topicLabel } from './plan-words.ts';
import { statusOf, type AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';

interface ViewProps {
  plan: Plan;
  /** What happened to each session, shown once recorded. */
  asRan: AsRan;
  days: readonly string[];
  selected: string | null;
  severity: (sessionId: string) => Severity;
  onOpen: (session: PlanSession) => void;
}

/** One column per audit day (and any day a session was moved to outside them), sessions in time order. */
export function DayView({ plan, asRan, days, selected, severity, onOpen }: ViewProps) {
  const { t } = useTranslation();
  return (
    <ScrollArea type="auto" offsetScrollbars data-testid="plan-days">
      <SimpleGrid cols={Math.max(days.length, 1)} spacing="sm" miw={days.length * 220}>
        {days.map((day) => {
          const sessions = plan.rows.sessions.filter((session) => session.day === day);
          return (
            <Stack key={day} gap={6} data-testid="plan-day" data-day={day}>
              <Text size="sm" fw={600}>
                {formatDay(day)}
              </Text>
              {sessions.length === 0 ? (
                <Paper withBorder radius="sm" p="sm" style={{ borderStyle: 'dashed' }}>
                  <Text size="xs" c="dimmed">
                    {t('plan.dayEmpty')}
                  </Text>
                </Paper>
              ) : null}
              {sessions.map((session) => (
                <SessionCard key={session.id} plan={plan} session={session} status={statusOf(asRan, session.id)} selected={selected === session.id} severity={severity(session.id)} onOpen={() => onOpen(session)} />
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
    </ScrollArea>
  );
}

/** Every session in one table, by day and time: what the client will read in the plan. */
export function ListView({ plan, asRan, selected, severity, onOpen }: ViewProps) {
  const { t, i18n } = useTranslation();
  const { rows, team, sites, pack } = plan;
  const of = <T extends { session_id: string }>(list: readonly T[], id: string) => list.filter((link) => link.session_id === id);
  return (
    <Table highlightOnHover verticalSpacing={6} data-testid="plan-list" aria-label={t('plan.title')}>
      <Table.Thead>
        {/* Headers and days kept whole: Chinese breaks between any two characters (审核 / 组, 2026年12月7 / 日). */}
        <Table.Tr style={{ whiteSpace: 'nowrap' }}>
          <Table.Th w={110}>{t('plan.columns.day')}</Table.Th>
          <Table.Th w={100}>{t('plan.columns.time')}</Table.Th>
          <Table.Th>{t('plan.columns.session')}</Table.Th>
          <Table.Th>{t('plan.columns.where')}</Table.Th>
          <Table.Th>{t('plan.columns.team')}</Table.Th>
          <Table.Th>{t('plan.columns.auditees')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.sessions.map((session) => {
          const mark = severity(session.id);
          return (
            <Table.Tr key={session.id} onClick={() => onOpen(session)} style={{ cursor: 'pointer' }} bg={selected === session.id ? 'indigo.0' : undefined} data-testid="plan-row" data-session={session.id}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(session.day)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={mark === 'error' ? 'red.7' : undefined}>
                  {session.start_time}–{session.end_time}
                </Text>
                {session.kind !== 'break' && statusOf(asRan, session.id) !== 'planned' ? <OutcomeBadge status={statusOf(asRan, session.id)} size="xs" /> : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} translate={session.title ? 'no' : undefined}>
                  {session.title || t(`plan.kind.${session.kind}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {of(rows.topics, session.id).map((topic) => topicLabel(topic.kind, topic.topic, pack, i18n.language)).join(t('common.groupSeparator'))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" translate="no">
                  {session.remote ? `${t('plan.remote')}${session.remote_tool ? ` · ${session.remote_tool}` : ''}` : (sites.find((site) => site.id === session.site_id)?.name ?? '')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {of(rows.members, session.id).map((link) => {
                    const member = team.find((candidate) => candidate.id === link.team_member_id);
                    return member ? <Badge key={link.id} size="sm" variant={member.role === 'lead' || member.role === 'auditor' ? 'filled' : 'outline'} translate="no">{member.initials}</Badge> : null;
                  })}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs" translate="no">
                  {of(rows.auditees, session.id).map((auditee) => (auditee.role ? t('common.withDetail', { name: auditee.name, detail: auditee.role }) : auditee.name)).join(t('common.listSeparator'))}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
