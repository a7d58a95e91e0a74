import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { ReportGateView } from '../../../../shared/contract/report-views.ts';
import { useAppStore } from '../../state/app-store.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import { fixDestination } from './fix-target.ts';
import { gateLineText, groupItems, type GateGroup, type GateLine, type GateWording } from './gate-words.ts';

const GROUP_COLOR: Record<GateGroup, string> = { items: 'orange', stage1: 'orange', decisions: 'red', warnings: 'gray' };

/** One line of the check: the 9.4.8 number (if any), what is missing, and the link to where it is fixed. */
function GateLineView({ line, wording }: { line: GateLine; wording: GateWording }) {
  const { t } = useTranslation();
  const setSection = useAppStore((s) => s.setSection);
  const words = gateLineText(t, line, wording);
  const fix = fixDestination(line.items[0]!.fix);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="report-gate-item" data-code={line.code} data-count={line.items.length}>
      {line.item !== null ? (
        <Badge variant="light" color="gray" tt="none" miw={110} style={{ flexShrink: 0, overflow: 'visible' }} data-testid="report-gate-number">
          {t('report.gate.itemNumber', { number: line.item })}
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
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current!);
  const [pack, setPack] = useState<ChecklistPack | null>(null);
  // Processes are named as the Conclusions tab names them: from the engagement's checklist pack.
  useEffect(() => {
    engagementPack(current.handle, current.engagement?.checklist_pack_id ?? null).then(setPack, () => setPack(null));
  }, [current.handle, current.engagement?.checklist_pack_id]);
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
          <Group gap="md" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
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
              </Text>
              {gate.ready && warnings ? (
                <Text size="sm" c="dimmed">
                  {t('report.gate.readyWarnings', { count: warnings })}
                </Text>
              ) : null}
            </div>
          </Group>
          <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={onRecheck} loading={checking} style={{ flexShrink: 0 }} data-testid="report-gate-recheck">
            {t('report.gate.recheck')}
          </Button>
        </Group>

        {groups.map(({ group, count, lines }) => (
          <Alert
            key={group}
            variant="light"
            color={GROUP_COLOR[group]}
            icon={group === 'warnings' ? <IconInfoCircle size={18} /> : <IconAlertTriangle size={18} />}
            title={`${t(`report.gate.groups.${group}`)} · ${count}`}
            data-testid={`report-gate-${group}`}
          >
            <Stack gap={8} mt={4}>
              {lines.map((line, index) => (
                <GateLineView key={`${line.code}-${index}`} line={line} wording={{ auditType: gate.auditType, pack, language: i18n.language }} />
              ))}
            </Stack>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
