import { Badge, Card, Group, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SESSION_OUTCOMES } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { topicLabel } from './plan-words.ts';
import { statusOf, type AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';

/**
 * Beside the plan as it ran: how many sessions are recorded and how, what recorded sessions still
 * lack (a click selects the session), and what cancelled sessions leave uncovered.
 */
export function AsRanSummary({ plan, asRan, onSelect }: { plan: Plan; asRan: AsRan; onSelect: (sessionId: string) => void }) {
  const { t, i18n } = useTranslation();
  const working = plan.rows.sessions.filter((session) => session.kind !== 'break');
  const counts = new Map(SESSION_OUTCOMES.map((status) => [status, 0]));
  for (const session of working) counts.set(statusOf(asRan, session.id), (counts.get(statusOf(asRan, session.id)) ?? 0) + 1);
  const recorded = working.length - (counts.get('planned') ?? 0);
  const title = (id: string) => {
    const session = plan.rows.sessions.find((candidate) => candidate.id === id);
    return session ? session.title || t(`plan.kind.${session.kind}`) : '';
  };
  const issues = [...asRan.issues.entries()];
  return (
    <Card withBorder padding="md" data-testid="as-ran-summary">
      <Title order={5} mb="xs">
        {t('plan.asRan.summary')}
      </Title>
      <Stack gap={8}>
        <div>
          <Text size="sm" data-testid="as-ran-progress">
            {t('plan.asRan.progress', { recorded, total: working.length })}
          </Text>
          <Progress value={working.length ? (recorded / working.length) * 100 : 0} color={recorded === working.length ? 'teal' : 'indigo'} size="sm" mt={4} />
        </div>
        <Group gap={6}>
          {SESSION_OUTCOMES.filter((status) => counts.get(status)).map((status) => (
            <Badge key={status} variant="light" color={status === 'cancelled' ? 'red' : status === 'held' ? 'teal' : status === 'planned' ? 'gray' : status === 'added' ? 'grape' : 'orange'} tt="none">
              {t('common.labelled', { label: t(`plan.asRan.counts.${status}`), value: String(counts.get(status) ?? 0) })}
            </Badge>
          ))}
        </Group>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('plan.asRan.toFix')}
          </Text>
          {recorded === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plan.asRan.nothingYet')}
            </Text>
          ) : issues.length === 0 ? (
            <Text size="sm" c="teal.8">
              <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom' }} /> {t('plan.asRan.noIssues')}
            </Text>
          ) : (
            <Stack gap={4} mt={4}>
              {issues.map(([sessionId, codes]) => (
                <UnstyledButton key={sessionId} onClick={() => onSelect(sessionId)} data-testid="as-ran-to-fix">
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />
                    <Text size="sm">
                      <Text span fw={500} translate="no">
                        {title(sessionId)}
                      </Text>
                      {': '}
                      {codes.map((code) => t(`plan.day.issues.${code}`)).join(' ')}
                    </Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </div>
        {asRan.gaps.length ? (
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('plan.asRan.gapsTitle')}
            </Text>
            <Stack gap={4} mt={4}>
              {asRan.gaps.map((gap) => (
                <UnstyledButton key={gap.sessionId} onClick={() => onSelect(gap.sessionId)} data-testid="as-ran-gap">
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconCircleX size={16} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 2 }} />
                    <Text size="sm">{t('plan.asRan.gap', { title: title(gap.sessionId), units: gap.units.map((unit) => topicLabel(unit.kind, unit.key, plan.pack, i18n.language)).join(t('common.groupSeparator')) })}</Text>
                  </Group>
                </UnstyledButton>
              ))}
              <Text size="xs" c="dimmed">
                {t('plan.asRan.gapHint')}
              </Text>
            </Stack>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
