import { Badge, Card, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGateView } from '../../../../shared/contract/report-views.ts';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { afterPaint } from '../../state/after-paint.ts';
import { useAppStore } from '../../state/app-store.ts';

/**
 * The audit report on the Overview: whether the final report can be issued (or how many items keep it
 * back) and the last revision issued, with the way to the Report screen. Asked once the Overview has
 * painted; a failure leaves the card out (the Report screen says what went wrong).
 */
export function ReportStatusCard() {
  const { t } = useTranslation();
  const handle = useAppStore((s) => s.current!.handle);
  const setSection = useAppStore((s) => s.setSection);
  const [gate, setGate] = useState<ReportGateView | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      invoke('report:gate', { engagementHandle: handle }).then(
        (view) => live && setGate(view),
        () => live && setGate(null),
      );
    const cancel = afterPaint(() => void load());
    return () => {
      live = false;
      cancel();
    };
  }, [handle]);

  if (!gate) return null;
  const open = gate.items.filter((item) => item.blocking).length;
  const issued = gate.revisions.find((row) => row.kind === 'audit-report');
  return (
    <Card withBorder padding="md" data-testid="report-status">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('report.status.title')}</Title>
        <Badge variant="light" color={issued ? 'teal' : 'gray'}>
          {issued ? t('report.status.lastIssued', { revision: issued.revision, date: formatInstant(issued.exportedAt) }) : t('report.status.noneIssued')}
        </Badge>
      </Group>
      <UnstyledButton onClick={() => setSection('report')} data-testid="report-status-open">
        <Group gap={6} wrap="nowrap">
          <IconArrowRight size={14} />
          <Text size="sm" c={gate.ready ? 'teal' : undefined}>
            {gate.ready ? t('report.gate.ready', { revision: gate.nextRevision }) : t('report.gate.notReady', { count: open })}
          </Text>
          <Text size="xs" c="dimmed" translate="no">
            Alt+R
          </Text>
        </Group>
      </UnstyledButton>
    </Card>
  );
}
