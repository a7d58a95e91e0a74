import { Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
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

  if (!progress || !pack) return null;
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
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
                {t('fieldworkProgress.processes')}
              </Text>
              <Table fz="sm" verticalSpacing={2} data-testid="fieldwork-progress-units">
                <Table.Tbody>
                  {progress.units.map((unit) => (
                    <Table.Tr key={unit.key}>
                      <Table.Td translate="no">{topicLabel(unit.kind, unit.kind === 'process' ? unit.key : unit.number, pack, i18n.language)}</Table.Td>
                      <Table.Td ta="right" c={unit.answered === unit.total ? 'teal' : unit.answered ? undefined : 'dimmed'}>
                        {unit.answered}/{unit.total}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {unit.results.nonconformity ? <Badge size="xs" color="red" variant="light">{t('fieldworkProgress.nc')} {unit.results.nonconformity}</Badge> : null}
                          {unit.results.observation ? <Badge size="xs" color="orange" variant="light">{t('fieldworkProgress.obs')} {unit.results.observation}</Badge> : null}
                          {unit.conclusion !== 'not_concluded' ? <Badge size="xs" color="teal" variant="outline">{t('fieldworkProgress.concluded')}</Badge> : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
                {t('fieldworkProgress.members')}
              </Text>
              <Table fz="sm" verticalSpacing={2} data-testid="fieldwork-progress-members">
                <Table.Tbody>
                  {progress.members.map((member) => (
                    <Table.Tr key={member.id}>
                      <Table.Td translate="no">{member.name}</Table.Td>
                      <Table.Td ta="right">{t('fieldworkProgress.member', { answered: member.answered })}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {member.results.nonconformity ? <Badge size="xs" color="red" variant="light">{t('fieldworkProgress.nc')} {member.results.nonconformity}</Badge> : null}
                          {member.results.observation ? <Badge size="xs" color="orange" variant="light">{t('fieldworkProgress.obs')} {member.results.observation}</Badge> : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
