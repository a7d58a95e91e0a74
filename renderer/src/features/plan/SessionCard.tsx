import { Badge, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleX, IconDeviceLaptop, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionOutcome } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import type { PlanSession } from './plan-types.ts';
import { topicLabel } from './plan-words.ts';
import type { Plan } from './use-plan.ts';

export type Severity = 'error' | 'warning' | null;

/** A session as the day view shows it: time, what, where, who; its worst check as a mark; what happened once recorded. */
export function SessionCard({ plan, session, status, selected, severity, onOpen }: { plan: Plan; session: PlanSession; status: SessionOutcome; selected: boolean; severity: Severity; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const { rows, team, sites, pack } = plan;
  const members = rows.members.filter((link) => link.session_id === session.id).map((link) => team.find((member) => member.id === link.team_member_id)).filter((member) => member !== undefined);
  const topics = rows.topics.filter((link) => link.session_id === session.id);
  const site = sites.find((candidate) => candidate.id === session.site_id);
  const isBreak = session.kind === 'break';
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      bg={isBreak ? 'gray.1' : session.kind === 'audit' ? 'white' : 'indigo.0'}
      style={{ cursor: 'pointer', outline: selected ? '2px solid var(--mantine-color-indigo-5)' : undefined }}
      onClick={onOpen}
      data-testid="plan-session"
      data-session={session.id}
      aria-selected={selected}
    >
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text size="xs" fw={600} c="dimmed">
          {session.start_time}–{session.end_time}
        </Text>
        {severity === 'error' ? <IconCircleX size={14} color="var(--mantine-color-red-7)" aria-label={t('plan.checks.hasErrors')} /> : severity === 'warning' ? <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label={t('plan.checks.hasWarnings')} /> : null}
      </Group>
      <Text size="sm" fw={500} lineClamp={2} translate={session.title ? 'no' : undefined} td={status === 'cancelled' ? 'line-through' : undefined}>
        {session.title || t(`plan.kind.${session.kind}`)}
      </Text>
      {!isBreak && status !== 'planned' ? <OutcomeBadge status={status} size="xs" /> : null}
      {!isBreak ? (
        <>
          {topics.length ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {topics.map((topic) => topicLabel(topic.kind, topic.topic, pack, i18n.language).split(' ')[0]).join(t('common.listSeparator'))}
            </Text>
          ) : null}
          <Group gap={4} mt={4} wrap="wrap">
            {session.remote ? (
              <Badge size="xs" variant="light" color="grape" leftSection={<IconDeviceLaptop size={10} />}>
                {t('plan.remote')}
              </Badge>
            ) : site ? (
              <Badge size="xs" variant="light" color="gray" tt="none" leftSection={<IconMapPin size={10} />} translate="no">
                {site.name}
              </Badge>
            ) : null}
            {members.map((member) => (
              <Badge key={member.id} size="xs" variant={member.role === 'lead' || member.role === 'auditor' ? 'filled' : 'outline'} translate="no">
                {member.initials}
              </Badge>
            ))}
          </Group>
        </>
      ) : null}
    </Paper>
  );
}
