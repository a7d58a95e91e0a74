import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportGateItemView, ReportGateView } from '../../../../shared/contract/report-views.ts';
import type { AuditType } from '../../../../shared/engagement.ts';
import { useAppStore } from '../../state/app-store.ts';
import { fixDestination } from './fix-target.ts';
import { gateItemText, groupItems, type GateGroup } from './gate-words.ts';

const GROUP_COLOR: Record<GateGroup, string> = { items: 'orange', stage1: 'orange', decisions: 'red', warnings: 'gray' };

/** One line of the check: the 9.4.8 number (if any), what is missing, and the link to where it is fixed. */
function GateLine({ item, auditType }: { item: ReportGateItemView; auditType: AuditType }) {
  const { t } = useTranslation();
  const setSection = useAppStore((s) => s.setSection);
  const words = gateItemText(t, item, auditType);
  const fix = fixDestination(item.fix);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="report-gate-item" data-code={item.code}>
      {item.item !== null ? (
        <Badge variant="light" color="gray" w={120} style={{ flexShrink: 0 }} data-testid="report-gate-number">
          {t('report.gate.itemNumber', { number: item.item })}
        </Badge>
      ) : null}
      <Text size="sm" style={{ flex: 1 }}>
        {words}
      </Text>
      {fix ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={500}
          style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          onClick={() => setSection(fix.section, fix.tab)}
          aria-label={t('report.gate.fixLabel', { what: words })}
          data-testid="report-gate-fix"
        >
          {t('report.gate.fix')} <IconArrowRight size={14} style={{ verticalAlign: 'middle' }} />
        </Anchor>
      ) : null}
    </Group>
  );
}

/**
 * The completeness check: the verdict first ("Ready to issue revision 2", or how many items keep the
 * final report back), then the items — the 9.4.8 contents by number, the open decisions, and the
 * warnings that never block — each with its "Fix" link to the section and tab where it is done.
 */
export function ReportGateCard({ gate, checking, onRecheck }: { gate: ReportGateView | null; checking: boolean; onRecheck: () => void }) {
  const { t } = useTranslation();
  // Not checked yet: the check running, or (it failed, the notice above says why) the way to run it again.
  if (!gate) {
    return (
      <Card withBorder padding="lg" data-testid="report-gate">
        {checking ? (
          <Group gap="sm">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              {t('report.gate.checking')}
            </Text>
          </Group>
        ) : (
          <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={onRecheck} style={{ alignSelf: 'flex-start' }} data-testid="report-gate-recheck">
            {t('report.gate.recheck')}
          </Button>
        )}
      </Card>
    );
  }
  const blocking = gate.items.filter((item) => item.blocking).length;
  const warnings = gate.items.length - blocking;
  const groups = groupItems(gate.items);
  return (
    <Card withBorder padding="lg" data-testid="report-gate" data-ready={gate.ready}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={40} radius="xl" variant="light" color={gate.ready ? 'teal' : 'orange'}>
              {gate.ready ? <IconCircleCheck size={24} /> : <IconAlertTriangle size={24} />}
            </ThemeIcon>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('report.gate.title')}
              </Text>
              <Title order={3} data-testid="report-gate-verdict">
                {gate.ready ? t('report.gate.ready', { revision: gate.nextRevision }) : t('report.gate.notReady', { count: blocking })}
              </Title>
              <Text size="sm" c="dimmed" mt={2}>
                {gate.ready ? t('report.gate.readyText') : t('report.gate.notReadyText')}
                {gate.ready && warnings ? ` ${t('report.gate.readyWarnings', { count: warnings })}` : ''}
              </Text>
            </div>
          </Group>
          <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={onRecheck} loading={checking} data-testid="report-gate-recheck">
            {t('report.gate.recheck')}
          </Button>
        </Group>

        {groups.map(({ group, items }) => (
          <Alert
            key={group}
            variant="light"
            color={GROUP_COLOR[group]}
            icon={group === 'warnings' ? <IconInfoCircle size={18} /> : <IconAlertTriangle size={18} />}
            title={`${t(`report.gate.groups.${group}`)} · ${items.length}`}
            data-testid={`report-gate-${group}`}
          >
            <Stack gap={8} mt={4}>
              {items.map((item, index) => (
                <GateLine key={`${item.code}-${index}`} item={item} auditType={gate.auditType} />
              ))}
            </Stack>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
