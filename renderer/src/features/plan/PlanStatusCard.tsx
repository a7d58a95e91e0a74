import { Badge, Card, Group, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store.ts';
import { auditorDays } from './plan-words.ts';
import { statusOf, useAsRan } from './use-as-ran.ts';
import { usePlan } from './use-plan.ts';

/** The plan's state on the Overview: sessions, problems, coverage, auditor time, sessions recorded as held — and what to do next. */
export function PlanStatusCard() {
  const { t } = useTranslation();
  const setSection = useAppStore((s) => s.setSection);
  const plan = usePlan();
  const asRan = useAsRan(plan);
  const { rows, check, loaded } = plan;
  if (!loaded) return null;
  const working = rows.sessions.filter((session) => session.kind !== 'break');
  const recorded = working.filter((session) => statusOf(asRan, session.id) !== 'planned').length;
  const cancelled = working.filter((session) => statusOf(asRan, session.id) === 'cancelled').length;
  const errors = check.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = check.issues.length - errors;
  const required = check.coverage.required.length;
  const covered = required - check.coverage.missing.length;
  const next = rows.sessions.length === 0 ? t('plan.overview.next') : errors ? t('plan.overview.fix') : warnings ? t('plan.overview.gaps') : null;
  return (
    <Card withBorder padding="md" data-testid="plan-status">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('plan.overview.title')}</Title>
        <Group gap={6}>
          <Badge variant="light" color="gray">{t('plan.overview.sessions', { count: rows.sessions.length })}</Badge>
          {errors ? <Badge color="red">{t('plan.checks.errors', { count: errors })}</Badge> : null}
          {warnings ? <Badge color="orange" variant="light">{t('plan.checks.warnings', { count: warnings })}</Badge> : null}
        </Group>
      </Group>
      <Stack gap={6}>
        {required ? (
          <div>
            <Text size="sm">{t('plan.coverageValue', { covered, required })}</Text>
            <Progress value={(covered / required) * 100} color={covered === required ? 'teal' : 'orange'} size="sm" mt={4} />
          </div>
        ) : null}
        <Text size="sm">
          {t('common.labelled', { label: t('plan.time'), value: t('plan.timeValue', { onSite: auditorDays(check.planned.onSite), remote: auditorDays(check.planned.remote) }) })}
        </Text>
        {recorded ? (
          <Text size="sm" data-testid="plan-status-as-ran">
            {t('plan.overview.asRan', { recorded, total: working.length, cancelled })}
            {asRan.issues.size ? (
              <Text span c="orange.8">
                {' · '}
                {t('plan.overview.asRanIssues', { count: asRan.issues.size })}
              </Text>
            ) : null}
          </Text>
        ) : null}
        {next ? (
          <UnstyledButton onClick={() => setSection('plan')} data-testid="next-step-plan">
            <Text size="sm" c={errors ? 'red.7' : 'indigo'}>
              <IconArrowRight size={14} style={{ verticalAlign: 'middle' }} /> {next}
            </Text>
          </UnstyledButton>
        ) : (
          <Text size="sm" c="teal">
            <IconCircleCheck size={14} style={{ verticalAlign: 'middle' }} /> {t('plan.overview.ready')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
