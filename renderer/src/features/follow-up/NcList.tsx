import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NcFollowUpView } from '../../../../shared/contract/follow-up-views.ts';
import type { CaState } from '../../../../shared/findings/finding-kinds.ts';
import { formatDay } from '../../components/format.ts';
import { isOverdue, localized, stepKey } from './labels.ts';

export const STATE_COLOURS: Record<CaState, string> = {
  raised: 'gray',
  acknowledged: 'blue',
  response_received: 'indigo',
  accepted: 'teal',
  rejected: 'orange',
  implemented: 'cyan',
  verified: 'green',
  closed: 'green',
};

/** The nonconformities: number, grade, state, what comes next and the dates that matter (overdue in red). */
export function NcList({ items, selected, onSelect }: { items: readonly NcFollowUpView[]; selected: string | null; onSelect: (findingId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs" role="listbox" aria-label={t('followUp.list.label')} data-testid="nc-list">
      {items.map((item) => {
        const late = isOverdue(item);
        const active = item.findingId === selected;
        const due = item.state === 'closed' ? null : item.overdue.action && item.action?.action_due ? { key: 'action', day: item.action.action_due } : ['raised', 'acknowledged', 'rejected'].includes(item.state) && item.deadlines.response ? { key: 'response', day: item.deadlines.response } : item.deadlines.verification ? { key: 'verification', day: item.deadlines.verification } : null;
        return (
          <UnstyledButton key={item.findingId} onClick={() => onSelect(item.findingId)} role="option" aria-selected={active} data-testid="nc-row" data-finding={item.findingId} data-overdue={late || undefined}>
            <Paper
              withBorder
              p="sm"
              style={{
                borderColor: active ? 'var(--mantine-color-blue-6)' : late ? 'var(--mantine-color-red-4)' : undefined,
                background: active ? 'var(--mantine-color-blue-0)' : late ? 'var(--mantine-color-red-0)' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text fw={700} translate="no">
                    {item.label}
                  </Text>
                  <Badge variant={item.major ? 'filled' : 'light'} color={item.major ? 'red' : 'orange'} tt="none" size="sm">
                    {localized(item.gradeName, i18n.language, item.grade)}
                  </Badge>
                </Group>
                <Badge color={STATE_COLOURS[item.state]} variant={item.state === 'closed' ? 'filled' : 'light'} tt="none" data-testid="nc-state">
                  {t(`followUp.state.${item.state}`)}
                </Badge>
              </Group>
              <Text size="sm" lineClamp={2} mt={4} translate="no">
                {item.notFulfilled || item.evidence || item.requirement}
              </Text>
              <Group justify="space-between" mt={4} gap="xs">
                <Text size="xs" c="dimmed">
                  {item.clauses.length ? t('followUp.list.clauses', { clauses: item.clauses.join(t('common.listSeparator')) }) : ''}
                  {item.clauses.length ? ' · ' : ''}
                  {item.state === 'closed' ? t('followUp.list.done') : t('followUp.list.next', { step: t(`followUp.step.${stepKey(item)}`) })}
                </Text>
                {due ? (
                  <Text size="xs" c={late ? 'red' : 'dimmed'} fw={late ? 700 : undefined} data-testid="nc-due">
                    {late ? <IconAlertTriangle size={12} style={{ verticalAlign: -1, marginRight: 2 }} /> : null}
                    {t(`followUp.deadline.${due.key as 'action' | 'response' | 'verification'}`, { day: formatDay(due.day) })}
                    {late ? ` · ${t('followUp.deadline.overdue')}` : ''}
                  </Text>
                ) : null}
              </Group>
            </Paper>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
