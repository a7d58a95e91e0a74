import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { ChecklistAnswerView } from '../../../../shared/contract/fieldwork-channels.ts';
import { checklistUnits } from '../../../../shared/fieldwork/checklist-units.ts';
import { fieldworkProgress, type FieldworkNextStep } from '../../../../shared/fieldwork/fieldwork-progress.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { auditDayOf } from '../../../../shared/time.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore, type Section } from '../../state/app-store.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import type { PlanLoadView } from '../../../../shared/contract/plan-views.ts';

/** Who answers the checklist: the others (experts, observers, guides) appear once they have answers. */
const answeringRoles = new Set(['lead', 'auditor']);

const STEP_SECTION: Record<FieldworkNextStep['kind'], Section> = {
  'unrecorded-sessions': 'plan',
  'not-started': 'fieldwork',
  'findings-expected': 'fieldwork',
  'conclusions-missing': 'conclusions',
};

/**
 * Fieldwork on the Overview: answered against total per process and clause group and per team
 * member, sessions held against planned, and what to do next — each step a link to its section.
 */
export function FieldworkProgressCard() {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const setSection = useAppStore((s) => s.setSection);
  const engagement = current.engagement!;
  const records = useFieldworkRecords((s) => s.records);
  const load = useFieldworkRecords((s) => s.load);
  const [pack, setPack] = useState<ChecklistPack | null>(null);
  const [answers, setAnswers] = useState<ChecklistAnswerView[] | null>(null);
  const [plan, setPlan] = useState<PlanLoadView | null>(null);

  useEffect(() => {
    void load(current.handle);
    // The Overview shows what it can: a failure here leaves the card out, the sections report it.
    invoke('fieldwork:state', { engagementHandle: current.handle }).then((state) => setAnswers(state.answers), () => setAnswers([]));
    invoke('plan:load', { engagementHandle: current.handle }).then(setPlan, () => setPlan(null));
    engagementPack(current.handle, engagement.checklist_pack_id).then(setPack, () => setPack(null));
  }, [current.handle, engagement.checklist_pack_id, load]);

  const progress = useMemo(() => {
    if (!pack || !answers || !plan || !records) return null;
    return fieldworkProgress({
      units: checklistUnits(pack),
      answers,
      team: plan.team.map((member) => ({ id: member.id, name: member.name })),
      sessions: plan.sessions,
      outcomes: records.session_outcome,
      conclusions: records.conclusion,
      today: auditDayOf(Date.now(), engagement.time_zone),
    });
  }, [pack, answers, plan, records, engagement.time_zone]);

  if (!progress || !pack || !plan) return null;
  const roleOf = new Map(plan.team.map((member) => [member.id, member.role]));
  const { sessions } = progress;
  const started = progress.answered > 0 || sessions.held > 0 || (records?.notebook_entry.length ?? 0) > 0;
  return (
    <Card withBorder padding="md" data-testid="fieldwork-progress">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('fieldworkProgress.title')}</Title>
        <Group gap={6}>
          <Badge variant="light" color="gray">
            {t('fieldworkProgress.sessions', { held: sessions.held, planned: sessions.planned })}
          </Badge>
          {sessions.cancelled ? <Badge variant="light" color="orange">{t('fieldworkProgress.cancelled', { count: sessions.cancelled })}</Badge> : null}
          {sessions.added ? <Badge variant="light" color="indigo">{t('fieldworkProgress.added', { count: sessions.added })}</Badge> : null}
        </Group>
      </Group>
      <Text size="sm">{t('fieldworkProgress.answered', { answered: progress.answered, total: progress.total })}</Text>
      <Progress value={progress.total ? (progress.answered / progress.total) * 100 : 0} size="sm" mt={4} mb="sm" />
      {!started ? (
        <UnstyledButton onClick={() => setSection('fieldwork')}>
          <Text size="sm" c="indigo">
            <IconArrowRight size={14} style={{ verticalAlign: 'middle' }} /> {t('fieldworkProgress.notStarted')}
          </Text>
        </UnstyledButton>
      ) : (
        <Stack gap="sm">
          <Stack gap={2}>
            {progress.next.map((step) => (
              <UnstyledButton key={step.kind} onClick={() => setSection(STEP_SECTION[step.kind])} data-testid={`fieldwork-next-${step.kind}`}>
                <Text size="sm" c={step.kind === 'unrecorded-sessions' ? 'orange.8' : 'indigo'}>
                  <IconArrowRight size={14} style={{ verticalAlign: 'middle' }} /> {t(`fieldworkProgress.next.${step.kind}`, { count: step.count })}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              {t('fieldworkProgress.processes')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing={4} data-testid="fieldwork-progress-units">
              {progress.units.map((unit) => (
                <div key={unit.key} data-testid="fieldwork-progress-unit">
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <Text size="xs" truncate translate="no" title={topicLabel(unit.kind, unit.kind === 'process' ? unit.key : unit.number, pack, i18n.language)}>
                      {topicLabel(unit.kind, unit.kind === 'process' ? unit.key : unit.number, pack, i18n.language)}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      {unit.results.nonconformity ? <Badge size="xs" color="red" variant="light">{t('fieldworkProgress.nc', { count: unit.results.nonconformity })}</Badge> : null}
                      {unit.results.observation ? <Badge size="xs" color="orange" variant="light">{t('fieldworkProgress.obs', { count: unit.results.observation })}</Badge> : null}
                      {unit.conclusion !== 'not_concluded' ? <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" aria-label={t('fieldworkProgress.concluded')} /> : null}
                      <Text size="xs" c={unit.answered ? undefined : 'dimmed'}>
                        {unit.answered}/{unit.total}
                      </Text>
                    </Group>
                  </Group>
                  <Progress value={unit.total ? (unit.answered / unit.total) * 100 : 0} size={3} color={unit.answered === unit.total ? 'teal' : 'indigo'} />
                </div>
              ))}
            </SimpleGrid>
          </div>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              {t('fieldworkProgress.members')}
            </Text>
            <Group gap="lg" data-testid="fieldwork-progress-members">
              {progress.members
                .filter((member) => member.answered > 0 || answeringRoles.has(roleOf.get(member.id) ?? ''))
                .map((member) => (
                  <Group key={member.id} gap={6} wrap="nowrap">
                    <Text size="sm" translate="no">
                      {member.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('fieldworkProgress.member', { answered: member.answered })}
                    </Text>
                    {member.results.nonconformity ? <Badge size="xs" color="red" variant="light">{t('fieldworkProgress.nc', { count: member.results.nonconformity })}</Badge> : null}
                    {member.results.observation ? <Badge size="xs" color="orange" variant="light">{t('fieldworkProgress.obs', { count: member.results.observation })}</Badge> : null}
                  </Group>
                ))}
            </Group>
          </div>
        </Stack>
      )}
    </Card>
  );
}
