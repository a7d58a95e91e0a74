import { Badge, Card, Group, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MINUTES_PER_AUDITOR_DAY } from '../../../../shared/plan/plan-checks.ts';
import { auditorDays, wordIssue } from './plan-words.ts';
import { SurveillanceSelection } from './SurveillanceSelection.tsx';
import type { Plan } from './use-plan.ts';

/** The plan's checks beside it: problems first, then gaps, coverage and auditor time; a click selects the session. */
export function PlanChecks({ plan, onSelect }: { plan: Plan; onSelect: (sessionId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { check, engagement, pack } = plan;
  const errors = check.issues.filter((issue) => issue.severity === 'error');
  const warnings = check.issues.filter((issue) => issue.severity === 'warning');
  const required = check.coverage.required.length;
  const covered = required - check.coverage.missing.length;
  return (
    <Card withBorder padding="md" data-testid="plan-checks">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('plan.checks.title')}</Title>
        <Group gap={6}>
          {errors.length ? <Badge color="red">{t('plan.checks.errors', { count: errors.length })}</Badge> : null}
          {warnings.length ? <Badge color="orange" variant="light">{t('plan.checks.warnings', { count: warnings.length })}</Badge> : null}
        </Group>
      </Group>
      <Stack gap={6}>
        {check.issues.length === 0 ? (
          <Text size="sm" c="teal.8">
            <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom' }} /> {t('plan.checks.none')}
          </Text>
        ) : null}
        {[...errors, ...warnings].map((issue, index) => (
          <UnstyledButton key={`${issue.code}-${index}`} onClick={() => issue.sessionIds[0] && onSelect(issue.sessionIds[0])} data-testid="plan-issue" data-code={issue.code}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              {issue.severity === 'error' ? <IconCircleX size={16} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 2 }} /> : <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />}
              <Text size="sm">{wordIssue(issue, t, pack, i18n.language)}</Text>
            </Group>
          </UnstyledButton>
        ))}
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="xs">
            {t('plan.coverage')}
          </Text>
          {required ? (
            <>
              <Text size="sm" data-testid="plan-coverage">{t('plan.coverageValue', { covered, required })}</Text>
              <Progress value={(covered / required) * 100} color={covered === required ? 'teal' : 'orange'} size="sm" mt={4} />
            </>
          ) : (
            <Text size="sm" c="dimmed">{t('plan.coverageNone')}</Text>
          )}
        </div>
        <SurveillanceSelection plan={plan} />
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="xs">
            {t('plan.time')}
          </Text>
          <Text size="sm" data-testid="plan-time">{t('plan.timeValue', { onSite: auditorDays(check.planned.onSite), remote: auditorDays(check.planned.remote) })}</Text>
          <Text size="xs" c="dimmed">
            {engagement.allocated_onsite_days === null && engagement.allocated_remote_days === null
              ? t('plan.timeNotAllocated')
              : t('plan.timeAllocated', { onSite: auditorDays((engagement.allocated_onsite_days ?? 0) * MINUTES_PER_AUDITOR_DAY), remote: auditorDays((engagement.allocated_remote_days ?? 0) * MINUTES_PER_AUDITOR_DAY) })}
          </Text>
        </div>
      </Stack>
    </Card>
  );
}
