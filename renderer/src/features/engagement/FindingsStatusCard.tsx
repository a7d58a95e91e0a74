import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { ClosingView } from '../../../../shared/contract/closing-views.ts';
import type { FindingsView } from '../../../../shared/contract/finding-views.ts';
import type { FollowUpView } from '../../../../shared/contract/follow-up-views.ts';
import { AREA_OF_CONCERN } from '../../../../shared/findings/finding-kinds.ts';
import { statementGaps } from '../../../../shared/findings/audit-statements.ts';
import { invoke } from '../../contract/client.ts';
import { afterPaint } from '../../state/after-paint.ts';
import { useAppStore, type Section } from '../../state/app-store.ts';

interface Loaded {
  readonly findings: FindingsView;
  readonly closing: ClosingView;
  readonly followUp: FollowUpView;
}

/**
 * Findings and closing on the Overview: how many of each grade, what is not numbered yet, the
 * nonconformities still to be acknowledged, the audit conclusions still empty, the recommendation
 * and overdue corrective actions — each line a link to where it is done. Left out before the first finding.
 */
export function FindingsStatusCard() {
  const { t, i18n } = useTranslation();
  const handle = useAppStore((s) => s.current!.handle);
  const setSection = useAppStore((s) => s.setSection);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const engagementHandle = handle;
    let live = true;
    // Asked once the Overview has painted (the engagement's worker answers the first cards first);
    // the Overview shows what it can: a failure leaves the card out, the sections report it.
    const load = () =>
      Promise.all([invoke('findings:view', { engagementHandle }), invoke('closing:view', { engagementHandle }), invoke('followUp:view', { engagementHandle })]).then(
        ([findings, closing, followUp]) => live && setLoaded({ findings, closing, followUp }),
        () => live && setLoaded(null),
      );
    const cancel = afterPaint(() => void load());
    return () => {
      live = false;
      cancel();
    };
  }, [handle]);

  if (!loaded || loaded.findings.findings.length === 0) return null;
  const { findings, closing, followUp } = loaded;
  const counts = new Map<string, number>();
  for (const finding of findings.findings) counts.set(finding.grade, (counts.get(finding.grade) ?? 0) + 1);
  const gradeName = (key: string): string => {
    if (key === AREA_OF_CONCERN) return t('findingsStatus.areaOfConcern');
    const grade = findings.grades.find((candidate) => candidate.key === key);
    return grade ? textIn(grade.name, i18n.language, 'en') : key;
  };
  const ordered = [...counts.keys()].sort((a, b) => (findings.grades.find((g) => g.key === a)?.order ?? 999) - (findings.grades.find((g) => g.key === b)?.order ?? 999));
  const unnumbered = findings.findings.filter((finding) => finding.finalNumber === '').length;
  const ncs = closing.findings.filter((finding) => finding.isNonconformity);
  const toAcknowledge = ncs.filter((finding) => finding.acknowledgement === null).length;
  const gaps = statementGaps(closing.items, closing.statements).length;
  const overdue = followUp.items.filter((item) => item.overdue.response || item.overdue.action || item.overdue.verification).length;
  const recommended = closing.recommendation.stored?.verdict ? closing.recommendation.wordings.find((w) => w.key === closing.recommendation.stored!.verdict) : undefined;

  const lines: { key: string; text: string; section: Section; tone: 'done' | 'todo' | 'late' }[] = [
    { key: 'numbered', text: unnumbered ? t('findingsStatus.unnumbered', { count: unnumbered }) : t('findingsStatus.numbered'), section: 'findings', tone: unnumbered ? 'todo' : 'done' },
    ...(ncs.length
      ? [{ key: 'acknowledged', text: toAcknowledge ? t('findingsStatus.toAcknowledge', { count: toAcknowledge, total: ncs.length }) : t('findingsStatus.acknowledged'), section: 'findings' as const, tone: toAcknowledge ? ('todo' as const) : ('done' as const) }]
      : []),
    { key: 'conclusions', text: gaps ? t('findingsStatus.conclusionsMissing', { count: gaps }) : t('findingsStatus.conclusionsDone'), section: 'conclusions', tone: gaps ? 'todo' : 'done' },
    {
      key: 'recommendation',
      text: recommended ? t('findingsStatus.recommendation', { text: textIn(recommended.text, i18n.language, 'en') }) : t('findingsStatus.noRecommendation'),
      section: 'conclusions',
      tone: recommended ? 'done' : 'todo',
    },
    ...(overdue ? [{ key: 'overdue', text: t('findingsStatus.overdue', { count: overdue }), section: 'findings' as const, tone: 'late' as const }] : []),
  ];
  const color = { done: 'teal', todo: undefined, late: 'red' } as const;
  return (
    <Card withBorder padding="md" data-testid="findings-status">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('findingsStatus.title')}</Title>
        <Group gap={6}>
          {ordered.map((key) => (
            <Badge key={key} variant="light" color={findings.grades.find((g) => g.key === key)?.isNonconformity ? 'red' : 'gray'}>
              <span translate="no">{gradeName(key)}</span> {counts.get(key)}
            </Badge>
          ))}
        </Group>
      </Group>
      <Stack gap={4}>
        {lines.map((line) => (
          <UnstyledButton key={line.key} onClick={() => setSection(line.section)} data-testid={`findings-status-${line.key}`}>
            <Group gap={6} wrap="nowrap">
              <IconArrowRight size={14} />
              <Text size="sm" c={color[line.tone]}>
                {line.text}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  );
}
